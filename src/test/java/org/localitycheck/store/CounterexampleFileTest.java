package org.localitycheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.search.Families;
import org.localitycheck.search.Finding;

/** Files for softmax instances carry Pi and H as enclosures; a second write of the same content is skipped. */
class CounterexampleFileTest {
    @TempDir
    Path dir;

    @Test
    void softmaxInstancesFlowThroughTheStore() throws Exception {
        Instance inst = Families.generate("softmax", 5).instance();
        Verdict v = Claims.byId("lemma10").reading("literal").check().apply(new Context(inst), Witness.empty());
        Finding f = new Finding("lemma10", "literal", inst, Witness.empty(), v, "softmax", 5, 0, 0, 0, 0);
        Path p = CounterexampleFile.write(dir, f);
        JsonNode j = CounterexampleFile.read(p);
        assertEquals("softmax", j.get("instance").get("policy").get("kind").asText());
        JsonNode pi = j.get("matrices").get("Pi");
        assertTrue(pi.has("lower") && pi.has("upper"));
        Rational lo = Rational.parse(pi.get("lower").get(0).get(0).asText());
        Rational hi = Rational.parse(pi.get("upper").get(0).get(0).asText());
        assertTrue(lo.compareTo(hi) <= 0);
        assertEquals(InstanceJson.canonical(inst.withName(null)),
                InstanceJson.canonical(InstanceJson.fromTree(j.get("instance"), InstanceJson.DEFAULT_SIZE_LIMIT)));
        assertNull(CounterexampleFile.write(dir, f), "the same content is not written twice");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }
}
