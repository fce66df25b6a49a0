package org.localitycheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // other control characters as RFC 8785 (JCS) and Python's json.dumps write them: lower-case hex
        String control = InstanceJson.canonical(first.withName("a\u001fb\tc"));
        assertTrue(control.contains("\"name\":\"a\\u001fb\\tc\""), control);
    }

    /**
     * An observation list naming agent -1 is reported as that, before the policy's checks that rest on the lists (an
     * independent review found the message blaming the policy table instead).
     */
    @Test
    void anObservationListNamingNoAgentIsReportedFirst() {
        String json = "{\"format\": \"locality-check/instance@1\", \"agents\": [{\"states\": 2, \"actions\": 1,"
                + " \"observes\": [-1]}], \"kernel\": [[[[\"1\", \"0\"]], [[\"0\", \"1\"]]]],"
                + " \"policy\": {\"kind\": \"tabular\", \"tables\": [[[\"1\"], [\"1\"]]]}, \"reward\": [[\"1\"], [\"0\"]]}";
        InstanceException e = assertThrows(InstanceException.class, () -> InstanceJson.parse(json, 1 << 20));
        assertTrue(e.getMessage().startsWith("agents[0].observes[0]: is -1, not an agent index"), e.getMessage());
    }

    /** The outcome of reading a document through the tree alone (the reader before the one-pass read): the oracle. */
    private static String viaTree(String doc) {
        try {
            JsonNode root = InstanceJson.parseTree(doc);
            if (root == null || !root.isObject()) {
                throw new InstanceException("", "the document is not a JSON object");
            }
            return InstanceJson.canonical(InstanceJson.fromTree(root, InstanceJson.DEFAULT_SIZE_LIMIT));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String viaParse(String doc) {
        try {
            return InstanceJson.canonical(InstanceJson.parse(doc, InstanceJson.DEFAULT_SIZE_LIMIT));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * The one-pass read gives what the tree gives, instance or message, on every document: well-formed ones (the spec
     * examples, search families, dense instances, keys in other orders, unknown keys, white space) are read in one
     * pass; a mutation at each kind of place (a number, null, an object or an array for an entry; rows of the wrong
     * depth; a missing, null or duplicate key; digits past the limit; text that is no number; a wrong, missing or
     * other format; trailing text; a cut-off document; a root that is no object) is not, and the tree names it.
     */
    @Test
    void onePassReadGivesTheTreesInstanceOrMessage() throws IOException {
        List<String> good = new ArrayList<>();
        for (String name : List.of("two-agents", "three-agents-scopes", "four-agents-multichain",
                "four-agents-mixed-spelling")) {
            good.add(resource(name + ".instance.json"));
        }
        for (String family : List.of("random", "softmax", "hub-softmax")) {
            good.add(CanonicalJson.pretty(InstanceJson.toTree(Families.generate(family, 4).instance())));
        }
        good.add(CanonicalJson.compact(InstanceJson.toTree(DenseBenchmarkInstance.generic(5, 2))));
        good.add(CanonicalJson.pretty(InstanceJson.toTree(DenseBenchmarkInstance.softmax(3, 1))));
        good.add(CanonicalJson.pretty(InstanceJson.toTree(DenseBenchmarkInstance.of(4, 1))));
        String two = resource("two-agents.instance.json");
        JsonNode twoTree = InstanceJson.parseTree(two);
        StringBuilder reversed = new StringBuilder("{");
        List<String> keys = new ArrayList<>();
        twoTree.fieldNames().forEachRemaining(keys::add);
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.append(i < keys.size() - 1 ? ", " : "").append('"').append(keys.get(i)).append("\": ")
                    .append(twoTree.get(keys.get(i)).toString());
        }
        good.add(reversed.append("}").toString());
        good.add(two.replaceFirst("\\{", "{\"comment\": {\"kernel\": [1, null]}, \"more\": [[\"x\"]],"));
        good.add(" \n" + two.replace(",", " ,\n\t") + "\n ");
        for (String doc : good) {
            assertNotNull(InstanceJson.parseStreaming(doc, InstanceJson.DEFAULT_SIZE_LIMIT), doc);
            assertEquals(viaTree(doc), viaParse(doc));
            assertFalse(viaTree(doc).contains("Exception"), viaTree(doc));
        }
        String entry = "\"7/12\"";
        assertTrue(two.contains(entry), "two-agents has the entry the mutations replace");
        List<String> bad = new ArrayList<>();
        for (String replacement : List.of("0.5", "null", "{}", "[\"7/12\"]", "\"7/x\"", "\"\"", "true",
                "\"" + "7".repeat(41) + "\"", "\"7/12\", [1]")) {
            bad.add(two.replaceFirst(entry, replacement));
            bad.add(two.replace(entry, replacement));
        }
        for (String key : List.of("kernel", "reward", "format", "agents", "policy")) {
            bad.add(two.replaceFirst("\"" + key + "\"", "\"other\""));
            bad.add(two.replaceFirst("\"" + key + "\"\\s*:", "\"" + key + "\": null, \"ignored\":"));
            bad.add(two.replaceFirst("\\{", "{\"" + key + "\": [],"));
        }
        bad.add(two.replaceFirst("\"kernel\"\\s*:\\s*\\[", "\"kernel\": [[[[\"1\"]]],"));
        bad.add(two.replaceFirst("\"kernel\"\\s*:\\s*\\[", "\"kernel\": [\"1\","));
        bad.add(two.replaceFirst("\"reward\"\\s*:\\s*\\[", "\"reward\": [\"1\","));
        bad.add(two.replaceFirst("\"reward\"\\s*:\\s*\\[", "\"reward\": [[[\"1\"]],"));
        bad.add(two.replace(InstanceJson.FORMAT, "locality-check/instance@2"));
        bad.add(two.replace(InstanceJson.FORMAT, "locality-check/instance@9"));
        bad.add(two + " {}");
        bad.add(two.substring(0, two.length() / 2));
        bad.add("[" + two + "]");
        bad.add("\"text\"");
        bad.add("");
        bad.add(two.replaceFirst(entry, "\"5/12\""));
        int treeOnly = 0;
        for (String doc : bad) {
            String tree = viaTree(doc);
            assertEquals(tree, viaParse(doc), doc);
            assertTrue(tree.startsWith("InstanceException: "), tree);
            try {
                Instance fast = InstanceJson.parseStreaming(doc, InstanceJson.DEFAULT_SIZE_LIMIT);
                assertEquals(null, fast, doc);
                treeOnly++;
            } catch (InstanceException e) { // read in one pass, refused by the same check as the tree's
                assertEquals(tree, "InstanceException: " + e.getMessage());
            }
        }
        assertTrue(treeOnly > bad.size() / 2, treeOnly + " of " + bad.size() + " went through the tree");
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
