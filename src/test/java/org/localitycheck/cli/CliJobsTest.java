package org.localitycheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.InstanceJson;

/** hunt, replay, reference, compare and merge as a user runs them. */
class CliJobsTest {
    @TempDir
    Path dir;

    static ComputeCommandTest.Run run(String... args) {
        return ComputeCommandTest.run(args);
    }

    /** The regular files under d (family files sit in d/families/), in a fixed order. */
    static List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void sameSeedShardAndTriesGiveTheSameFilesByteForByte() throws IOException {
        String[] common = {"hunt", "--tries", "40", "--seed", "3", "--claims", "c-governs,sparsity,thm7-locality"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ComputeCommandTest.Run ra = run(concat(common, "--out", a.toString(), "--threads", "2"));
        ComputeCommandTest.Run rb = run(concat(common, "--out", b.toString(), "--threads", "1"));
        assertEquals(0, ra.code(), ra.err());
        assertEquals(0, rb.code(), rb.err());
        List<Path> fa = files(a);
        List<Path> fb = files(b);
        assertEquals(fa.stream().map(a::relativize).toList(), fb.stream().map(b::relativize).toList());
        assertTrue(!fa.isEmpty());
        for (int i = 0; i < fa.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)));
        }
        assertTrue(ra.out().contains("| sparsity/same-pattern | refuted |"), ra.out());
        ComputeCommandTest.Run again = run(concat(common, "--out", a.toString(), "--threads", "2"));
        assertEquals(fa.size(), files(a).size(), "a second run adds nothing already stored");
        assertTrue(again.err().contains("already stored") || again.err().isEmpty() || !again.err().contains("->"));
    }

    @Test
    void badHuntUsageIsRefused() {
        assertEquals(2, run("hunt", "--tries", "1", "--shard", "3/2").code());
        assertEquals(2, run("hunt", "--tries", "1", "--claims", "no-such-claim").code());
        assertEquals(2, run("hunt", "--tries", "1", "--claims", "lemma2/no-such-reading").code());
        assertEquals(2, run("hunt", "--budget", "soon").code());
    }

    /**
     * SIGTERM while reference writes its corpus: no corpus and no temporary folder is left (an independent review found
     * a hidden partial corpus of 60 files: the main thread kept writing while the shutdown hook emptied the folder).
     */
    @Test
    void aTerminatedReferenceLeavesNothing() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("refkill"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "reference", "--out",
                parent.resolve("corpus").toString(), "--count", "400");
        pb.redirectOutput(dir.resolve("ref-stdout.txt").toFile());
        pb.redirectError(dir.resolve("ref-stderr.txt").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> s = Files.list(parent)) {
                Path work = s.filter(x -> x.getFileName().toString().startsWith(".reference-")).findFirst().orElse(null);
                long written;
                try (Stream<Path> inWork = work == null ? Stream.empty() : Files.list(work)) {
                    written = inWork.count();
                } catch (IOException | UncheckedIOException changedMeanwhile) { // files come and go while listed
                    written = 0;
                }
                if (written >= 20) {
                    break; // the corpus is being written
                }
            }
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "reference ended before it could be interrupted");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "reference did not stop after SIGTERM");
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(List.of(), s.toList(), "left behind after SIGTERM");
        }
    }

    /** SIGTERM during a hunt: the process ends by itself, prints its table, and every stored file is whole. */
    @Test
    void aTerminatedHuntKeepsEveryCertifiedCounterexample() throws Exception {
        Path out = dir.resolve("killed");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "hunt", "--budget", "60s", "--out",
                out.toString(), "--threads", "2");
        Path stdoutFile = dir.resolve("stdout.txt");
        pb.redirectOutput(stdoutFile.toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        Thread.sleep(6000);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hunt did not stop after SIGTERM");
        String stdout = Files.readString(stdoutFile);
        assertTrue(stdout.contains("| claim/reading |"), "no table after SIGTERM: " + stdout);
        if (Files.isDirectory(out)) {
            for (Path f : files(out)) {
                assertTrue(f.toString().endsWith(".json"), "left behind: " + f);
                InstanceJson.parseTree(Files.readString(f)); // whole JSON, or this throws
            }
        }
    }

    @Test
    void referenceCorpusComparesCleanAgainstItselfAndPointsAtAnInjectedError() throws IOException {
        Path corpus = dir.resolve("corpus");
        assertEquals(0, run("reference", "--out", corpus.toString(), "--count", "6").code());
        assertTrue(Files.exists(corpus.resolve("README.md")));
        assertEquals(0, run("compare", "--reference", corpus.toString(), "--candidate", corpus.toString(), "--rtol", "0",
                "--atol", "0").code());
        // a candidate with one value off by 1/1000
        Path cand = dir.resolve("cand");
        Files.createDirectories(cand);
        for (Path f : files(corpus)) {
            Files.copy(f, cand.resolve(f.getFileName()));
        }
        Path victim = cand.resolve("two-state-chain.reference.json");
        String text = Files.readString(victim).replace("\"averageReward\": \"4/7\"", "\"averageReward\": 0.572");
        Files.writeString(victim, text);
        ComputeCommandTest.Run r = run("compare", "--reference", corpus.toString(), "--candidate", cand.toString(),
                "--rtol", "1e-6");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL two-state-chain.reference.json averageReward"), r.out());
        assertEquals(2, run("reference", "--out", corpus.toString()).code(), "a non-empty corpus folder is refused");
    }

    /**
     * The corpus's softmax instances carry enclosures; a candidate writing one double per value (the midpoint, as a
     * numpy implementation would) passes at 1e-12, and the same candidate with one softmax value moved by 1e-6 fails
     * at that value.
     */
    @Test
    void softmaxReferencesAreEnclosuresThatDoubleCandidatesAreJudgedAgainst() throws IOException {
        Path corpus = dir.resolve("corpus");
        assertEquals(0, run("reference", "--out", corpus.toString(), "--count", "10").code());
        JsonNode ref = new ObjectMapper().readTree(corpus.resolve("gen-009-hub-softmax.reference.json").toFile());
        assertEquals("softmax", new ObjectMapper().readTree(corpus.resolve("gen-009-hub-softmax.instance.json").toFile())
                .get("policy").get("kind").asText());
        assertTrue(ref.get("averageReward").has("lower"), ref.get("averageReward").toString());
        Path cand = dir.resolve("cand");
        Files.createDirectories(cand);
        for (Path f : files(corpus)) {
            if (f.getFileName().toString().endsWith(".reference.json")) {
                JsonNode tree = midpoints(new ObjectMapper().readTree(f.toFile()));
                Files.writeString(cand.resolve(f.getFileName()), tree.toString());
            }
        }
        assertEquals(0, run("compare", "--reference", corpus.toString(), "--candidate", cand.toString(), "--rtol", "1e-12")
                .code());
        Path victim = cand.resolve("gen-009-hub-softmax.reference.json");
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(victim.toFile());
        tree.set("averageReward", DoubleNode.valueOf(tree.get("averageReward").asDouble() + 1e-6));
        Files.writeString(victim, tree.toString());
        ComputeCommandTest.Run r = run("compare", "--reference", corpus.toString(), "--candidate", cand.toString(),
                "--rtol", "1e-12");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL gen-009-hub-softmax.reference.json averageReward"), r.out());
        // what an independent review found compare let pass: each now fails at its place
        JsonNode exact = new ObjectMapper().readTree(corpus.resolve("gen-009-hub-softmax.reference.json").toFile());
        Rational mid = Rational.parse(exact.get("rhoH").get("lower").asText());
        Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
        bad.put("instance", t -> t.put("instance", "0".repeat(64)));
        bad.put("format", t -> t.put("format", "locality-check/reference@9"));
        bad.put("multichain", t -> t.put("multichain", t.get("multichain").asText()));
        bad.put("rhoH", t -> t.set("rhoH", JsonNodeFactory.instance.objectNode()
                .put("lower", mid.add(Rational.ONE).toString()).put("upper", mid.subtract(Rational.ONE).toString())));
        bad.put("averageReward", t -> t.set("averageReward", JsonNodeFactory.instance.objectNode()
                .put("lower", exact.get("averageReward").get("lower").asText()).put("upper", "5")));
        for (Map.Entry<String, Consumer<ObjectNode>> e : bad.entrySet()) {
            ObjectNode t = (ObjectNode) midpoints(exact);
            e.getValue().accept(t);
            Files.writeString(victim, t.toString());
            ComputeCommandTest.Run b = run("compare", "--reference", corpus.toString(), "--candidate", cand.toString(),
                    "--rtol", "1e-12");
            assertEquals(1, b.code(), e.getKey() + ": " + b.out());
            assertTrue(b.out().contains("gen-009-hub-softmax.reference.json " + e.getKey()), e.getKey() + ": " + b.out());
        }
        // the reference's own enclosures, written by a candidate, pass; so do an integer written as a string or as a
        // float (as numpy writes it) and the hash in upper case
        ObjectNode t = (ObjectNode) midpoints(exact);
        t.set("averageReward", exact.get("averageReward"));
        t.set("rhoH", exact.get("rhoH"));
        ((ObjectNode) t.get("kappa").get(0)).put("k", "0");
        ((ObjectNode) t.get("kappa").get(1)).put("k", 1.0);
        t.put("instance", exact.get("instance").asText().toUpperCase(Locale.ROOT));
        Files.writeString(victim, t.toString());
        assertEquals(0, run("compare", "--reference", corpus.toString(), "--candidate", cand.toString(), "--rtol", "1e-12")
                .code());
    }

    /** Every exact value as a double, every enclosure as the double nearest its midpoint; reference@2's notes (words) kept. */
    static JsonNode midpoints(JsonNode n) {
        if (n.isObject() && n.size() == 2 && n.has("lower") && n.has("upper")) {
            Rational mid = Rational.parse(n.get("lower").asText()).add(Rational.parse(n.get("upper").asText()))
                    .multiply(Rational.HALF);
            return DoubleNode.valueOf(mid.doubleValue());
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.properties().forEach(e -> o.set(e.getKey(), e.getKey().equals("format") || e.getKey().equals("instance")
                    || e.getKey().equals("k") || e.getKey().equals("notes") ? e.getValue() : midpoints(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(midpoints(x)));
            return a;
        }
        if (n.isTextual()) {
            return DoubleNode.valueOf(Rational.parse(n.asText()).doubleValue());
        }
        return n;
    }

    /**
     * README's cluster recipe, scaled down: three shards of 12 cases each, merged, equal byte for byte to one unsharded
     * run of the same 36 cases (every violation stored in both); merging again is a no-op; the merged folder replays.
     */
    @Test
    void shardsMergedAreTheUnshardedRunByteForByte() throws IOException {
        String[] common = {"hunt", "--seed", "7", "--claims", "sparsity,thm7-locality,c-governs,prop1",
                "--findings-per-reading", "1000", "--climb-steps", "0"};
        Path whole = dir.resolve("whole");
        ComputeCommandTest.Run r = run(concat(common, "--tries", "36", "--out", whole.toString()));
        assertEquals(0, r.code(), r.err());
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path s = dir.resolve("shard" + i);
            r = run(concat(common, "--tries", "12", "--shard", i + "/3", "--out", s.toString()));
            assertEquals(0, r.code(), r.err());
            shards.add(s.toString());
        }
        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shards);
        args.addAll(List.of("--out", merged.toString()));
        r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        List<Path> fw = files(whole);
        List<Path> fm = files(merged);
        assertTrue(fw.size() >= 3, "too few findings to show anything: " + fw.size());
        assertEquals(fw.stream().map(whole::relativize).toList(), fm.stream().map(merged::relativize).toList());
        for (int i = 0; i < fw.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fw.get(i)), Files.readAllBytes(fm.get(i)), fw.get(i).toString());
        }
        r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains(" 0 copied"), r.out());
        assertEquals(0, run("replay", merged.toString()).code());
    }

    /** Merge reads before it copies: garbage, an instance file, a folder named *.json and a link are refused. */
    @Test
    void mergeRefusesWhatIsNotACertifiedFinding() throws IOException {
        Path a = dir.resolve("a");
        Files.createDirectories(a.resolve("x.json"));
        Files.writeString(a.resolve("garbage.json"), "{\"v\": 1}\n");
        Files.copy(Path.of(System.getProperty("lc.repo", ".")).resolve("../shared/spec/examples/two-agents.instance.json"),
                a.resolve("two-agents.instance.json"));
        Path stored = CheckerStore.any();
        Files.createSymbolicLink(a.resolve(stored.getFileName().toString()), stored.toAbsolutePath());
        Path out = dir.resolve("out");
        ComputeCommandTest.Run r = run("merge", a.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(4, r.out().lines().filter(l -> l.startsWith("REFUSED ")).count(), r.out());
        assertEquals(List.of(), files(out));
        Files.delete(a.resolve(stored.getFileName().toString())); // the link, not the repository's file
    }

    /** A foreign file under a finding's name in the target is a conflict, left as it was. */
    @Test
    void mergeNeverTakesAForeignFileForTheFinding() throws IOException {
        Path a = dir.resolve("a");
        Files.createDirectories(a);
        Path stored = CheckerStore.any();
        Files.copy(stored, a.resolve(stored.getFileName()));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(stored.getFileName()), "{\"x\": 1}");
        ComputeCommandTest.Run r = run("merge", a.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("CONFLICT"), r.out());
        assertEquals("{\"x\": 1}", Files.readString(out.resolve(stored.getFileName())));
    }

    /** A stored counterexample of the repository, to link to. */
    static final class CheckerStore {
        static Path any() throws IOException {
            try (Stream<Path> s = Files.list(Path.of(System.getProperty("lc.repo", ".")).resolve("counterexamples"))) {
                return s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            }
        }
    }

    /** --json on hunt, replay, check, compare and eval: one locality-check/summary@1 object with the exit code. */
    @Test
    void jsonSummariesAreMachineReadable() throws IOException {
        Path repo = Path.of(System.getProperty("lc.repo", "."));
        String examples = repo.resolve("../shared/spec/examples").toString();
        Path hunt = dir.resolve("hunt");
        String[][] commands = {
            {"hunt", "--tries", "5", "--claims", "lemma2,sparsity", "--out", hunt.toString(), "--json"},
            {"check", CheckerStore.any().toString(), "--json"},
            {"replay", hunt.toString(), "--json"},
            {"compare", "--reference", examples, "--candidate", examples, "--json"},
            {"eval", "--instance", repo.resolve("../shared/spec/examples/two-agents.instance.json").toString(), "--claims",
                "lemma2", "--json"}};
        for (String[] c : commands) {
            ComputeCommandTest.Run r = run(c);
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertEquals("locality-check/summary@1", j.get("format").asText(), r.out());
            assertEquals(c[0], j.get("command").asText());
            assertEquals(r.code(), j.get("exitCode").asInt(), r.out());
        }
        JsonNode h = new ObjectMapper().readTree(run(commands[0]).out());
        JsonNode lemma2 = h.get("readings").get(0);
        assertEquals("lemma2/literal", lemma2.get("reading").asText(), h.toString());
        assertTrue(lemma2.get("checked").asLong() > 0, h.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
