package org.localitycheck.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.store.ReferenceJson;

/**
 * Expected values: the reference outputs of shared/spec/examples (copied to src/test/resources/spec-examples),
 * "computed by an independent exact implementation" (FORMATS.md, Test vectors), kappa 0..6.
 */
class SpecExamplesTest {
    static String resource(String name) throws IOException {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-agents", "three-agents-scopes", "four-agents-multichain", "four-agents-mixed-spelling"})
    void everyExactFieldEqualsTheSpecReference(String name) throws IOException {
        Instance inst = InstanceJson.parse(resource(name + ".instance.json"), InstanceJson.DEFAULT_SIZE_LIMIT);
        JsonNode expected = InstanceJson.parseTree(resource(name + ".reference.json"));
        JsonNode actual = ReferenceJson.toTree(Evaluation.of(inst, 6));
        Iterator<String> fields = expected.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (f.equals("rhoH")) {
                continue;
            }
            assertEquals(expected.get(f), actual.get(f), name + ": field " + f);
        }
    }

    /** Both enclosures are rigorous, so they must intersect; ours must be at most 1e-12 wide. */
    @ParameterizedTest
    @ValueSource(strings = {"two-agents", "three-agents-scopes", "four-agents-multichain", "four-agents-mixed-spelling"})
    void rhoEnclosureMeetsTheReferenceAndIsNarrow(String name) throws IOException {
        Instance inst = InstanceJson.parse(resource(name + ".instance.json"), InstanceJson.DEFAULT_SIZE_LIMIT);
        JsonNode rho = InstanceJson.parseTree(resource(name + ".reference.json")).get("rhoH");
        Rational lo = Rational.parse(rho.get("lower").asText());
        Rational hi = Rational.parse(rho.get("upper").asText());
        var ours = Evaluation.of(inst, 0).rhoH();
        assertTrue(ours.lower().compareTo(hi) <= 0 && lo.compareTo(ours.upper()) <= 0, name + ": " + ours);
        assertTrue(ours.width().compareTo(Rational.parse("0.000000000001")) <= 0);
        assertTrue(ours.width().compareTo(SpectralRadius.DEFAULT_WIDTH) <= 0);
    }
}
