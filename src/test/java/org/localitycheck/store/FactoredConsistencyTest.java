package org.localitycheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.FactoredFamilies;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceConversion;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.Networks;

/**
 * On small networks, the factored computation (reference@2) and the joint one on the expansion (reference@1,
 * the engine every other test checks) agree field by field: identical rationals for tabular policies,
 * overlapping enclosures for softmax policies (both hold the true value).
 */
class FactoredConsistencyTest {
    private static final FactoredReferenceJson.Options OPTIONS = new FactoredReferenceJson.Options(6,
            Rational.of(1, 1000), 1L << 22, true, 1L << 20);

    /**
     * The small networks compared: every topology and three seeds with tabular policies; softmax policies on
     * the networks of at most 16 joint states (the joint softmax engine takes seconds per instance there).
     */
    static List<FactoredInstance> networks() {
        List<FactoredInstance> out = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            FactoredFamilies.Shape binary = FactoredFamilies.Shape.binary(FactoredInstance.TABULAR);
            out.add(FactoredFamilies.on(Networks.ring(3), binary, seed));
            out.add(FactoredFamilies.on(Networks.ring(5), binary, seed));
            out.add(FactoredFamilies.on(Networks.grid(2, 3), binary, seed));
            out.add(FactoredFamilies.on(Networks.star(4), binary, seed));
            out.add(FactoredFamilies.on(Networks.random(5, 2, new SplittableRandom(seed)), binary, seed));
            out.add(FactoredFamilies.on(Networks.ring(3), new FactoredFamilies.Shape(3, 2, FactoredInstance.TABULAR,
                    Rational.of(1, 2), Rational.ZERO, Rational.ONE, true), seed));
            FactoredFamilies.Shape soft = FactoredFamilies.Shape.binary(FactoredInstance.SOFTMAX);
            out.add(FactoredFamilies.on(Networks.ring(3), soft, seed));
            out.add(FactoredFamilies.on(Networks.grid(2, 2), soft, seed));
        }
        out.add(FactoredFamilies.on(Networks.star(4), new FactoredFamilies.Shape(2, 2, FactoredInstance.SOFTMAX,
                Rational.of(1, 2), Rational.of(1, 4), Rational.of(1, 2), false), 4));
        return out;
    }

    @Test
    void factoredAndExpandedAgreeFieldByField() {
        int compared = 0;
        for (FactoredInstance f : networks()) {
            List<String> diffs = differences(f, InstanceConversion.expand(f, 1L << 20));
            assertTrue(diffs.isEmpty(), f.name() + ": " + String.join("; ", diffs));
            compared++;
        }
        assertEquals(25, compared);
    }

    @Test
    void theComparisonSeesADifferentInstance() {
        // the check can fail: the expansion of another seed differs somewhere
        FactoredFamilies.Shape binary = FactoredFamilies.Shape.binary(FactoredInstance.TABULAR);
        FactoredInstance a = FactoredFamilies.on(Networks.ring(4), binary, 1);
        FactoredInstance b = FactoredFamilies.on(Networks.ring(4), binary, 2);
        assertFalse(differences(a, InstanceConversion.expand(b, 1L << 20)).isEmpty());
    }

    @Test
    void instanceOneRoundTripsThroughTheFactoredFormat() {
        for (FactoredInstance f : networks()) {
            Instance joint = InstanceConversion.expand(f, 1L << 20);
            Instance back = InstanceConversion.expand(InstanceConversion.factor(joint), 1L << 20);
            assertEquals(InstanceJson.canonical(joint), InstanceJson.canonical(back), f.name());
        }
    }

    /** Where reference@2 of f and reference@1 of the joint instance disagree. */
    static List<String> differences(FactoredInstance f, Instance joint) {
        JsonNode fr = FactoredReferenceJson.of(f, OPTIONS);
        JsonNode jr = ReferenceJson.of(joint, OPTIONS.maxKappa());
        boolean exact = FactoredInstance.TABULAR.equals(f.policyKind());
        List<String> diffs = new ArrayList<>();
        int n = f.agentCount();
        for (String m : new String[] {"Es", "Ea", "Pi", "C", "H"}) {
            RationalInterval[][] dense = new RationalInterval[n][n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    dense[j][i] = RationalInterval.point(Rational.ZERO);
                }
                for (JsonNode e : fr.get(m).get(j)) {
                    dense[j][e.get(0).asInt()] = interval(e.get(1));
                }
                for (int i = 0; i < n; i++) {
                    same(diffs, m + "[" + j + "][" + i + "]", dense[j][i], interval(jr.get(m).get(j).get(i)), exact);
                }
            }
        }
        vector(diffs, "deltaReward", fr.get("deltaReward"), jr.get("deltaReward"), exact);
        same(diffs, "rhoH", interval(fr.get("rhoH")), interval(jr.get("rhoH")), exact);
        for (int k = 0; k <= OPTIONS.maxKappa(); k++) {
            if (jr.get("kappa").isNull()) {
                break;
            }
            vector(diffs, "certificate[" + k + "]", fr.get("kappa").get(k).get("certificate"),
                    jr.get("kappa").get(k).get("certificate"), exact);
            same(diffs, "truncatedBias[" + k + "]", interval(fr.get("longRun").get("truncatedBias").get(k)),
                    interval(jr.get("kappa").get(k).get("truncatedBias")), true);
        }
        for (String key : new String[] {"multichain", "stationary", "averageReward", "poisson", "deltaPoisson"}) {
            if (!fr.get("longRun").get(key).equals(jr.get(key))) {
                diffs.add("longRun." + key);
            }
        }
        return diffs;
    }

    private static void vector(List<String> diffs, String name, JsonNode a, JsonNode b, boolean exact) {
        if (a.size() != b.size()) {
            diffs.add(name + " lengths " + a.size() + " and " + b.size());
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            same(diffs, name + "[" + i + "]", interval(a.get(i)), interval(b.get(i)), exact);
        }
    }

    /** Exact: identical. Enclosures: they overlap, as two enclosures of one number must. */
    private static void same(List<String> diffs, String where, RationalInterval a, RationalInterval b, boolean exact) {
        boolean ok = exact ? a.equals(b) : a.overlaps(b);
        if (!ok) {
            diffs.add(where + ": " + a + " vs " + b);
        }
    }

    private static RationalInterval interval(JsonNode v) {
        if (v.isObject()) {
            return RationalInterval.of(Rational.parse(v.get("lower").asText()), Rational.parse(v.get("upper").asText()));
        }
        return RationalInterval.point(Rational.parse(v.asText()));
    }
}
