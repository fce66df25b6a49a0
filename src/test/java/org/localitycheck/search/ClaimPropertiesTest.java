package org.localitycheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.report.Strength;
import org.localitycheck.report.SuiteResults;
import org.localitycheck.store.AtomicFiles;
import org.localitycheck.store.CounterexampleFile;
import org.localitycheck.store.FamilyFile;
import org.localitycheck.store.WitnessJson;

/**
 * Every checked reading of the catalogue, on JUnit Jupiter over the project's own seeded generators (the ones
 * the hunt uses). A reading expected to hold must survive at least {@code lc.instances} applicable cases
 * (default 500); a violation is shrunk, written to counterexamples/ and fails the build. A reading expected to
 * be refuted must have stored counterexamples, each of which still violates when replayed, and each of which
 * the search reproduces from its recorded generator and seed.
 */
class ClaimPropertiesTest {
    static final long MIN_CHECKED = Long.getLong("lc.instances", 500);
    static final long MAX_CASES = 40 * MIN_CHECKED;
    /**
     * Readings that are facts (no numeric sides), with what their check decides exactly, so that each can fail: the
     * comparison named is computed on every case, and its failure is the reading's violation.
     */
    static final Map<String, String> FACT_READINGS = Map.ofEntries(
            Map.entry("hub/rank-one-formula", "rho(H) against sum_j Pi_{1<-j} by an exact M-matrix test at that value"),
            Map.entry("hub/shape", "every entry of E^s and E^a against the stated pattern, exactly"),
            Map.entry("hub/declares-non-local", "||E^s + E^a||_inf and ||C^sup||_inf against 1, exactly"),
            Map.entry("hub/softmax-locality", "rho(H) < 1 by an exact M-matrix test on the enclosure's upper matrix"),
            Map.entry("hub/zero-when-ignoring", "H nilpotent, by the exact power H^n = 0"),
            Map.entry("kappa-example/prior-approximately", "the least kappa with 0.99^kappa <= 0.01, by exact powers"),
            Map.entry("kappa-example/bias-exponent-prior", "the least kappa with 0.99^(kappa+1) <= 0.01, by exact powers"),
            Map.entry("kappa-example/bias-exponent-ours", "the least kappa with 0.495^(kappa+1) <= 0.01, by exact powers"),
            Map.entry("leader-follower/follower-action-free", "E^a_{2<-1} and E^a_{2<-2} against 0, exactly"),
            Map.entry("lemma10/unobserved-zero", "L_{k<-i} = 0 and Pi_{k<-i} = 0 exactly, entry by entry"),
            Map.entry("lemma13/upper-bound", "objective(p) < objective(p*) strictly, both from their definitions"),
            Map.entry("lemma13/improvement", "tau KL(p*||q) - <p* - q, g> <= 0, KL by its sum"),
            Map.entry("sparsity/vanishing-blocks-two-hop", "(H^t)_{j<-i} = 0 exactly beyond distance 2t"),
            Map.entry("sparsity/vanishing-blocks-two-hop-networks", "(H^t)_{j<-i} = 0 exactly beyond distance 2t, on networks"),
            Map.entry("spectral-vs-norm/rho-below-norm", "rho(H) <= ||H||_inf by an exact M-matrix test"),
            Map.entry("thm3-poisson/literal", "a unique closed class, by the exact support graph"));

    /** Distinct instances (or witnesses, for claims with no instance) each sampled holds reading must see. */
    static final long MIN_DISTINCT = Math.min(200, MIN_CHECKED);
    static final Path REPO = Path.of(System.getProperty("lc.repo", "."));
    static final Path STORE = REPO.resolve("counterexamples");
    /** Where the suite writes what it finds: under target/, never into the repository's tracked folders. */
    static final Path FOUND = REPO.resolve("target").resolve("suite-counterexamples");

