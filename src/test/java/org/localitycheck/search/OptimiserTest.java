package org.localitycheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.store.CounterexampleFile;

class OptimiserTest {
    /**
     * The optimiser reaches a violation of c-governs/literal from scratch (start 10 under seed 1, the first in
     * 'hunt --optimise 24 --seed 1'), and the finding is re-derived byte for byte from its recorded generator, seed and
     * start alone.
     */
    @Test
    void findsCGovernsAndReproducesTheFinding() {
        Claim c = Claims.byId("c-governs");
        Reading r = c.reading("literal");
        Optimiser.Summary s = Optimiser.hunt(c, r, 1, 12, () -> false);
        assertTrue(s.firstViolation() >= 0, "no violation in 12 starts");
        Finding again = Search.reproduce(c, r, Optimiser.GENERATOR, 1, s.firstViolation(), 0, 0);
        assertEquals(CanonicalJson.compact(CounterexampleFile.toTree(s.finding())), CanonicalJson.compact(CounterexampleFile.toTree(again)));
        assertTrue(!again.verdict().holds());
    }

    /** Every point the optimiser proposes is decided exactly: on a reading that holds, no start violates it. */
    @Test
    void proposesButNeverDecides() {
        Claim c = Claims.byId("lemma2");
        Optimiser.Summary s = Optimiser.hunt(c, c.reading("literal"), 1, 6, () -> false);
        assertEquals(-1, s.firstViolation());
        assertTrue(s.best() <= 0, "LHS - RHS above 0 on a reading that holds: " + s.best());
    }
}
