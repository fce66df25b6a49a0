package org.localitycheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceJsonTest {
    static String resource(String name) throws IOException {
        try (InputStream in = InstanceJsonTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The expected hash is the "instance" field of the spec's reference output for the same example. */
    @ParameterizedTest
    @ValueSource(strings = {"two-agents", "three-agents-scopes", "four-agents-multichain", "four-agents-mixed-spelling"})
    void canonicalHashMatchesTheSpecExamples(String name) throws IOException {
        Instance inst = InstanceJson.parse(resource(name + ".instance.json"), InstanceJson.DEFAULT_SIZE_LIMIT);
        JsonNode ref = InstanceJson.parseTree(resource(name + ".reference.json"));
        assertEquals(ref.get("instance").asText(), InstanceJson.sha256(inst));
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-agents", "three-agents-scopes", "four-agents-multichain", "four-agents-mixed-spelling"})
    void roundTripIsTheIdentityOnCanonicalJson(String name) throws IOException {
        Instance inst = InstanceJson.parse(resource(name + ".instance.json"), InstanceJson.DEFAULT_SIZE_LIMIT);
        String canonical = InstanceJson.canonical(inst);
        Instance again = InstanceJson.parse(canonical, InstanceJson.DEFAULT_SIZE_LIMIT);
        assertEquals(canonical, InstanceJson.canonical(again));
        assertEquals(canonical, InstanceJson.canonical(InstanceJson.parse(
                CanonicalJson.pretty(InstanceJson.toTree(inst)), InstanceJson.DEFAULT_SIZE_LIMIT)));
    }

    /** bench's output size: the length of the pretty text, counted without building it. */
    @ParameterizedTest
    @ValueSource(strings = {"two-agents", "four-agents-multichain"})
    void prettyLengthIsTheLengthOfThePrettyText(String name) throws IOException {
        JsonNode ref = InstanceJson.parseTree(resource(name + ".reference.json"));
        assertEquals(CanonicalJson.pretty(ref).length(), CanonicalJson.prettyLength(ref));
        JsonNode inst = InstanceJson.parseTree(resource(name + ".instance.json"));
        assertEquals(CanonicalJson.pretty(inst).length(), CanonicalJson.prettyLength(inst));
    }
}
