package org.localitycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.report.SuiteResults;
import org.localitycheck.search.Suite;

/**
 * The reliability review's cases: bad option values, inputs past the documented limits, outputs that cannot be
 * written, and paths that must never be replaced. Each is refused before work starts, with exit 2 (bad input) or 3
 * (output error), one line, and nothing lost.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    private static final Path REPO = Path.of(System.getProperty("lc.repo", "."));
    private static final String EXAMPLE = REPO.resolve("../shared/spec/examples/two-agents.instance.json").toString();

    private static ComputeCommandTest.Run run(String... args) {
        return ComputeCommandTest.run(args);
    }

    private static void assertOneLine(ComputeCommandTest.Run r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
    }

    @TestFactory
    Stream<DynamicTest> badOptionValuesAreBadUsage() {
        List<List<String>> cases = List.of(
                List.of("hunt", "--tries", "-1"),
                List.of("hunt", "--tries", "0"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "kappa=1000000000"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "kappa=-1"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "bogus=1"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "k=2"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "k=1/2"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "tau=0"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "tau=-1"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "kappa=1,kappa=2"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "kappa=1/2"),
                List.of("eval", "--instance", EXAMPLE, "--witness", "f=1"),
                List.of("eval", "--instance", EXAMPLE, "--claims", "lemma2", "--witness", "f=0;1"),
                List.of("eval", "--instance", EXAMPLE, "--claims", "weighted", "--witness", "w=0;1"),
                List.of("eval", "--instance", EXAMPLE, "--claims", "async", "--witness", "nu=1;1"),
                List.of("eval", "--instance", EXAMPLE, "--claims", "async", "--witness", "nu=1/3;1/3"),
                List.of("generate", "--network", "star", "--agents", "12", "--out", "target/hostile-star.json"),
                List.of("hunt", "--threads", "-1"),
                List.of("hunt", "--climb-steps", "-1"),
                List.of("hunt", "--findings-per-reading", "0"),
                List.of("hunt", "--claims", ","),
                List.of("hunt", "--budget", "2562047h"),
                List.of("hunt", "--budget", "0s"),
                List.of("report", "--instances", "-5"),
                List.of("bench", "--seconds", "-1", "--checks"),
                List.of("bench", "--from", "5", "--to", "3"),
                List.of("compute", "--instance", EXAMPLE, "--kappa", "1000000000"),
                List.of("compute", "--instance", EXAMPLE, "--kappa", "-1"),
                List.of("reference", "--out", "unused", "--count", "-1"),
                List.of("compare", "--reference", ".", "--candidate", ".", "--rtol", "1e-1000000"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c), () -> {
            ComputeCommandTest.Run r = run(c.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertOneLine(r);
        }));
    }

    /** reference --out on an existing file or symlink: refused, the file and the link's target untouched. */
    @Test
    void referenceNeverReplacesAFileOrALink() throws IOException {
        Path file = Files.writeString(dir.resolve("keep.json"), "{}");
        ComputeCommandTest.Run r = run("reference", "--out", file.toString(), "--count", "0");
        assertEquals(2, r.code(), r.err());
        assertEquals("{}", Files.readString(file));
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        r = run("reference", "--out", link.toString(), "--count", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{}", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "a temporary folder was left behind");
        }
    }

    /** Standard output that fails (a full disk, a closed pipe): exit 3 and a message, not exit 0 with the output lost. */
    @Test
    void anOutputThatCannotBeWrittenIsExitThree() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        PrintWriter out = new PrintWriter(failing, true);
        StringWriter errText = new StringWriter();
        PrintWriter err = new PrintWriter(errText, true);
        int code = Main.execute(new String[] {"compute", "--instance", EXAMPLE}, out, err);
        assertEquals(0, code, "the command itself succeeded");
        assertEquals(Main.INTERNAL, Main.finish(code, out, err));
        assertTrue(errText.toString().contains("cannot write output"), errText.toString());
    }

    /** Only the input's own exceptions are "bad input" (2); an IllegalArgumentException from the engine is ours (3). */
    @Test
    void internalErrorsAreNotBadInput() {
        assertEquals(Main.BAD_INPUT, Main.exitCode(new UsageException("--x must be positive, got 0")));
        assertEquals(Main.BAD_INPUT, Main.exitCode(new InputFileException("f.json", "kernel[0]: not a row")));
        assertEquals(Main.BAD_INPUT, Main.exitCode(new InstanceException("reward", "is empty")));
        assertEquals(Main.INTERNAL, Main.exitCode(new IllegalArgumentException("JointKernel.ofRows: row 0 sums to 2")));
        assertEquals(Main.INTERNAL, Main.exitCode(new UnsupportedOperationException("not yet")));
        assertTrue(Main.describe(new IllegalArgumentException("x")).startsWith("locality-check: internal error: "));
        ComputeCommandTest.Run r = run("hunt", "--exhaustive", "nosuch", "--out", "target/hunt-nosuch");
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("no exhaustive scope \"nosuch\""), r.err());
        assertFalse(Files.exists(Path.of("target/hunt-nosuch")), "nothing is created for a refused command");
        r = run("hunt", "--budget", "soon", "--out", "target/hunt-soon");
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertFalse(Files.exists(Path.of("target/hunt-soon")), "the budget is read before the folder is made");
    }

    @Test
    void numbersPastTheDigitLimitAreRefusedBeforeWork() throws IOException {
        String text = Files.readString(Path.of(EXAMPLE)).replaceFirst("\"7/12\"", "\"1/1" + "0".repeat(1000) + "\"");
        Path f = Files.writeString(dir.resolve("long.json"), text);
        ComputeCommandTest.Run r = run("compute", "--instance", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("digits") && r.err().contains("locality-check.max-digits"), r.err());
        assertOneLine(r);
        assertTrue(r.err().length() < 400, "the message quotes the whole number: " + r.err().length() + " characters");
    }

    /**
     * From the independent review of compute (2026-12-01): a line break inside an echoed value kept the message from
     * being one line, "observes": null was read as "every agent", and a lone surrogate in the name hashed like "?".
     */
    @Test
    void inputsTheComputeReviewFoundAreRefusedOnOneLine() throws IOException {
        String example = Files.readString(Path.of(EXAMPLE));
        String[] bad = {
            example.replace("\"7/12\"", "\"7/12\\n\""),
            example.replace("\"locality-check/instance@1\"", "\"locality-check/instance@1\\nX\""),
            example.replace("\"observes\": [0]", "\"observes\": null"),
            example.replace("\"name\": \"two-agents\"", "\"name\": \"\\ud800\""),
        };
        for (int i = 0; i < bad.length; i++) {
            assertFalse(bad[i].equals(example), "case " + i + " did not change the example");
            Path f = Files.writeString(dir.resolve("bad" + i + ".json"), bad[i]);
            ComputeCommandTest.Run r = run("compute", "--instance", f.toString());
            assertEquals(2, r.code(), "case " + i + ": " + r.err());
            assertEquals("", r.out(), "case " + i);
            assertEquals(1, r.err().strip().lines().count(), "case " + i + ": " + r.err());
        }
    }

    /** Options of instance@2 on an instance@1 file are refused, not ignored. */
    @Test
    void factoredOptionsOnAnInstanceOneFileAreRefused() {
        for (String[] extra : new String[][] {{"--long-run"}, {"--epsilon", "1/10"}, {"--max-local", "8"}}) {
            String[] args = new String[2 + extra.length + 1];
            args[0] = "compute";
            args[1] = "--instance=" + EXAMPLE;
            System.arraycopy(extra, 0, args, 2, extra.length);
            args[args.length - 1] = "--kappa=1";
            ComputeCommandTest.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(extra[0] + " is for instance@2"), r.err());
        }
    }

    @Test
    void aSoftmaxExponentPastTheLimitIsRefused() throws IOException {
        String inst = "{\"format\":\"locality-check/instance@1\",\"agents\":[{\"states\":1,\"actions\":2}],"
                + "\"kernel\":[[[[\"1\"],[\"1\"]]]],\"policy\":{\"kind\":\"softmax\",\"tau\":\"1/1000000\","
                + "\"logits\":[[[\"0\",\"1\"]]]},\"reward\":[[\"0\",\"1\"]]}";
        Path f = Files.writeString(dir.resolve("softmax.json"), inst);
        ComputeCommandTest.Run r = run("compute", "--instance", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("logit / tau"), r.err());
    }

    @Test
    void aFolderOrAnotherKindOfFileIsBadInputEverywhere() throws IOException {
        ComputeCommandTest.Run r = run("compute", "--instance", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertOneLine(r);
        Path notUtf8 = Files.write(dir.resolve("bytes.json"), new byte[] {'{', (byte) 0xfe, '}'});
        r = run("compute", "--instance", notUtf8.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("UTF-8") && r.err().startsWith(notUtf8.toString()), r.err());
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        r = run("check", array.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse((r.out() + r.err()).contains("Exception"), r.out());
    }

    @Test
    void huntWithAFileAsItsOutputFailsAtOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        ComputeCommandTest.Run r = run("hunt", "--tries", "1", "--claims", "lemma2", "--out", file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("x", Files.readString(file));
        assertOneLine(r);
    }

    /** Real suite results from a one-instance run (seed 1, at most 4 cases per claim): valid, and quick to make. */
    static String tinyResults() {
        return CanonicalJson.pretty(SuiteResults.toTree(1, 1,
                Suite.run(1, 1, 4, null)));
    }

    /** Results with a negative count, or of another kind: refused before anything is written. */
    @Test
    void reportRefusesGarbageResultsAndWritesNothing() throws IOException {
        // a real results file from a one-instance suite run, valid until one count is made negative
        String good = tinyResults();
        SuiteResults.validate(InstanceJson.parseTree(good));
        String negative = good.replaceFirst("\"checked\": [0-9]+", "\"checked\": -3");
        String badSeed = good.replaceFirst("\"maxCaseSeed\": \"-?[0-9]+\"", "\"maxCaseSeed\": \"x\"");
        assertFalse(badSeed.equals(good), "the tiny results record a case seed");
        for (String text : new String[] {negative, badSeed, "[]", "{\"format\": \"locality-check/suite-results@1\"}"}) {
            Path f = Files.writeString(dir.resolve("results.json"), text);
            Path out = dir.resolve("reports");
            Path props = dir.resolve("properties");
            ComputeCommandTest.Run r = run("report", "--results", f.toString(), "--out", out.toString(), "--properties",
                    props.toString());
            assertEquals(2, r.code(), r.err());
            assertOneLine(r);
            assertFalse(Files.exists(out) || Files.exists(props), "a refused report wrote files");
        }
    }

    /** report replaces only its own files, and lists only files that are what their names say. */
    @Test
    void reportNeitherReplacesForeignFilesNorListsForgedOnes() throws IOException {
        Path results = dir.resolve("results.json");
        Files.writeString(results, tinyResults());
        Path out = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(out.resolve("index.md"), "my notes");
        ComputeCommandTest.Run r = run("report", "--results", results.toString(), "--out", out.toString(), "--properties",
                dir.resolve("props").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("my notes", Files.readString(out.resolve("index.md")));
        Path fake = Files.createDirectories(dir.resolve("ce"));
        Files.writeString(fake.resolve("garbage.json"), "{}");
        r = run("report", "--results", results.toString(), "--out", dir.resolve("r2").toString(), "--properties",
                dir.resolve("p2").toString(), "--counterexamples", fake.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("garbage.json"), r.err());
        // a stored file whose name carries its content but whose sides are not rationals (the hash leaves them out)
        Path damaged = Files.createDirectories(dir.resolve("ce2"));
        Path stored;
        try (Stream<Path> files = Files.list(Path.of("counterexamples"))) {
            stored = files.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(damaged.resolve(stored.getFileName()),
                Files.readString(stored).replaceFirst("\"rhs\": \"[^\"]*\"", "\"rhs\": \"abc\""));
        r = run("report", "--results", results.toString(), "--out", dir.resolve("r3").toString(), "--properties",
                dir.resolve("p3").toString(), "--counterexamples", damaged.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(stored.getFileName().toString()), r.err());
        assertOneLine(r);
        assertFalse(Files.exists(dir.resolve("r3")), "a refused report wrote files");
    }

    /** A reference value that is not an exact rational string: the file and the place, exit 2. */
    @Test
    void compareRefusesAReferenceThatIsNotExact() throws IOException {
        Path ref = Files.createDirectories(dir.resolve("ref"));
        Path cand = Files.createDirectories(dir.resolve("cand"));
        String text = "{\"format\": \"locality-check/reference@1\", \"rhoH\": {\"lower\": \"x\", \"upper\": \"1\"}}";
        Files.writeString(ref.resolve("a.reference.json"), text);
        Files.writeString(cand.resolve("a.reference.json"), text);
        ComputeCommandTest.Run r = run("compare", "--reference", ref.toString(), "--candidate", cand.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("a.reference.json") && r.err().contains("rhoH.lower"), r.err());
        assertOneLine(r);
    }

    /**
     * report removes only figures its own earlier index.md linked: images it did not draw stay, in a folder without an
     * index.md and beside one of ours.
     */
    @Test
    void reportRemovesOnlyItsOwnStaleFigures() throws IOException {
        Path results = dir.resolve("results.json");
        Files.writeString(results, tinyResults());
        Path out = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(out.resolve("logo.png"), "not ours");
        Files.writeString(out.resolve("diagram.svg"), "not ours either");
        String[] args = {"report", "--results", results.toString(), "--out", out.toString(), "--properties",
            dir.resolve("props").toString()};
        ComputeCommandTest.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("logo.png")) && Files.exists(out.resolve("diagram.svg")), "foreign images removed");
        // a figure an earlier report of ours linked and this one no longer draws
        Files.writeString(out.resolve("dropped-figure.svg"), "<svg/>");
        Files.writeString(out.resolve("index.md"), Files.readString(out.resolve("index.md")) + "\n![x](dropped-figure.svg)\n");
        r = run(args);
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("dropped-figure.svg")), "a stale figure of ours stayed");
        assertTrue(Files.exists(out.resolve("logo.png")) && Files.exists(out.resolve("diagram.svg")), "foreign images removed");
    }

    /** Links from the report to the counterexamples: relative, percent-encoded, empty for the same folder. */
    @Test
    void counterexampleLinksAreRelativeAndEncoded() {
        assertEquals("../counterexamples/", ReportCommand.relativeLink(Path.of("reports"), Path.of("counterexamples")));
        assertEquals("../my%20files/", ReportCommand.relativeLink(Path.of("reports"), Path.of("my files")));
        assertEquals("", ReportCommand.relativeLink(Path.of("x"), Path.of("x")));
    }

    @Test
    void everyHelpListsTheExitCodes() {
        for (String c : new String[] {"check", "replay", "compute", "compare", "hunt", "merge", "reference", "report", "eval",
                "bench"}) {
            ComputeCommandTest.Run r = run(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Exit codes:") && r.out().contains("143"), c + ": " + r.out());
        }
    }
}
