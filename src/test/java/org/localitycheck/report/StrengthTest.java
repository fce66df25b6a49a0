package org.localitycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Verdict;
import org.localitycheck.search.ReadingStats;

/** Exhaustive evidence is credited only where a case was not 0 &lt;= 0 (the bandit scopes lent it to readings they could not test). */
class StrengthTest {
    @Test
    void zeroAgainstZeroCountsApartAndAScopeOfOnlySuchCasesIsNotNamed() {
        assertTrue(Verdict.atMost(Rational.ZERO, Rational.ZERO, "").trivial());
        assertFalse(Verdict.atMost(Rational.ZERO, Rational.HALF, "").trivial());
        assertFalse(Verdict.atMostZero(Rational.ZERO, "").trivial(), "'this quantity is 0' is the point, not trivial");
        assertFalse(Verdict.fact(true, "").trivial(), "a fact has no sides");
        assertFalse(new Verdict(true, false, Rational.ZERO, Rational.ZERO, "").trivial(), "a failed 0 < 0 is a violation");

        ReadingStats s = new ReadingStats();
        s.add(Verdict.atMost(Rational.ZERO, Rational.ZERO, ""), 1, 0, false, 1);
        s.add(Verdict.atMost(Rational.ZERO, Rational.ZERO, ""), 2, 1, false, 2);
        s.add(Verdict.atMost(Rational.HALF, Rational.ONE, ""), 3, 2, false, 2);
        assertEquals(3, s.checked());
        assertEquals(2, s.trivial());
        assertEquals(1, s.distinctNontrivial());

        ObjectNode res = new ObjectMapper().createObjectNode();
        ArrayNode ex = res.putArray("exhaustive");
        ex.addObject().put("scope", "vacuous").put("instances", 300).put("checked", 1200).put("trivial", 1200)
                .put("instancesNontrivial", 0);
        ex.addObject().put("scope", "mixed").put("instances", 10).put("checked", 40).put("trivial", 15)
                .put("instancesNontrivial", 7);
        assertEquals("; exhaustive in scope mixed x its witness grid (7 instances, 40 cases, 15 of them 0 <= 0)", Strength.exhaustive(res));
    }
}
