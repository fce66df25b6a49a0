package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;
import org.localitycheck.quantity.Evaluation;
import org.localitycheck.quantity.Sensitivities;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.search.Families;
import org.localitycheck.store.ReferenceJson;

/**
 * compute's output against an independent exact implementation (this package's own fractions, kernel,
 * oscillations, sensitivities and Poisson solver), field by field, on a corpus of generated instances from
 * every family. The expected values are the checker's; the engine's are the ones under test.
 */
class IndependentComputeTest {
    static final int PER_FAMILY = 20;
    static final int KAPPA = 4;

    @TestFactory
    Stream<DynamicTest> computeAgreesWithTheIndependentImplementation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String family : Families.GENERAL) {
            for (int i = 0; i < PER_FAMILY; i++) {
                long seed = 1000L * family.hashCode() + i;
                tests.add(DynamicTest.dynamicTest(family + " #" + i, () -> compare(Families.generate(family, seed).instance())));
            }
        }
        return tests.stream();
    }

    /**
     * The joint kernel's residue paths: the generic benchmark family (row denominators past 2^63 from n = 4, so
     * several word primes) and rows with denominators near 2^41 (an agent's common denominator over four joint actions
     * is past a long, so the
     * scaled kernel is exact BigInteger), each against the checker's rational definition.
     */
    @TestFactory
    Stream<DynamicTest> wideDenominatorsAgreeWithTheIndependentImplementation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            for (long seed = 1; seed <= 2; seed++) {
                Instance inst = DenseBenchmarkInstance.generic(n, seed);
                tests.add(DynamicTest.dynamicTest(inst.name(), () -> compare(inst)));
            }
        }
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            tests.add(DynamicTest.dynamicTest("denominators near 2^41, seed " + seed, () -> compare(wideRows(s))));
        }
        return tests.stream();
    }

    /** Two binary agents, kernel and policy rows w/sum(w) with w up to 2^40, rewards p/q with q up to 2^20. */
    static Instance wideRows(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2;
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(Agent.of(2, 2));
        }
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[n][st.size()][ac.size()][];
        for (int j = 0; j < n; j++) {
            for (int x = 0; x < st.size(); x++) {
                for (int a = 0; a < ac.size(); a++) {
                    k[j][x][a] = wideRow(rnd, 1L << 40);
                }
            }
        }
        Rational[][][] pol = new Rational[n][st.size()][];
        for (int q = 0; q < n; q++) {
            for (int x = 0; x < st.size(); x++) {
                pol[q][x] = wideRow(rnd, 1L << 30);
            }
        }
        Rational[][] r = new Rational[st.size()][ac.size()];
        for (int x = 0; x < st.size(); x++) {
            for (int a = 0; a < ac.size(); a++) {
                r[x][a] = Rational.of(rnd.nextLong(-(1L << 20), 1L << 20), 1 + rnd.nextLong(1L << 20));
            }
        }
        return Instance.of(null, agents, FactoredKernel.of(k, st, ac),
                TabularPolicy.of(pol, agents, st), r);
    }

    private static Rational[] wideRow(SplittableRandom rnd, long maxWeight) {
        long w0 = 1 + rnd.nextLong(maxWeight);
        long w1 = 1 + rnd.nextLong(maxWeight);
        return new Rational[] {Rational.of(w0, w0 + w1),
            Rational.of(w1, w0 + w1)};
    }

    /**
     * Agents with more than 16 local states or actions and few next states: the engine compares those lines through
     * subsets of next states (Sensitivities.lineSupremum), the checker pair by pair; E^s and E^a agree (the rest does
     * not depend on how lines are compared).
     */
    @TestFactory
    Stream<DynamicTest> longLinesAgreeWithThePairwiseDefinition() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long seed = 77 + i;
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> {
                Instance inst = longLines(seed);
                Mdp m = new Mdp(InstanceJson.toTree(inst));
                var es = Sensitivities.stateSensitivity(inst);
                var ea = Sensitivities.actionSensitivity(inst);
                Frac[][] ces = m.sensitivity(0);
                Frac[][] cea = m.sensitivity(1);
                for (int j = 0; j < 2; j++) {
                    for (int x = 0; x < 2; x++) {
                        assertEquals(ces[j][x].toString(), es.get(j, x).toString(), "Es[" + j + "][" + x + "]");
                        assertEquals(cea[j][x].toString(), ea.get(j, x).toString(), "Ea[" + j + "][" + x + "]");
                    }
                }
                assertTrue(ces[1][0].signum() > 0 && cea[1][1].signum() > 0, "the long lines carry no variation to compare");
            }));
        }
        return tests.stream();
    }

    /** Two agents: (18 states, 2 actions) and (2 states, 20 actions); random rows with weights 0..3, full observation. */
    static Instance longLines(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ms = {18, 2};
        int[] ma = {2, 20};
        int ns = 36;
        int na = 40;
        StringBuilder sb = new StringBuilder("{\"format\":\"locality-check/instance@1\",\"agents\":[{\"states\":18,\"actions\":2},"
                + "{\"states\":2,\"actions\":20}],\"kernel\":[");
        for (int j = 0; j < 2; j++) {
            sb.append(j > 0 ? "," : "").append('[');
            for (int s = 0; s < ns; s++) {
                sb.append(s > 0 ? "," : "").append('[');
                for (int a = 0; a < na; a++) {
                    sb.append(a > 0 ? "," : "").append(row(rnd, ms[j]));
                }
                sb.append(']');
            }
            sb.append(']');
        }
        sb.append("],\"policy\":{\"kind\":\"tabular\",\"tables\":[");
        for (int k = 0; k < 2; k++) {
            sb.append(k > 0 ? "," : "").append('[');
            for (int s = 0; s < ns; s++) {
                sb.append(s > 0 ? "," : "").append(row(rnd, ma[k]));
            }
            sb.append(']');
        }
        sb.append("]},\"reward\":[");
        for (int s = 0; s < ns; s++) {
            sb.append(s > 0 ? "," : "").append('[');
            for (int a = 0; a < na; a++) {
                sb.append(a > 0 ? "," : "").append('"').append(rnd.nextInt(-3, 4)).append('"');
            }
            sb.append(']');
        }
        return InstanceJson.parse(sb.append("]}").toString(), 1 << 20);
    }

    private static String row(SplittableRandom rnd, int width) {
        int[] w = new int[width];
        int sum = 0;
        while (sum == 0) {
            sum = 0;
            for (int x = 0; x < width; x++) {
                w[x] = rnd.nextInt(4);
                sum += w[x];
            }
        }
        StringBuilder sb = new StringBuilder("[");
        for (int x = 0; x < width; x++) {
            sb.append(x > 0 ? "," : "").append('"').append(w[x]).append('/').append(sum).append('"');
        }
        return sb.append(']').toString();
    }

    static void compare(Instance inst) {
        JsonNode ref = ReferenceJson.toTree(Evaluation.of(inst, KAPPA));
        Mdp m = new Mdp(InstanceJson.toTree(inst.withName(null)));
        assertMatrix(m.sensitivity(0), ref.get("Es"), "Es");
        assertMatrix(m.sensitivity(1), ref.get("Ea"), "Ea");
        assertMatrix(m.sensitivity(2), ref.get("Pi"), "Pi");
        assertMatrix(m.sensitivity(3), ref.get("C"), "C");
        Frac[][] h = m.h();
        assertMatrix(h, ref.get("H"), "H");
        Frac[][] sup = m.actionSupremum();
        RationalMatrix engineSup = Sensitivities.actionSupremum(inst);
        for (int j = 0; j < sup.length; j++) {
            for (int i = 0; i < sup.length; i++) {
                assertEquals(engineSup.get(j, i).toString(), sup[j][i].toString(), "C^sup[" + j + "][" + i + "]");
            }
        }
        assertVector(m.rewardUnderPolicy(), ref.get("rewardUnderPolicy"), "rewardUnderPolicy");
        Frac[] b = m.delta(m.rewardUnderPolicy());
        assertVector(b, ref.get("deltaReward"), "deltaReward");
        Frac[][] joint = m.joint();
        Frac[] sol = m.poisson(joint);
        assertEquals(sol == null, ref.get("multichain").asBoolean(), "multichain");
        if (sol == null) {
            return;
        }
        assertEquals(sol[0].toString(), ref.get("averageReward").asText(), "averageReward");
        Frac[] hv = Arrays.copyOfRange(sol, 1, sol.length);
        assertVector(hv, ref.get("poisson"), "poisson");
        assertVector(m.delta(hv), ref.get("deltaPoisson"), "deltaPoisson");
        Frac[] cert = b.clone();
        Frac[] term = b;
        Frac[] hhat = m.rewardUnderPolicy();
        Frac[] rterm = hhat.clone();
        for (int k = 0; k <= KAPPA; k++) {
            if (k > 0) {
                term = Mat.mul(Mat.t(h), term);
                for (int i = 0; i < cert.length; i++) {
                    cert[i] = cert[i].add(term[i]);
                }
                rterm = Mat.mul(joint, rterm);
                for (int s = 0; s < hhat.length; s++) {
                    hhat[s] = hhat[s].add(rterm[s]);
                }
            }
            JsonNode row = ref.get("kappa").get(k);
            assertVector(cert, row.get("certificate"), "certificate k=" + k);
            Frac max = null;
            Frac min = null;
            for (int s = 0; s < hhat.length; s++) {
                Frac d = hhat[s].sub(hv[s]);
                max = max == null || d.compareTo(max) > 0 ? d : max;
                min = min == null || d.compareTo(min) < 0 ? d : min;
            }
            assertEquals(max.sub(min).mul(Frac.parse("1/2")).toString(), row.get("truncatedBias").asText(), "bias k=" + k);
        }
    }

    static void assertMatrix(Frac[][] expected, JsonNode actual, String field) {
        for (int i = 0; i < expected.length; i++) {
            assertVector(expected[i], actual.get(i), field + "[" + i + "]");
        }
    }

    static void assertVector(Frac[] expected, JsonNode actual, String field) {
        assertEquals(expected.length, actual.size(), field);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].toString(), actual.get(i).asText(), field + "[" + i + "]");
        }
    }

}
