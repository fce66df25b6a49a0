package org.localitycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.arith.Rational;

/** Every bad-input rule of the core issue: exit 2, nothing on stdout, one line naming file, place and rule. */
class ComputeCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static String example(String name) throws IOException {
        try (InputStream in = ComputeCommandTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    void assertRefused(Path file, String... mustContain) {
        Run r = run("compute", "--instance", file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(file.toString() + ": "), r.err());
        for (String m : mustContain) {
            assertTrue(r.err().contains(m), "stderr lacks \"" + m + "\": " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().strip().lines().count() <= 3, r.err());
    }

    /** The two-agents example with one string replaced (the first occurrence after a marker). */
    String twoAgentsWith(String marker, String from, String to) throws IOException {
        String text = example("two-agents.instance.json");
        int at = text.indexOf(marker);
        int i = text.indexOf(from, at);
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    @Test
    void computePrintsTheReferenceDocument() throws IOException {
        Run r = run("compute", "--instance", write("a.json", example("two-agents.instance.json")).toString(),
                "--kappa", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"format\": \"locality-check/reference@1\""));
        assertTrue(r.out().contains("\"averageReward\": \"-13616417790253/17764594966027\""));
        assertEquals("", r.err());
    }

    @Test
    void notJson() throws IOException {
        assertRefused(write("bad.json", "{\"format\": "), "not valid JSON", "line 1");
    }

    @Test
    void unknownFormat() throws IOException {
        assertRefused(write("bad.json", twoAgentsWith("format", "instance@1", "instance@9")), "format",
                "unknown format");
    }

    /** kernel[0][0][1] = (7/12, 5/12) becomes (7/12, 4/12): sums to 11/12. */
    @Test
    void rowNotSummingToOne() throws IOException {
        assertRefused(write("bad.json", twoAgentsWith("\"kernel\"", "\"5/12\"", "\"4/12\"")), "kernel[0][0][1]",
                "sums to 11/12, expected 1", "agent 0, joint state 0, joint action 1");
    }

    /** A string that is no number, and one past the digit limit, are named by their full place. */
    @Test
    void entryThatIsNoNumberIsNamedByItsPlace() throws IOException {
        assertRefused(write("bad.json", twoAgentsWith("\"kernel\"", "\"5/12\"", "\"5/x\"")), "kernel[0][0][1][1]",
                "not an integer, a fraction p/q or a finite decimal");
        assertRefused(write("long.json", twoAgentsWith("\"kernel\"", "\"5/12\"", "\"5" + "0".repeat(45) + "/12" + "0".repeat(45) + "\"")),
                "kernel[0][0][1][1]", "digits, above the limit");
    }

    /** bench: the generic family's table has every phase; an unknown family is bad input; --save never replaces. */
    @Test
    void benchReportsPhasesAndSavesInstancesWithoutReplacing() throws IOException {
        Path saved = dir.resolve("saved");
        Run r = run("bench", "--family", "generic", "--from", "2", "--to", "2", "--save", saved.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("| n | joint states | read | policy | kernel | locality | long run | kappa rows | widths | output |"),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| 2 | 4 |")), r.out());
        Path file = saved.resolve("dense-generic-n2-seed1.json");
        String text = Files.readString(file);
        assertEquals(0, run("compute", "--instance", file.toString()).code());
        assertEquals(0, run("bench", "--family", "generic", "--from", "2", "--to", "2", "--save", saved.toString()).code());
        Files.writeString(file, text + " ");
        Run again = run("bench", "--family", "generic", "--from", "2", "--to", "2", "--save", saved.toString());
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("exists with other content"), again.err());
        Run bogus = run("bench", "--family", "bogus", "--to", "2");
        assertEquals(2, bogus.code(), bogus.err());
        assertTrue(bogus.err().contains("--family must be dyadic, generic or softmax"), bogus.err());
    }

    /** kernel[1][0][0] = (3/11, 0, 8/11) becomes (3/11, -1/11, 9/11): still sums to 1, one entry negative. */
    @Test
    void negativeEntry() throws IOException {
        String t = twoAgentsWith("\"kernel\"", "[\"3/11\", \"0\", \"8/11\"]", "[\"3/11\", \"-1/11\", \"9/11\"]");
        assertRefused(write("bad.json", t), "kernel[1][0][0][1]", "negative");
    }

    @Test
    void wrongDimensions() throws IOException {
        String t = twoAgentsWith("\"kernel\"", "[\"3/11\", \"0\", \"8/11\"]", "[\"3/11\", \"8/11\"]");
        assertRefused(write("bad.json", t), "kernel[1][0][0]", "has 2 entries, expected 3");
    }

    @Test
    void numberAsJsonFloat() throws IOException {
        assertRefused(write("bad.json", twoAgentsWith("\"reward\"", "\"-1\"", "-1.0")), "reward[1][0]",
                "JSON number");
    }

    /** Agent 1 observes only agent 0; its table must then not change with agent 1's state. */
    @Test
    void policyVaryingOutsideItsScope() throws IOException {
        String t = twoAgentsWith("\"tables\"", "[\"7/10\", \"3/10\"],\n    [\"7/10\", \"3/10\"],\n    [\"7/10\", \"3/10\"]",
                "[\"7/10\", \"3/10\"],\n    [\"1/10\", \"9/10\"],\n    [\"7/10\", \"3/10\"]");
        assertRefused(write("bad.json", t), "policy.tables[1]", "does not observe agent 1");
    }

    @Test
    void instancePastTheSizeLimitIsRefusedBeforeWorkAndTheLimitCanBeRaised() throws IOException {
        StringBuilder agents = new StringBuilder("{\"format\":\"locality-check/instance@1\",\"agents\":[");
        for (int i = 0; i < 11; i++) {
            agents.append(i == 0 ? "" : ",").append("{\"states\":2,\"actions\":2}");
        }
        agents.append("],\"kernel\":[],\"policy\":{\"kind\":\"tabular\",\"tables\":[]},\"reward\":[]}");
        Path big = write("big.json", agents.toString());
        assertRefused(big, "agents", "4194304 exceeds the size limit 1048576", "--max-size");
        Run raised = run("compute", "--instance", big.toString(), "--max-size", "5000000");
        assertEquals(2, raised.code());
        assertTrue(raised.err().contains("kernel"), raised.err()); // got past the limit, to the empty kernel
    }

    /**
     * One agent whose next state is its action, logits (0, 1) at s = 0 and (1, 0) at s = 1, tau = 1/2, r(s, a) = [a != s].
     * By hand, with p = e^2/(1 + e^2) = pi(1|0) = pi(0|1): the chain is symmetric, so d = (1/2, 1/2); r^pi = (p, p), so
     * rbar = p and h = 0; Pi = C = TV((1-p, p), (p, 1-p)) = 2p - 1 = tanh(1); E^s = 0, E^a = 1, so H = tanh(1) = rho(H).
     * The enclosures must contain these values; big-math at 200 digits gives p and tanh(1) within 1e-150 (its own
     * last digits carry no guarantee, so the check allows that margin and nothing more).
     */
    @Test
    void softmaxValuesComeAsEnclosuresOfTheHandDerivedValues() throws IOException {
        String t = "{\"format\":\"locality-check/instance@1\",\"agents\":[{\"states\":2,\"actions\":2}],"
                + "\"kernel\":[[[[\"1\",\"0\"],[\"0\",\"1\"]],[[\"1\",\"0\"],[\"0\",\"1\"]]]],"
                + "\"policy\":{\"kind\":\"softmax\",\"tau\":\"1/2\",\"logits\":[[[\"0\",\"1\"],[\"1\",\"0\"]]]},"
                + "\"reward\":[[\"0\",\"1\"],[\"1\",\"0\"]]}";
        Run r = run("compute", "--instance", write("soft.json", t).toString(), "--kappa", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode out = new ObjectMapper().readTree(r.out());
        MathContext mc = new MathContext(200);
        BigDecimal e2 = BigDecimalMath.exp(BigDecimal.valueOf(2), mc);
        BigDecimal p = e2.divide(e2.add(BigDecimal.ONE), mc);
        BigDecimal tanh1 = p.add(p).subtract(BigDecimal.ONE);
        assertEncloses(out.get("averageReward"), p);
        assertEncloses(out.get("rewardUnderPolicy").get(0), p);
        assertEncloses(out.get("stationary").get(0), new BigDecimal("0.5"));
        assertEncloses(out.get("stationary").get(1), new BigDecimal("0.5"));
        assertEncloses(out.get("poisson").get(1), BigDecimal.ZERO);
        assertEncloses(out.get("Pi").get(0).get(0), tanh1);
        assertEncloses(out.get("C").get(0).get(0), tanh1);
        assertEncloses(out.get("H").get(0).get(0), tanh1);
        assertEncloses(out.get("rhoH"), tanh1, new BigDecimal("1e-12")); // rhoH: width 1e-12
        assertEquals("0", out.get("Es").get(0).get(0).asText());
        assertEquals("1", out.get("Ea").get(0).get(0).asText());
        assertTrue(out.get("averageReward").has("lower"), "an irrational value is written as an enclosure");
    }

    static void assertEncloses(JsonNode node, BigDecimal v) {
        assertEncloses(node, v, new BigDecimal("1e-30")); // FORMATS.md: width at most 1e-30 max(1, |value|)
    }

    static void assertEncloses(JsonNode node, BigDecimal v, BigDecimal width) {
        BigDecimal margin = new BigDecimal("1e-150");
        Rational lo;
        Rational hi;
        if (node.isTextual()) {
            lo = Rational.parse(node.asText());
            hi = lo;
        } else {
            lo = Rational.parse(node.get("lower").asText());
            hi = Rational.parse(node.get("upper").asText());
        }
        MathContext mc = new MathContext(220);
        BigDecimal l = new BigDecimal(lo.numerator()).divide(new BigDecimal(lo.denominator()), mc);
        BigDecimal h = new BigDecimal(hi.numerator()).divide(new BigDecimal(hi.denominator()), mc);
        assertTrue(l.compareTo(v.add(margin)) <= 0 && v.subtract(margin).compareTo(h) <= 0,
                node + " does not enclose " + v.round(new MathContext(40)));
        assertTrue(h.subtract(l).compareTo(width.multiply(v.abs().max(BigDecimal.ONE))) <= 0,
                node + " is wider than " + width);
    }

    @Test
    void missingFileIsNamed() {
        Path p = dir.resolve("nope.json");
        assertRefused(p, "no such file");
    }
}
