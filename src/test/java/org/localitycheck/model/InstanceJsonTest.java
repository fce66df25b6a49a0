package org.localitycheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.search.Families;

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

    /**
     * The canonical text written straight from the instance is the tree's compact text (the oracle), and its streamed
     * hash the hash of that text: on the spec examples, every search family (tabular and softmax, with and without
     * observation lists), names needing escapes (a quote, a newline, non-ASCII, a surrogate pair), and a dense
     * instance of about 10 MB whose digest is fed in many chunks.
     */
    @Test
    void canonicalTextIsTheTreesCompactText() throws IOException {
        List<Instance> cases = new ArrayList<>();
        for (String name : List.of("two-agents", "three-agents-scopes", "four-agents-multichain",
                "four-agents-mixed-spelling")) {
            cases.add(InstanceJson.parse(resource(name + ".instance.json"), InstanceJson.DEFAULT_SIZE_LIMIT));
        }
        List<String> families = new ArrayList<>(Families.GENERAL);
        families.addAll(Families.EXAMPLES);
        families.addAll(List.of("softmax", "hub-softmax"));
        for (String family : families) {
            for (long seed = 0; seed < 3; seed++) {
                cases.add(Families.generate(family, seed).instance());
            }
        }
        Instance first = cases.get(0);
        cases.add(first.withName("a \"quoted\" name\nwith ünïcödé and \uD834\uDD1E"));
        cases.add(first.withName(null));
        cases.add(DenseBenchmarkInstance.generic(8, 1).withName("\uD834\uDD1E"));
        int softmax = 0;
        for (Instance inst : cases) {
            String oracle = CanonicalJson.compact(InstanceJson.toTree(inst));
            assertEquals(oracle, InstanceJson.canonical(inst), () -> "canonical text of " + inst.name());
            assertEquals(CanonicalJson.sha256Hex(oracle), InstanceJson.sha256(inst), () -> "hash of " + inst.name());
            softmax += inst.policy() instanceof SoftmaxPolicy ? 1 : 0;
        }
        assertEquals(6, softmax, "softmax instances among the cases");
    }

    /**
     * Parsing shares one node among equal short strings, and the tree is still the one Jackson's default factory
     * builds (the oracle): on a dense instance (10,240 kernel entries, 40 distinct strings in all) and on text with
     * long and escaped strings. Nodes added to a parsed tree afterwards are plain ones.
     */
    @Test
    void parsedTreesShareRepeatedStringsAndEqualJacksonsTree() throws IOException {
        String dense = InstanceJson.canonical(DenseBenchmarkInstance.generic(5, 1));
        String mixed = "[\"1/2\", \"1/2\", \"" + "7".repeat(40) + "\", \"" + "7".repeat(40) + "\", \"a\\\"b\","
                + " {\"k\": \"1/2\"}]";
        ObjectMapper plain = new ObjectMapper();
        for (String json : List.of(dense, mixed)) {
            assertEquals(plain.readTree(json), InstanceJson.parseTree(json));
        }
        JsonNode tree = InstanceJson.parseTree(mixed);
        assertSame(tree.get(0), tree.get(1));
        assertSame(tree.get(0), tree.get(5).get("k"));
        ((ArrayNode) tree).add("1/2");
        assertNotSame(tree.get(0), tree.get(6));
        Map<String, JsonNode> first = new HashMap<>();
        int entries = 0;
        for (JsonNode perAgent : InstanceJson.parseTree(dense).get("kernel")) {
            for (JsonNode perState : perAgent) {
                for (JsonNode row : perState) {
                    for (JsonNode entry : row) {
                        assertSame(first.computeIfAbsent(entry.textValue(), t -> entry), entry, entry::textValue);
                        entries++;
                    }
                }
            }
        }
        assertEquals(5 * 32 * 32 * 2, entries, "kernel entries of the n = 5 dense instance");
    }

    /** The quoting's fast path writes exactly what Jackson's encoder writes (the oracle), escapes included. */
    @ParameterizedTest
    @ValueSource(strings = {"3/8", "-12", "locality-check/instance@1", "a \"quoted\" name", "back\\slash", "new\nline",
        "tab\t", "del\u007f", "ünïcödé", "\uD834\uDD1E", ""})
    void quotingMatchesJacksonsEncoder(String text) throws IOException {
        StringBuilder sb = new StringBuilder();
        CanonicalJson.quote(text, sb);
        assertEquals("\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text))
                + "\"", sb.toString());
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