    @TestFactory
    Stream<DynamicTest> everyReadingOfTheCatalogue() throws Exception {
        List<String> newFiles = new ArrayList<>();
        Map<String, Suite.Outcome> outcomes = Suite.run(Suite.DEFAULT_SEED, MIN_CHECKED, MAX_CASES, f -> {
            try {
                Path p = CounterexampleFile.write(FOUND, f);
                newFiles.add(f.claim() + "/" + f.reading() + " -> " + (p == null ? "(already stored)" : p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> exhaustiveNews = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Exhaustive.ScopeResult>> exhaustive = Exhaustive.runScopes(Exhaustive.VERIFY_SCOPES, 2,
                f -> exhaustiveNews.add(f.claim() + "/" + f.reading() + " at " + f.family() + " instance " + f.caseIndex()));
        Path results = REPO.resolve("target").resolve("property-results.json");
        AtomicFiles.writeAtomically(results,
                CanonicalJson.pretty(SuiteResults.toTree(Suite.DEFAULT_SEED, MIN_CHECKED, outcomes, exhaustive)));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("exhaustive scopes " + Exhaustive.VERIFY_SCOPES + " violate no reading that holds", () -> {
            exhaustive.forEach((k, v) -> v.forEach(x -> System.out.printf("%s: exhaustive in %s, %d instances, %d cases%n", k,
                    x.scope(), x.instances(), x.checked())));
            assertTrue(exhaustiveNews.isEmpty(), "violations in the exhaustive scopes: " + exhaustiveNews);
        }));
        for (Suite.Outcome o : outcomes.values()) {
            String key = o.claim().id() + "/" + o.reading().name();
            ReadingStats s = o.stats();
            Reading r = o.reading();
            if (FamilyFile.family(key) != null) {
                tests.add(DynamicTest.dynamicTest(key + ": its family file is what the engine computes", () -> {
                    Path f = STORE.resolve(FamilyFile.FOLDER)
                            .resolve(FamilyFile.fileName(key));
                    assertTrue(Files.exists(f), key + " has no family file " + f + " (hunt --claims " + key + " --tries 1 writes it)");
                    assertEquals(CanonicalJson.pretty(FamilyFile.toTree(key)), Files.readString(f),
                            f + " differs from what the engine computes");
                }));
            }
            if (r.proof() != null) {
                tests.add(DynamicTest.dynamicTest(key + " " + r.expected().label() + " by proof, no case contradicts it", () -> {
                    System.out.printf("%s: proof's conclusion checked on %d cases (%d distinct)%n", key, s.checked(), s.distinct());
                    if (r.existential()) {
                        assertEquals(0, s.witnesses(), key + ": a case witnesses what the proof excludes");
                    } else {
                        assertEquals(0, s.violations(), key + ": a case violates the proof's conclusion");
                    }
                    assertTrue(s.checked() >= MIN_CHECKED, key + ": only " + s.checked() + " cases");
                    assertEquals(0, s.undecided() - s.undecidedEnclosed(), key + ": undecided exact cases");
                }));
            } else if (r.expected() == Expected.HOLDS && !r.existential()) {
                tests.add(DynamicTest.dynamicTest(key + " holds", () -> {
                    System.out.printf("%s: %d instances checked (%d distinct; %d of them softmax, decided on enclosures; %d cases drawn), "
                            + "largest LHS/RHS %s, %d undecided (softmax)%n", key, s.checked(), s.distinct(), s.checkedEnclosed(), o.cases(),
                            s.maxRatio() == null ? "-" : s.maxRatio().doubleValue(), s.undecidedEnclosed());
                    assertEquals(0, s.violations(), key + " was violated; counterexamples written: " + newFiles);
                    assertTrue(s.checked() >= MIN_CHECKED, key + ": only " + s.checked() + " applicable cases in "
                            + o.cases() + " drawn");
                    if (!Strength.singleComputation(o.claim())) {
                        assertTrue(s.distinct() >= MIN_DISTINCT, key + ": only " + s.distinct() + " distinct instances among "
                                + s.checked() + " checked");
                    }
                    // teeth: a reading with numeric sides must come within half of its bound on some case, so that the
                    // same check rejects the statement with its right-hand side halved; fact readings (true or false
                    // with no sides) are listed in FACT_READINGS with what their check compares
                    if (FACT_READINGS.containsKey(key)) {
                        assertTrue(s.maxRatio() == null, key + " has numeric sides: take it off FACT_READINGS");
                    } else {
                        assertTrue(s.maxRatio() != null && s.maxRatio().compareTo(Rational.HALF) > 0, key
                                + ": no case reaches half its bound (largest LHS/RHS " + s.maxRatio() + "): the check is not "
                                + "shown to reject a strengthened statement");
                    }
                    // exact cases always decide; a softmax case may stay undecided where the bound is attained
                    // between irrational numbers (reported, and counted neither way)
                    assertEquals(0, s.undecided() - s.undecidedEnclosed(), key + ": undecided exact cases");
                }));
            } else if (r.existential()) {
                tests.add(DynamicTest.dynamicTest(key + " has a witness", () -> {
                    System.out.printf("%s: %d witnesses in %d cases%n", key, s.witnesses(), o.cases());
                    assertTrue(s.witnesses() >= 1, key + ": no witness in " + o.cases() + " cases");
                }));
            } else if (r.expected() == Expected.REFUTED) {
                tests.add(DynamicTest.dynamicTest(key + " is refuted by its stored counterexamples", () -> {
                    List<Path> files = storedFor(o.claim().id(), r.name());
                    assertFalse(files.isEmpty(), key + " is catalogued as refuted but counterexamples/ holds no file for it");
                    for (Path f : files) {
                        replayViolates(o.claim(), r, f);
                    }
                    System.out.printf("%s: %d stored counterexample(s) replayed%n", key, files.size());
                }));
            }
        }
        return tests.stream();
    }

    /** Every stored file is a refuted reading's, replays as a violation, and the search reproduces it. */
    @TestFactory
    Stream<DynamicTest> everyStoredCounterexampleComesOutOfTheSearch() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(STORE)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    JsonNode j = CounterexampleFile.read(f);
                    Claim c = Claims.byId(j.get("claim").asText());
                    Reading r = c.reading(j.get("reading").asText());
                    assertEquals(Expected.REFUTED, r.expected(), f + " refutes a reading the catalogue says " + r.expected());
                    assertEquals(CounterexampleFile.fileName(j), f.getFileName().toString(), "file name is not its content hash");
                    long seed = Long.parseLong(j.get("found").get("caseSeed").asText());
                    long index = j.get("found").get("case").asLong();
                    JsonNode found = j.get("found");
                    long climbSeed = found.has("climbSeed") ? Long.parseLong(found.get("climbSeed").asText()) : 0;
                    int climbSteps = found.has("climbSteps") ? found.get("climbSteps").asInt() : 0;
                    Finding again = Search.reproduce(c, r, found.get("generator").asText(),
                            seed, index, climbSeed, climbSteps);
                    assertEquals(found.get("generator").asText(), again.family());
                    assertEquals(Files.readString(f), CanonicalJson.pretty(CounterexampleFile.toTree(again)),
                            f + " is not, byte for byte, what the search produces from its recorded seed");
                    // minimal: shrinking the stored case again finds no smaller violating case (a local minimum)
                    Finding twice = Search.shrink(c, r, new Generated(
                            again.instance(), again.witness(), again.family(), 0), again.witness(), 0, 0, 0, 0);
                    assertEquals(0, twice.shrinkSteps(), f + " shrinks further");
                }));
            }
        }
        return tests.stream();
    }

    static List<Path> storedFor(String claim, String reading) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(STORE)) {
            return out;
        }
        try (Stream<Path> s = Files.list(STORE)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                JsonNode j = CounterexampleFile.read(p);
                if (j.get("claim").asText().equals(claim) && j.get("reading").asText().equals(reading)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    static void replayViolates(Claim c, Reading r, Path f) throws IOException {
        JsonNode j = CounterexampleFile.read(f);
        Instance inst = j.get("instance").isNull() ? null
                : InstanceJson.fromTree(j.get("instance"), InstanceJson.DEFAULT_SIZE_LIMIT);
        Witness w = WitnessJson.fromTree(j.get("witness"), "witness");
        Verdict v = r.check().apply(new Context(inst), w);
        assertTrue(v.applicable() && !v.holds(), f + " no longer violates " + c.id() + "/" + r.name());
        assertEquals(Rational.parse(j.get("lhs").asText()), v.lhs(), f + ": lhs");
        assertEquals(Rational.parse(j.get("rhs").asText()), v.rhs(), f + ": rhs");
    }
}
