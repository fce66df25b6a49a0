package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.quantity.Evaluation;
import org.localitycheck.quantity.ReferenceJson;
import org.localitycheck.search.Families;

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

    static void compare(Instance inst) {
        JsonNode ref = ReferenceJson.toTree(Evaluation.of(inst, KAPPA));
        Mdp m = new Mdp(InstanceJson.toTree(inst.withName(null)));
        assertMatrix(m.sensitivity(0), ref.get("Es"), "Es");
        assertMatrix(m.sensitivity(1), ref.get("Ea"), "Ea");
        assertMatrix(m.sensitivity(2), ref.get("Pi"), "Pi");
        assertMatrix(m.sensitivity(3), ref.get("C"), "C");
        Frac[][] h = m.h();
        assertMatrix(h, ref.get("H"), "H");
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
        Frac[] hv = java.util.Arrays.copyOfRange(sol, 1, sol.length);
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
