package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.store.CounterexampleFile;
import org.localitycheck.store.FamilyFile;

/** The independent checker accepts every stored counterexample and rejects a tampered one. */
class CheckerTest {
    static final Path STORE = Path.of(System.getProperty("lc.repo", ".")).resolve("counterexamples");

    @TestFactory
    Stream<DynamicTest> acceptsEveryStoredCounterexample() throws IOException {
        try (Stream<Path> s = Files.list(STORE)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        Checker.Result r = Checker.check(p);
                        assertTrue(r.accepted(), r.message());
                    }));
        }
    }

    /** Moving the stored LHS by 1 must make the file unverifiable: the checker recomputes, it does not trust. */
    @TestFactory
    Stream<DynamicTest> rejectsATamperedLhs() throws IOException {
        try (Stream<Path> s = Files.list(STORE)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        JsonNode j = CounterexampleFile.read(p);
                        ObjectNode t = j.deepCopy();
                        t.put("lhs", Frac.parse(j.get("lhs").asText()).add(Frac.ONE).toString());
                        assertFalse(Checker.check(t, null).accepted());
                    }));
        }
    }

    /** Every family file is re-derived by the checker; a member's value moved by 1 is rejected. */
    @TestFactory
    Stream<DynamicTest> acceptsEveryFamilyFileAndRejectsATamperedValue() throws IOException {
        return FamilyFile.stored(STORE).stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    JsonNode j = CounterexampleFile.read(p);
                    Checker.Result r = Checker.check(p);
                    assertTrue(r.accepted(), r.message());
                    ObjectNode t = j.deepCopy();
                    ObjectNode member = (ObjectNode) t.get("members").get(1);
                    member.put("value", Frac.parse(member.get("value").asText()).add(Frac.ONE).toString());
                    assertFalse(Checker.check(t, p.getFileName().toString()).accepted(), "a tampered member value was accepted");
                }));
    }

    /**
     * A family file whose members do not grow (the first member three times) is not accepted, nor one whose lambda is
     * moved 2^-22 below the members' rho(H) = 1/2 (outside the reading's hypothesis; the stored values no longer match).
     */
    @Test
    void rejectsAFlatFamilyAndAMemberOutsideItsHypothesis() throws IOException {
        Path f = STORE.resolve("families").resolve("thm3-uniform-jordan-at-rho-family.json");
        JsonNode j = CounterexampleFile.read(f);
        ObjectNode flat = j.deepCopy();
        ArrayNode ms = flat.putArray("members");
        for (int i = 0; i < 3; i++) {
            ms.add(j.get("members").get(0).deepCopy());
        }
        assertFalse(Checker.check(flat, null).accepted(), "a family with no growth was accepted");
        ObjectNode slack = j.deepCopy();
        for (JsonNode m : slack.get("members")) {
            ((ObjectNode) m.get("parameters")).put("lambda", "2097151/4194304");
        }
        assertFalse(Checker.check(slack, null).accepted(), "members with lambda below rho(H) were accepted");
    }

    /** A family member whose stored hypotheses flag or m is changed is refused. */
    @Test
    void rejectsAFamilyWithAChangedHypothesesFlagOrM() throws IOException {
        Path f = STORE.resolve("families").resolve("thm3-uniform-jordan-at-rho-family.json");
        ObjectNode flag = CounterexampleFile.read(f).deepCopy();
        ((ObjectNode) flag.get("members").get(0)).put("hypotheses", false);
        assertFalse(Checker.check(flag, f.getFileName().toString()).accepted());
        ObjectNode m = CounterexampleFile.read(f).deepCopy();
        ((ObjectNode) m.get("members").get(2)).put("m", 9);
        assertFalse(Checker.check(m, f.getFileName().toString()).accepted());
    }

    /** The precision an enclosure-decided file names ("... bits B") is read for 64 <= B <= 1024 only. */
    @Test
    void precisionIsReadFrom64To1024Bits() {
        assertEquals(64, Checker.precision("k=0, kappa=0, tau=1, bits 64"));
        assertEquals(1024, Checker.precision("kappa=0, tau=1/2, recomputed, bits 1024"));
        assertThrows(StrictJson.Invalid.class, () -> Checker.precision("k=0, bits 63"));
        assertThrows(StrictJson.Invalid.class, () -> Checker.precision("k=0, bits 1025"));
        assertThrows(StrictJson.Invalid.class, () -> Checker.precision("k=0, bits 64, then more"));
    }

    /** The provenance object admits only its own keys (it is outside the content hash, so a name check misses it). */
    @Test
    void anUnknownKeyInFoundIsRefused() throws IOException {
        Path f = STORE.resolve("c-governs-literal-a3cafd47c724.json");
        ObjectNode t = CounterexampleFile.read(f).deepCopy();
        assertTrue(Checker.check(t, f.getFileName().toString()).accepted());
        ((ObjectNode) t.get("found")).put("note", "added");
        assertFalse(Checker.check(t, f.getFileName().toString()).accepted());
    }

    /** identify: only what a file is (format and a name carrying the content), for listing; not a certification. */
    @Test
    void identifyNamesAFileByItsContent(@TempDir Path dir) throws IOException {
        Path f = STORE.resolve("c-governs-literal-a3cafd47c724.json");
        assertTrue(Checker.identify(f).accepted());
        assertEquals("c-governs/literal", Checker.identify(f).message());
        Path family = STORE.resolve("families").resolve("thm3-uniform-jordan-at-rho-family.json");
        assertTrue(Checker.identify(family).accepted());
        Path renamed = dir.resolve("c-governs-literal-000000000000.json");
        Files.copy(f, renamed);
        assertEquals(Checker.Outcome.REJECTED, Checker.identify(renamed).outcome());
        Path other = dir.resolve("x.json");
        Files.writeString(other, "{\"format\": \"something-else\", \"claim\": \"a\", \"reading\": \"b\"}");
        assertEquals(Checker.Outcome.MALFORMED, Checker.identify(other).outcome());
        Files.writeString(other, "[1, 2]");
        assertEquals(Checker.Outcome.MALFORMED, Checker.identify(other).outcome());
        assertEquals(Checker.Outcome.MALFORMED, Checker.identify(dir.resolve("missing.json")).outcome());
    }

    @Test
    void unknownReadingIsNotAccepted() throws IOException {
        try (Stream<Path> s = Files.list(STORE)) {
            Path any = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            ObjectNode t = CounterexampleFile.read(any).deepCopy();
            t.put("reading", "no-such-reading");
            assertFalse(Checker.check(t, null).accepted());
        }
    }
}
