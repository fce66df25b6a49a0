package org.localitycheck.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;
import org.localitycheck.search.PaperExamples;

class PaperExamplesTest {
    static Rational q(String s) {
        return Rational.parse(s);
    }

    /**
     * Section 3: P^pi_2(1 | s) = pi_1(1 | s_1), so C_{2&lt;-1} = TV(pi_1(.|0), pi_1(.|1)) = alpha; E^s = 0,
     * E^a_{2&lt;-1} = 1 and every other E^a entry 0; Pi_{1&lt;-1} = alpha; H_{2&lt;-1} = 1 * alpha.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0", "1/10", "1/3", "1/2", "1"})
    void section3ExampleHasCEqualToAlpha(String a) {
        Rational alpha = q(a);
        Instance inst = PaperExamples.section3(alpha);
        RationalMatrix es = Sensitivities.stateSensitivity(inst);
        RationalMatrix ea = Sensitivities.actionSensitivity(inst);
        RationalMatrix pi = Sensitivities.policySensitivity(inst);
        RationalMatrix c = Sensitivities.closedLoopInfluence(ClosedLoop.of(inst));
        assertTrue(es.isZero());
        assertEquals(RationalMatrix.ofRows(new Rational[][] {{q("0"), q("0")}, {q("1"), q("0")}}), ea);
        assertEquals(alpha, pi.get(0, 0));
        assertEquals(Rational.ZERO, pi.get(0, 1));
        assertEquals(alpha, c.get(1, 0));
        assertEquals(alpha, Sensitivities.influenceBound(es, ea, pi).get(1, 0));
    }

    /** App. E.1: s'_2 copies s_1, so C_{2&lt;-1} = TV(delta_0, delta_1) = 1 and E^s_{2&lt;-1} = 1, E^a = 0. */
    @ParameterizedTest
    @ValueSource(strings = {"constant", "self-copy", "flip"})
    void leaderFollowerHasCEqualToOne(String leader) {
        Instance inst = PaperExamples.leaderFollower(leader);
        assertEquals(Rational.ONE, Sensitivities.closedLoopInfluence(ClosedLoop.of(inst)).get(1, 0));
        assertEquals(Rational.ONE, Sensitivities.stateSensitivity(inst).get(1, 0));
        assertTrue(Sensitivities.actionSensitivity(inst).isZero());
    }

    /**
     * App. E.2 with Pi_{1&lt;-i} = c_i: H = E^a Pi has rows j &gt; 1 equal to (c_1..c_n) and row 1 zero, a rank-one
     * matrix u v^T with u = 1{j &gt; 1}, v = c, so rho(H) = v . u = sum_{j &gt; 1} c_j exactly (the paper's formula
     * with Pi in place of L/(2 tau)).
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void hubSpectralRadiusIsTheSumOfSpokeSensitivities(int n) {
        Rational[] c = new Rational[n];
        Rational sumSpokes = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            c[i] = Rational.of(1, 2L * n + i);
            if (i > 0) {
                sumSpokes = sumSpokes.add(c[i]);
            }
        }
        Instance inst = PaperExamples.hub(c);
        Evaluation ev = Evaluation.of(inst, 0);
        assertTrue(ev.es().isZero());
        assertEquals(0, SpectralRadius.compare(ev.h(), sumSpokes));
        assertTrue(ev.rhoH().contains(sumSpokes));
    }

    /**
     * One agent, P(1|0) = p = 1/3, P(0|1) = q = 1/4, r = 1{s = 1}. Closed form: d = (q, p)/(p+q) = (3/7, 4/7),
     * rbar = p/(p+q) = 4/7; the Poisson equation gives p (h(0) - h(1)) = -rbar, so h(1) - h(0) = 1/(p+q) = 12/7,
     * and d . h = 0 gives h(0) = -p/(p+q)^2 = -48/49, h(1) = q/(p+q)^2 = 36/49.
     */
    @Test
    void twoStateChainHasTheClosedFormPoissonSolution() {
        Evaluation ev = Evaluation.of(PaperExamples.twoStateChain(q("1/3"), q("1/4")), 3);
        PoissonSolution sol = ev.longRun().orElseThrow();
        assertEquals(q("3/7"), sol.stationary().get(0));
        assertEquals(q("4/7"), sol.stationary().get(1));
        assertEquals(q("4/7"), sol.averageReward());
        assertEquals(q("-48/49"), sol.poisson().get(0));
        assertEquals(q("36/49"), sol.poisson().get(1));
        assertEquals(q("12/7"), ev.deltaPoisson().orElseThrow().get(0));
    }
}
