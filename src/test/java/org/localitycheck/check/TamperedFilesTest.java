package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering the reliability review tried, applied to stored counterexamples, each tampered file renamed
 * to the content hash of its new content (a forger can compute hashes): none may be accepted. The untouched files
 * pass (CheckerTest), and an untouched file under another name is rejected.
 */
class TamperedFilesTest {
    private static final Path STORE = CheckerTest.STORE;

    /** Two small tabular files (a two-agent instance with a varying policy, and one whose sides are exact). */
    private static final List<String> TARGETS = List.of("thm7-certificate-two-sided-4d4e9c584d1e.json",
            "c-governs-literal-a3cafd47c724.json", "one-block-kl-anchored-f1c5aebbcb7a.json",
            "discounted-true-rate-3c95497c5bc3.json",
            "thm7-certificate-neumann-equality-456ae2289729.json");

    private static ObjectNode load(String name) throws IOException {
        return (ObjectNode) StrictJson.read(STORE.resolve(name));
    }

    private static ObjectNode instance(ObjectNode f) {
        return (ObjectNode) f.get("instance");
    }

    private static ArrayNode row(ObjectNode f, String... path) {
        JsonNode n = f;
        for (String p : path) {
            n = p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
        }
        return (ArrayNode) n;
    }

    /** Edits keyed by what they break. Each gets a fresh copy of the file. */
    private static Map<String, Consumer<ObjectNode>> edits() {
        Map<String, Consumer<ObjectNode>> e = new LinkedHashMap<>();
        e.put("kernel row not summing to 1", f -> row(f, "instance", "kernel", "0", "0", "0").set(0, "1/3"));
        e.put("negative kernel entry, row still summing to 1", f -> {
            ArrayNode r = row(f, "instance", "kernel", "0", "0", "0");
            Frac a = Frac.parse(r.get(0).asText());
            r.set(0, a.sub(Frac.ONE).toString());
            r.set(1, Frac.parse(r.get(1).asText()).add(Frac.ONE).toString());
        });
        e.put("policy row not summing to 1", f -> row(f, "instance", "policy", "tables", "0", "0").set(0, "2"));
        e.put("an extra local state", f -> {
            ObjectNode a0 = (ObjectNode) instance(f).get("agents").get(0);
            a0.put("states", a0.get("states").asInt() + 1);
        });
        e.put("an extra reward column", f -> row(f, "instance", "reward", "0").add("0"));
        e.put("an extra action in a policy row", f -> row(f, "instance", "policy", "tables", "0", "0").add("0"));
        e.put("policy outside its observation scope", f -> {
            for (JsonNode a : instance(f).get("agents")) {
                ((ObjectNode) a).putArray("observes");
            }
        });
        e.put("instance format changed", f -> instance(f).put("format", "locality-check/instance@2"));
        e.put("instance format removed", f -> instance(f).remove("format"));
        e.put("softmax policy kind", f -> ((ObjectNode) instance(f).get("policy")).put("kind", "softmax"));
        for (String m : new String[] {"Es", "Ea", "Pi", "C", "H"}) {
            e.put("stored " + m + " changed", f -> {
                ArrayNode r = row(f, "matrices", m, "0");
                r.set(0, Frac.parse(r.get(0).asText()).add(Frac.parse("1/7")).toString());
            });
        }
        e.put("a stored matrix removed", f -> ((ObjectNode) f.get("matrices")).remove("C"));
        e.put("an extra stored matrix", f -> ((ObjectNode) f.get("matrices")).set("X", f.get("matrices").get("H")));
        e.put("format counterexample@9", f -> f.put("format", "locality-check/counterexample@9"));
        e.put("format removed", f -> f.remove("format"));
        e.put("lhs lowered by 2^-40", f -> f.put("lhs", Frac.parse(f.get("lhs").asText())
                .sub(new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(40))).toString()));
        e.put("rhs raised by 2^-40", f -> f.put("rhs", Frac.parse(f.get("rhs").asText())
                .add(new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(40))).toString()));
        e.put("lhs lowered by 2^-70, below the enclosure grid", f -> f.put("lhs", Frac.parse(f.get("lhs").asText())
                .sub(new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(70))).toString()));
        e.put("rhs raised by 2^-70", f -> f.put("rhs", Frac.parse(f.get("rhs").asText())
                .add(new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(70))).toString()));
        e.put("precision in at changed", f -> f.put("at", f.get("at").asText().replaceAll("bits [0-9]+$", "bits 128")));
        e.put("hypotheses-free witness parameter removed", f -> {
            ObjectNode w = (ObjectNode) f.get("witness");
            if (w.size() > 0) {
                w.remove(w.fieldNames().next());
            } else {
                w.put("kappa", 1);
            }
        });
        e.put("witness lambda 2 with the rhs it gives (1/(1 - lambda) < 0)", f -> {
            ((ObjectNode) f.get("witness")).put("lambda", "2");
            f.put("rhs", "-8");
        });
        e.put("witness tau 1/10^63 (exp of huge arguments)", f -> ((ObjectNode) f.get("witness")).put("tau",
                "1/1" + "0".repeat(63)));
        e.put("instance with a name", f -> instance(f).put("name", "x"));
        e.put("an unknown key in an agent", f -> ((ObjectNode) instance(f).get("agents").get(0)).put("colour", "red"));
        e.put("an unknown key in the policy", f -> ((ObjectNode) instance(f).get("policy")).put("note", "x"));
        e.put("an observed agent past the last", f -> ((ObjectNode) instance(f).get("agents").get(0)).putArray("observes")
                .add(0).add(instance(f).get("agents").size()));
        e.put("found.case not a number", f -> ((ObjectNode) f.get("found")).put("case", "zzz"));
        e.put("lhs with trailing garbage", f -> f.put("lhs", f.get("lhs").asText() + "/xyz"));
        e.put("lhs not reduced", f -> {
            Frac l = Frac.parse(f.get("lhs").asText());
            f.put("lhs", l.n().multiply(BigInteger.TWO) + "/" + l.d().multiply(BigInteger.TWO));
        });
        e.put("lhs as a JSON number", f -> f.set("lhs", IntNode.valueOf(1)));
        e.put("lhs removed", f -> f.remove("lhs"));
        e.put("an unknown witness parameter", f -> ((ObjectNode) f.get("witness")).put("zeta", "1"));
        e.put("witness kappa 10^9", f -> ((ObjectNode) f.get("witness")).put("kappa", 1_000_000_000));
        e.put("a witness parameter removed", f -> {
            ObjectNode w = (ObjectNode) f.get("witness");
            w.remove(w.fieldNames().next());
        });
        e.put("a 100,000-digit kernel entry", f -> row(f, "instance", "kernel", "0", "0", "0").set(0,
                "1/" + "9".repeat(100_000)));
        e.put("instance replaced by null", f -> f.putNull("instance"));
        e.put("reading renamed to another with code", f -> f.put("reading", "vanishing-blocks"));
        return e;
    }

    @TestFactory
    Stream<DynamicTest> noTamperedFileIsAccepted() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String target : TARGETS) {
            ObjectNode original = load(target);
            for (Map.Entry<String, Consumer<ObjectNode>> edit : edits().entrySet()) {
                if (edit.getKey().contains("scope") && !policyVaries(original)) {
                    continue; // with a constant policy every scope is respected: that edit leaves a genuine certificate
                }
                if (edit.getKey().contains("precision") && !original.get("at").asText().contains("bits")) {
                    continue; // "at" of an exactly decided reading is a description: editing it leaves a genuine certificate
                }
                tests.add(DynamicTest.dynamicTest(target + ": " + edit.getKey(), () -> {
                    ObjectNode t = original.deepCopy();
                    edit.getValue().accept(t);
                    assertFalse(t.equals(original), "the edit changed nothing");
                    String name = renamed(t);
                    Checker.Result r = Checker.check(t, name);
                    assertFalse(r.accepted(), "accepted: " + r.message());
                }));
            }
        }
        return tests.stream();
    }

    private static boolean policyVaries(ObjectNode f) {
        for (JsonNode table : f.get("instance").get("policy").get("tables")) {
            for (JsonNode r : table) {
                if (!r.equals(table.get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name a forger would give the tampered content: its own content hash, when one can be computed. */
    private static String renamed(ObjectNode t) {
        try {
            return t.get("claim").asText() + "-" + t.get("reading").asText() + "-" + Checker.contentHash(t) + ".json";
        } catch (RuntimeException noHash) {
            return "tampered.json";
        }
    }

    @Test
    void anUntouchedFileUnderAnotherNameIsRejected() throws IOException {
        String name = TARGETS.get(0);
        Checker.Result right = Checker.check(load(name), name);
        assertTrue(right.accepted(), right.message());
        Checker.Result wrong = Checker.check(load(name), name.replace("4d4e", "4d4f"));
        assertEquals(Checker.Outcome.REJECTED, wrong.outcome());
        assertTrue(wrong.message().contains("content hash"), wrong.message());
    }

    /** Files that are not counterexamples at all: each malformed, with a located one-line reason and no exception text. */
    @TestFactory
    Stream<DynamicTest> wrongKindsOfFileAreMalformed(@TempDir Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty", new byte[0]);
        files.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        files.put("null", "null".getBytes(StandardCharsets.UTF_8));
        files.put("object", "{}".getBytes(StandardCharsets.UTF_8));
        files.put("instance", Files.readAllBytes(Path.of(System.getProperty("lc.repo", ".")).resolve("..").resolve("shared")
                .resolve("spec").resolve("examples").resolve("two-agents.instance.json")));
        files.put("not UTF-8", new byte[] {'{', (byte) 0xff, '}'});
        files.put("truncated", "{\"format\": \"locality-check/counterexample@1\"".getBytes(StandardCharsets.UTF_8));
        files.put("duplicate key", "{\"format\": \"a\", \"format\": \"locality-check/counterexample@1\"}"
                .getBytes(StandardCharsets.UTF_8));
        files.put("format as a number", "{\"format\": 1}".getBytes(StandardCharsets.UTF_8));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            tests.add(DynamicTest.dynamicTest(f.getKey(), () -> {
                Path p = dir.resolve(f.getKey().replace(' ', '-') + ".json");
                Files.write(p, f.getValue());
                Checker.Result r = Checker.check(p);
                assertEquals(Checker.Outcome.MALFORMED, r.outcome(), r.message());
                assertFalse(r.message().contains("Exception"), r.message());
                assertTrue(r.message().lines().count() == 1 && r.message().length() < 200, r.message());
            }));
        }
        tests.add(DynamicTest.dynamicTest("a folder", () -> {
            Checker.Result r = Checker.check(dir);
            assertEquals(Checker.Outcome.MALFORMED, r.outcome(), r.message());
        }));
        return tests.stream();
    }

    /** The hash is over the file's canonical content: the checker's own serialisation gives the stored names. */
    @Test
    void theCheckersHashGivesEveryStoredName() throws IOException {
        try (Stream<Path> s = Files.list(STORE)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json")).toList()) {
                JsonNode j = StrictJson.read(p);
                String name = j.get("claim").asText() + "-" + j.get("reading").asText() + "-" + Checker.contentHash(j) + ".json";
                assertEquals(p.getFileName().toString(), name);
            }
        }
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", StrictJson.canonical(TextNode.valueOf("a\"b\\c\n\u0001")));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("b", 1);
        o.put("a", "x");
        assertEquals("{\"a\":\"x\",\"b\":1}", StrictJson.canonical(o));
    }
}
