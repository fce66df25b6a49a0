package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.search.Finding;
import org.localitycheck.search.Search;
import org.localitycheck.store.CounterexampleFile;

/**
 * The checker against the engine on drawn cases, violated or not: for each reading with an instance that the checker
 * has code for (exactly or enclosure-decided), the cases the search draws are written as files with the engine's
 * verdict and sides, and the checker accepts a file exactly when the engine finds the case applicable and violated.
 * A checker that accepted a case whose claim holds (or outside the reading's hypotheses), or that missed a violation,
 * fails here; the stored files alone show only the accepting half.
 */
class CheckerAgreesWithTheEngineTest {
    /** The readings with an instance that the checker has code for: exactly decided, then enclosure-decided. */
    private static final List<String> READINGS = List.of("c-governs/literal", "thm3-uniform/literal",
            "sparsity/literal-constant", "sparsity/same-pattern", "sparsity/vanishing-blocks",
            "leader-follower/rho-at-least-one", "thm3-poisson/any-constant", "discounted/strictly-tighter",
            "spectral-vs-norm/prior-norm-certifies", "thm3-resolvent/norm-series-step", "discounted/true-rate",
            "thm7-certificate/neumann-equality", "prop1/coupling-equality", "thm3-resolvent/without-hypothesis",
            "weighted/resolvent-untransposed", "thm7-certificate/two-sided", "thm7-locality/reverse-ball",
            "thm7-bias/literal", "thm7-bias/c-zero", "lpi/scoped-update", "one-block/kl-anchored", "one-block/proof-step",
            "one-block/entropy-regularized", "cor15/literal", "cor15/stale");

    /** Cases per reading: fewer for the enclosure-decided ones (exp and log at 160 bits on every case). */
    private static int cases(String key) {
        return key.startsWith("cor15/") ? 6 : key.startsWith("one-block/") ? 12 : 48;
    }

    @TestFactory
    Stream<DynamicTest> acceptsExactlyTheEnginesViolations() {
        return READINGS.stream().map(key -> DynamicTest.dynamicTest(key, () -> {
            String[] parts = key.split("/");
            Claim claim = Claims.byId(parts[0]);
            Reading r = claim.reading(parts[1]);
            int decided = 0;
            for (long i = 0; i < cases(key); i++) {
                Search.Case c = Search.draw(claim, Search.caseSeed(7, claim.id(), i), i);
                Verdict v = Search.check(r, c.context(), c.witness());
                if (v == null || c.generated().instance() == null) {
                    continue;
                }
                decided++;
                boolean engine = v.applicable() && !v.holds();
                Finding f = new Finding(claim.id(), r.name(), c.generated().instance(), c.witness(), v,
                        c.generated().family(), 7, i, 0, 0, 0);
                ObjectNode file = CounterexampleFile.toTree(f);
                Checker.Result res = Checker.check(file, null);
                assertEquals(engine, res.accepted(), key + " case " + i + " (engine: " + (engine ? "violated"
                        : v.applicable() ? "holds" : "not applicable") + "): " + res.message());
            }
            assertTrue(decided > cases(key) / 2, key + ": too few cases decided (" + decided + ")");
        }));
    }
}
