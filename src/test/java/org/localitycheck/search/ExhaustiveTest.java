package org.localitycheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;

class ExhaustiveTest {
    /**
     * bandit2 has 2025 instances (pi_0(1), pi_1(1) in 5 values, r(a) in 3 values at 4 joint actions) and 8 symmetries
     * (swap the agents or not, flip each agent's actions or not). Burnside, fixed points per element: identity 2025;
     * flip agent 0 only: pi_0 = 1/2, r(0,a_1) = r(1,a_1): 5 * 9 = 45; flip agent 1 only: 45; flip both: pi = (1/2, 1/2),
     * r(00) = r(11), r(01) = r(10): 9; swap: pi_0 = pi_1, r(01) = r(10): 5 * 27 = 135; swap and flip one agent: pi =
     * (1/2, 1/2), the four joint actions form one cycle: 3, twice; swap and flip both: pi_1 = 1 - pi_0, r(00) = r(11):
     * 5 * 27 = 135. Orbits: (2025 + 45 + 45 + 9 + 135 + 3 + 3 + 135)/8 = 300.
     */
    @Test
    void bandit2HasThreeHundredInstancesUpToSymmetry() {
        Scope s = Scopes.byName("bandit2");
        assertEquals(2025, s.size());
        assertEquals(8, s.symmetries());
        long reps = 0;
        for (long c = 0; c < s.size(); c++) {
            reps += s.representative(c) ? 1 : 0;
        }
        assertEquals(300, reps);
    }

    /** An order-dependent reading (a cyclic pass over agents 1..n) is not reduced by agent permutations. */
    @Test
    void readingsThatNumberTheAgentsRunOnlyOnOneAgentScopes() {
        Claim c = Claims.byId("cor15");
        assertTrue(c.agentOrderMatters());
        assertTrue(!Exhaustive.covers(c, c.reading("literal"), Scopes.byName("bandit3")));
        assertTrue(Exhaustive.covers(c, c.reading("literal"), Scopes.byName("chain1")));
    }

    /**
     * The scope sees violations where they exist: a chain1 agent that keeps its state (P(1|s,a) = s) has H = 1, which
     * violates discounted/strictly-tighter; every representative is checked at every witness of the grid.
     */
    @Test
    void anExhaustiveRunCountsTheViolationsOfARefutedReading() {
        Claim c = Claims.byId("discounted");
        Reading r = c.reading("strictly-tighter");
        Exhaustive.Outcome o = Exhaustive.run(Scopes.byName("chain1"), Map.of(c, List.of(r)), 0, 1, null, () -> false);
        ReadingStats s = o.stats().get("discounted/strictly-tighter");
        // Burnside over the 4 relabellings of chain1 (11664 instances: 4 kernel entries and 2 policy entries in {0, 1/2,
        // 1}, 4 rewards in {0, 1}): identity 11664; relabel the states (kernel rows swap and complement, so P(1|0,a) =
        // 1 - P(1|1,a), 3 ways per a; the policy rows swap, 3; rewards swap, 4): 9 * 3 * 4 = 108; relabel the actions
        // (kernel columns swap: 9; policy entries 1/2: 1; rewards r(s,0) = r(s,1): 4): 9 * 1 * 4 = 36; both: as the
        // states alone, 108. Orbits: (11664 + 108 + 36 + 108)/4 = 2979.
        assertEquals(2979, o.instances());
        assertEquals(o.instances(), s.distinct());
        assertTrue(s.violations() > 0, "no chain1 instance with rho(H) >= 1 was seen");
    }
}
