package org.localitycheck.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.search.Families;

/**
 * The "networks" readings hold on the networks of 40 cases, and each check, weakened as the paper's wrong or
 * missing variants are, finds a violation on some of the same networks: the checks can fail.
 */
class NetworkReadingsTest {
    /** Case contexts: instances of the general families, whose hashes name the networks. */
    static List<Context> cases() {
        List<Context> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(new Context(Families.generate(Families.GENERAL.get(i % Families.GENERAL.size()), 1000 + i).instance()));
        }
        return out;
    }

    private static int violations(List<Context> cases, Function<Context, Verdict> check) {
        int v = 0;
        for (Context c : cases) {
            Verdict verdict = check.apply(c);
            v += verdict.applicable() && !verdict.holds() ? 1 : 0;
        }
        return v;
    }

    @Test
    void theNetworksAreDistinctAndLarge() {
        Set<String> names = new HashSet<>();
        int above20 = 0;
        for (Context c : cases()) {
            FactoredInstance f = NetworkCases.network(c, FactoredInstance.TABULAR);
            names.add(f.name());
            above20 += f.agentCount() > 20 ? 1 : 0;
        }
        assertTrue(names.size() >= 38, "distinct networks: " + names.size());
        assertTrue(above20 >= 10, "networks above 20 agents: " + above20);
    }

    @Test
    void prop1HoldsOnNetworksAndTheStateRouteAloneDoesNot() {
        List<Context> cases = cases();
        assertEquals(0, violations(cases, c -> Prop1Claim.networks(c, false)));
        assertTrue(violations(cases, c -> Prop1Claim.networks(c, true)) > 0);
    }

    @Test
    void lemma10HoldsOnNetworksAndHalfItsBoundDoesNot() {
        List<Context> cases = cases();
        assertEquals(0, violations(cases, c -> Lemma10Claim.networks(c, Rational.TWO)));
        assertTrue(violations(cases, c -> Lemma10Claim.networks(c, Rational.of(4))) > 0);
    }

    @Test
    void twoHopBlocksVanishOnNetworksAndOneHopBlocksDoNot() {
        List<Context> cases = cases();
        for (int t = 1; t <= 3; t++) {
            int tt = t;
            assertEquals(0, violations(cases, c -> SparsityClaim.networkBlocks(c, tt, 2)), "t=" + t);
        }
        assertTrue(violations(cases, c -> SparsityClaim.networkBlocks(c, 1, 1)) > 0);
    }

    @Test
    void theDirectedBallSufficesOnNetworksAndTheReversedOneDoesNot() {
        List<Context> cases = cases();
        for (int kappa = 0; kappa <= 3; kappa++) {
            int k = kappa;
            assertEquals(0, violations(cases, c -> Thm7LocalityClaim.networks(c, k, false)), "kappa=" + kappa);
        }
        int reversed = 0;
        for (int kappa = 1; kappa <= 3; kappa++) {
            int k = kappa;
            reversed += violations(cases, c -> Thm7LocalityClaim.networks(c, k, true));
        }
        assertTrue(reversed > 0);
        assertFalse(cases().isEmpty());
    }
}
