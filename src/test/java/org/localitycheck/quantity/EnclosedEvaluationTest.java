package org.localitycheck.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.model.TabularPolicy;
import org.localitycheck.search.Families;
import org.localitycheck.store.ReferenceJson;

/**
 * The enclosures of policies known only by enclosures. Two checks with exact expected values:
 * <ul>
 * <li>the perturbation bounds of {@link IntervalPolicyChain}: a tabular policy pi is hidden inside lopsided row
 * enclosures (so the rational policy pi~ the chain works at is not pi), and every enclosure must contain pi's exact
 * value from {@link Evaluation};
 * <li>softmax end to end: big-math's exp at 130 digits gives a rational policy pi' within 1e-110 of the softmax
 * policy; {@link EnclosedEvaluation}'s enclosures must contain pi''s exact values up to 1e-80. The margin covers
 * only the oracle's own error (1e-110 times condition numbers far below 1e30 on these instances) and is 50 orders
 * below the widths FORMATS.md allows, so it hides nothing.
 * </ul>
 */
class EnclosedEvaluationTest {
    static final int KAPPA = 4;
    static final Rational ORACLE_MARGIN = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(80));

    @TestFactory
    Stream<DynamicTest> chainEnclosesThePolicyHiddenInItsRows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String family : Families.GENERAL) {
            for (int i = 0; i < 8; i++) {
                long seed = 7919L * family.hashCode() + i;
                tests.add(DynamicTest.dynamicTest(family + " #" + i, () -> hidden(Families.generate(family, seed).instance(), seed)));
            }
        }
        return tests.stream();
    }

    static void hidden(Instance inst, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Rational eps = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(60));
        RationalInterval[][][] rows = PolicyEnclosure.exact(inst).rows();
        for (RationalInterval[][] agent : rows) {
            for (RationalInterval[] row : agent) {
                for (int b = 0; b < row.length; b++) {
                    Rational p = row[b].lower();
                    if (p.signum() > 0) { // zeros stay exact: the support is known
                        Rational lo = p.subtract(eps.multiply(Rational.of(1 + rnd.nextInt(3)))).max(p.multiply(Rational.HALF));
                        Rational hi = p.add(eps.multiply(Rational.of(1 + rnd.nextInt(5)))).min(Rational.ONE);
                        row[b] = RationalInterval.of(lo, hi);
                    }
                }
            }
        }
        PolicyEnclosure pe = PolicyEnclosure.of(inst, rows, 70);
        Evaluation exact = Evaluation.of(inst, KAPPA);
        Optional<IntervalPolicyChain> chain = IntervalPolicyChain.of(pe, KAPPA);
        assertEquals(exact.multichain(), chain.isEmpty(), "multichain");
        assertContains(Sensitivities.policySensitivity(pe), exact.pi(), "Pi");
        assertContains(Sensitivities.closedLoopInfluence(ClosedLoop.of(pe.pointInstance()), pe), exact.c(), "C");
        if (chain.isEmpty()) {
            return;
        }
        IntervalPolicyChain ch = chain.get();
        PoissonSolution sol = exact.longRun().get();
        Rational[] r = exact.rewardUnderPolicy();
        for (int s = 0; s < r.length; s++) {
            assertContains(ch.rewardUnderPolicy(s), r[s], Rational.ZERO, "r^pi(" + s + ")");
            assertContains(ch.stationary(s), sol.stationary().get(s), Rational.ZERO, "d(" + s + ")");
            assertContains(ch.poisson(s), sol.poisson().get(s), Rational.ZERO, "h(" + s + ")");
        }
        assertContains(ch.averageReward(), sol.averageReward(), Rational.ZERO, "rbar");
        for (Evaluation.KappaRow row : exact.kappa().get()) {
            assertContains(ch.truncatedBias(row.k()), row.truncatedBias(), Rational.ZERO, "bias k=" + row.k());
        }
        DyadicChain dc = DyadicChain.of(pe, ClosedLoop.of(pe.pointInstance()), KAPPA, 70).orElseThrow();
        for (int s = 0; s < r.length; s++) {
            assertContains(dc.stationary(s), sol.stationary().get(s), Rational.ZERO, "dyadic d(" + s + ")");
            assertContains(dc.poisson(s), sol.poisson().get(s), Rational.ZERO, "dyadic h(" + s + ")");
        }
        assertContains(dc.averageReward(), sol.averageReward(), Rational.ZERO, "dyadic rbar");
        for (Evaluation.KappaRow row : exact.kappa().get()) {
            assertContains(dc.truncatedBias(row.k()), row.truncatedBias(), Rational.ZERO, "dyadic bias k=" + row.k());
        }
    }

    @TestFactory
    Stream<DynamicTest> softmaxEnclosuresContainTheBigMathOracle() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String family : List.of("softmax", "hub-softmax")) {
            for (int i = 0; i < 12; i++) {
                long seed = 104729L * family.hashCode() + i;
                tests.add(DynamicTest.dynamicTest(family + " #" + i, () -> oracle(Families.generate(family, seed).instance())));
            }
        }
        return tests.stream();
    }

    static void oracle(Instance inst) {
        EnclosedEvaluation ev = EnclosedEvaluation.of(inst, KAPPA);
        assertTrue(ev.tooWide().isEmpty(), "widths of FORMATS.md");
        JsonNode got = ReferenceJson.toTree(ev);
        JsonNode want = ReferenceJson.toTree(Evaluation.of(nearbyTabular(inst), KAPPA));
        assertEquals(want.get("multichain").asBoolean(), got.get("multichain").asBoolean(), "multichain");
        for (String field : List.of("Es", "Ea", "Pi", "C", "H", "rewardUnderPolicy", "deltaReward", "stationary",
                "averageReward", "poisson", "deltaPoisson", "kappa")) {
            compare(field, want.get(field), got.get(field));
        }
        Rational rho = Rational.parse(got.get("rhoH").get("upper").asText())
                .subtract(Rational.parse(got.get("rhoH").get("lower").asText()));
        assertTrue(rho.compareTo(EnclosedEvaluation.RHO_WIDTH) <= 0, "rhoH width " + rho.doubleValue());
    }

    /**
     * A nearly decomposable chain: the agent leaves its state with probability 2^-80 or 2^-79. I - Phat + 1 e_0^T
     * then rounds to a singular matrix in doubles, so {@link DyadicChain} refuses it; {@link EnclosedEvaluation} falls
     * back to {@link IntervalPolicyChain}, and its enclosures must still contain the big-math oracle's values.
     */
    @Test
    void chainsDoublesCannotInvertFallBackToTheExactCentre() {
        String e = "1/" + BigInteger.ONE.shiftLeft(80);
        String e2 = "1/" + BigInteger.ONE.shiftLeft(79);
        String stay = BigInteger.ONE.shiftLeft(80).subtract(BigInteger.ONE) + "/" + BigInteger.ONE.shiftLeft(80);
        String stay2 = BigInteger.ONE.shiftLeft(79).subtract(BigInteger.ONE) + "/" + BigInteger.ONE.shiftLeft(79);
        String json = "{\"format\": \"locality-check/instance@1\", \"name\": \"nearly-decomposable\","
                + " \"agents\": [{\"states\": 2, \"actions\": 2, \"observes\": [0]}],"
                + " \"kernel\": [[[[\"" + stay + "\", \"" + e + "\"], [\"" + stay2 + "\", \"" + e2 + "\"]],"
                + " [[\"" + e + "\", \"" + stay + "\"], [\"" + e2 + "\", \"" + stay2 + "\"]]]],"
                + " \"policy\": {\"kind\": \"softmax\", \"tau\": \"1\", \"logits\": [[[\"1/2\", \"0\"], [\"0\", \"3/2\"]]]},"
                + " \"reward\": [[\"1\", \"0\"], [\"0\", \"1/2\"]]}";
        Instance inst = InstanceJson.parse(json, 1 << 20);
        PolicyEnclosure pe = PolicyEnclosure.softmax(inst, 70);
        assertThrows(DyadicChain.IllConditioned.class,
                () -> DyadicChain.of(pe, ClosedLoop.of(pe.pointInstance()), KAPPA, 70));
        EnclosedEvaluation ev = EnclosedEvaluation.of(inst, KAPPA);
        assertTrue(ev.longRun().orElseThrow() instanceof IntervalPolicyChain, "the fallback's chain");
        oracle(inst);
    }

    /**
     * Logits 6000 apart (below the input limit of 10,000 on |logit/tau|): a probability of about 2^-8656, which 8192 bits
     * cannot tell from 0, so the evaluation goes past {@link EnclosedEvaluation#MAX_BITS} (found by an independent
     * review: compute stopped with an internal error), and the enclosures contain big-math's values.
     */
    @Test
    void probabilitiesTooSmallForTheUsualPrecisionGetMore() {
        String json = "{\"format\": \"locality-check/instance@1\", \"name\": \"e6000\", \"agents\": [{\"states\": 2,"
                + " \"actions\": 2}], \"kernel\": [[[[\"1/2\", \"1/2\"], [\"1\", \"0\"]], [[\"1/3\", \"2/3\"], [\"0\", \"1\"]]]],"
                + " \"policy\": {\"kind\": \"softmax\", \"tau\": \"1\", \"logits\": [[[\"0\", \"6000\"], [\"6000\", \"0\"]]]},"
                + " \"reward\": [[\"1\", \"0\"], [\"0\", \"2\"]]}";
        Instance inst = InstanceJson.parse(json, 1 << 20);
        assertThrows(ArithmeticException.class, () -> EnclosedEvaluation.at(inst, KAPPA, EnclosedEvaluation.MAX_BITS),
                "at the usual last precision the evaluation cannot decide");
        assertEquals(16384, EnclosedEvaluation.maxBits(inst));
        EnclosedEvaluation.of(inst, KAPPA);
        oracle(inst);
    }

    /** pi'(b|s) = exp(g_b/tau) / sum exp(g_c/tau) at 130 digits, the last entry completing the row to exactly 1. */
    static Instance nearbyTabular(Instance inst) {
        SoftmaxPolicy pol = (SoftmaxPolicy) inst.policy();
        MathContext mc = new MathContext(130);
        BigDecimal tau = decimal(pol.tau(), mc);
        int n = inst.agentCount();
        Rational[][][] t = new Rational[n][inst.states().size()][];
        for (int k = 0; k < n; k++) {
            int m = inst.agents().get(k).actions();
            for (int s = 0; s < t[k].length; s++) {
                BigDecimal[] e = new BigDecimal[m];
                BigDecimal z = BigDecimal.ZERO;
                for (int b = 0; b < m; b++) {
                    e[b] = BigDecimalMath.exp(decimal(pol.logit(k, s, b), mc).divide(tau, mc), mc);
                    z = z.add(e[b]);
                }
                t[k][s] = new Rational[m];
                Rational rest = Rational.ONE;
                for (int b = 0; b < m - 1; b++) {
                    BigDecimal p = e[b].divide(z, mc);
                    t[k][s][b] = Rational.of(p.unscaledValue(), BigInteger.TEN.pow(p.scale()));
                    rest = rest.subtract(t[k][s][b]);
                }
                t[k][s][m - 1] = rest;
            }
        }
        return Instance.of(inst.name(), inst.agents(), inst.kernel(), TabularPolicy.of(t, inst.agents(), inst.states()),
                inst.rewardTable());
    }

    static BigDecimal decimal(Rational r, MathContext mc) {
        return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), mc);
    }

    static void compare(String path, JsonNode want, JsonNode got) {
        if (want.isNull()) {
            assertTrue(got.isNull(), path);
        } else if (want.isArray()) {
            assertEquals(want.size(), got.size(), path);
            for (int i = 0; i < want.size(); i++) {
                compare(path + "[" + i + "]", want.get(i), got.get(i));
            }
        } else if (want.isObject()) {
            want.fieldNames().forEachRemaining(f -> compare(path + "." + f, want.get(f), got.get(f)));
        } else if (want.isTextual()) {
            RationalInterval e = got.isTextual() ? RationalInterval.point(Rational.parse(got.asText()))
                    : RationalInterval.of(Rational.parse(got.get("lower").asText()), Rational.parse(got.get("upper").asText()));
            assertContains(e, Rational.parse(want.asText()), ORACLE_MARGIN, path);
        }
    }

    static void assertContains(RationalInterval e, Rational x, Rational margin, String what) {
        assertTrue(e.lower().subtract(margin).compareTo(x) <= 0 && x.compareTo(e.upper().add(margin)) <= 0,
                what + ": " + e + " does not contain " + x);
    }

    /** Entrywise containment of an exact matrix in an enclosure. */
    static void assertContains(MatrixEnclosure e, RationalMatrix m, String what) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                assertContains(e.get(i, j), m.get(i, j), Rational.ZERO, what + "[" + i + "][" + j + "]");
            }
        }
    }
}
