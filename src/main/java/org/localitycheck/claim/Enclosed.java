package org.localitycheck.claim;

import java.util.function.IntFunction;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * Verdicts on quantities known only by enclosures: a comparison is decided when the enclosure lies on one side;
 * otherwise the precision is doubled, up to {@link #MAX_BITS}, and then the case is undecided (an
 * ArithmeticException, which the search counts as undecided with the widths in its message).
 */
final class Enclosed {
    static final int START_BITS = 64;
    static final int MAX_BITS = 1024;

    private Enclosed() {
    }

    /** x &lt;= rhs (strict: x &lt; rhs) for x enclosed by lhs(bits). The verdict carries the decisive endpoint. */
    static Verdict atMost(IntFunction<RationalInterval> lhs, Rational rhs, boolean strict, String where) {
        RationalInterval e = null;
        for (int bits = START_BITS; bits <= MAX_BITS; bits *= 2) {
            e = lhs.apply(bits);
            int up = e.upper().compareTo(rhs);
            int lo = e.lower().compareTo(rhs);
            if (strict ? up < 0 : up <= 0) {
                return new Verdict(true, true, e.upper(), rhs, where);
            }
            if (strict ? lo >= 0 : lo > 0) {
                return new Verdict(true, false, e.lower(), rhs, where);
            }
        }
        throw new ArithmeticException("undecided at " + MAX_BITS + " bits: " + where + " enclosure width " + e.width()
                .doubleValue() + " around " + rhs);
    }

    /**
     * charged &lt;= gain for two enclosed sides (one-block, Cor. 15, LPI), or null when the enclosures at this precision
     * do not decide it. A violation stores canonical ends: the charged side's lower end rounded down and the gain's upper
     * end rounded up to multiples of 2^-(bits-8), so that an independent checker with tighter enclosures finds the
     * same two numbers (counterexamples/README.md).
     */
    static Verdict chargedAtMostGain(RationalInterval charged, RationalInterval gain, int bits, String where) {
        if (charged.upper().compareTo(gain.lower()) <= 0) {
            return Verdict.atMost(charged.upper(), gain.lower(), where);
        }
        Rational lo = charged.roundOutward(bits - 8).lower();
        Rational hi = gain.roundOutward(bits - 8).upper();
        return lo.compareTo(hi) > 0 ? Verdict.atMost(lo, hi, where) : null;
    }

    /** x &gt;= rhs decided (for existential readings asking for a large enough value). */
    static Verdict atLeast(IntFunction<RationalInterval> lhs, Rational rhs, String where) {
        RationalInterval e = null;
        for (int bits = START_BITS; bits <= MAX_BITS; bits *= 2) {
            e = lhs.apply(bits);
            if (e.lower().compareTo(rhs) >= 0) {
                return new Verdict(true, true, rhs, e.lower(), where);
            }
            if (e.upper().compareTo(rhs) < 0) {
                return new Verdict(true, false, rhs, e.upper(), where);
            }
        }
        throw new ArithmeticException("undecided at " + MAX_BITS + " bits: " + where);
    }
}
