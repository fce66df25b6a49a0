package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * The outcome of one reading on one case: LHS &lt;= RHS decided exactly. {@code where} names the worst
 * place (an entry, a pair of states, a time). A verdict with {@code applicable == false} means the case lies
 * outside the reading's hypotheses and counts for nothing. {@code sided}: LHS and RHS are two quantities compared, so
 * a case with both 0 shows only that the left side vanishes where the right one does ({@link #trivial}); false for
 * facts and for "this quantity is 0" checks, where 0 is the point.
 */
public record Verdict(boolean applicable, boolean holds, Rational lhs, Rational rhs, String where, boolean sided) {

    /** A comparison of two sides. */
    public Verdict(boolean applicable, boolean holds, Rational lhs, Rational rhs, String where) {
        this(applicable, holds, lhs, rhs, where, true);
    }

    public static Verdict notApplicable(String why) {
        return new Verdict(false, true, Rational.ZERO, Rational.ZERO, why, false);
    }

    /** The quantity x is at most 0 (the statement is that it vanishes): x = 0 is the point, not a trivial case. */
    public static Verdict atMostZero(Rational x, String where) {
        return new Verdict(true, x.signum() <= 0, x, Rational.ZERO, where, false);
    }

    /** The quantity x is exactly 0. */
    public static Verdict equalZero(Rational x, String where) {
        return new Verdict(true, x.signum() == 0, x, Rational.ZERO, where, false);
    }

    /**
     * An applicable comparison that holds with both sides 0 (0 &lt;= 0): it shows only that the left side vanishes where
     * the right one does, as it must wherever the instance leaves both nothing to measure (an agent with one state).
     */
    public boolean trivial() {
        return applicable && holds && sided && lhs.signum() == 0 && rhs.signum() == 0;
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
        return new Verdict(true, holds, holds ? Rational.ZERO : Rational.ONE, Rational.ZERO, where, false);
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
