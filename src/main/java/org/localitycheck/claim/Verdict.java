package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * The outcome of one reading on one case: LHS &lt;= RHS decided exactly. {@code where} names the worst
 * place (an entry, a pair of states, a time). A verdict with {@code applicable == false} means the case lies
 * outside the reading's hypotheses and counts for nothing.
 */
public record Verdict(boolean applicable, boolean holds, Rational lhs, Rational rhs, String where) {

    public static Verdict notApplicable(String why) {
        return new Verdict(false, true, Rational.ZERO, Rational.ZERO, why);
    }

    /** LHS &lt;= RHS. */
    public static Verdict atMost(Rational lhs, Rational rhs, String where) {
        return new Verdict(true, lhs.compareTo(rhs) <= 0, lhs, rhs, where);
    }

    /** LHS == RHS, reported as |LHS - RHS| &lt;= 0 in the ratio sense with the two sides kept. */
    public static Verdict equal(Rational lhs, Rational rhs, String where) {
        return new Verdict(true, lhs.equals(rhs), lhs, rhs, where);
    }

    /** A statement that is true or false with no numeric sides (lhs, rhs are 1/0 flags). */
    public static Verdict fact(boolean holds, String where) {
        return new Verdict(true, holds, holds ? Rational.ZERO : Rational.ONE, Rational.ZERO, where);
    }

    /** slack = RHS - LHS. */
    public Rational slack() {
        return rhs.subtract(lhs);
    }

    /**
     * LHS / RHS, the tightness: 1 at equality, above 1 on a violation. Null unless LHS &gt;= 0 and RHS &gt; 0.
     */
    public Rational ratio() {
        if (rhs.signum() <= 0 || lhs.signum() < 0) {
            return null; // a ratio of sides that can be negative says nothing about tightness
        }
        return lhs.divide(rhs);
    }

    /** The first violation, else the tightest applicable verdict (largest ratio), else not applicable. */
    public static Verdict worst(List<Verdict> vs) {
        Verdict best = null;
        for (Verdict v : vs) {
            if (!v.applicable()) {
                continue;
            }
            if (!v.holds()) {
                return v;
            }
            if (best == null || tighter(v, best)) {
                best = v;
            }
        }
        return best == null ? notApplicable("no applicable sub-check") : best;
    }

    private static boolean tighter(Verdict a, Verdict b) {
        Rational ra = a.ratio();
        Rational rb = b.ratio();
        if (ra == null) {
            return rb == null ? a.slack().compareTo(b.slack()) < 0 : false;
        }
        return rb == null || ra.compareTo(rb) > 0;
    }
}
