package org.localitycheck.claim;

import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * Verdicts on quantities known only by enclosures: a comparison is decided when the enclosure lies on one side;
 * otherwise the precision is doubled ({@link #escalate}, the one loop every enclosure-decided check uses), up to
 * {@link #MAX_BITS}, and then the case is undecided (an ArithmeticException, which the search counts as undecided
 * with the widths in its message).
 */
final class Enclosed {
    static final int START_BITS = 64;
    /** The cap of every enclosure-decided check. */
    static final int MAX_BITS = 1024;
    /**
     * The cap of the checks that run a whole policy-improvement pass per precision (one-block, Cor. 15, LPI): each
     * attempt solves interval chains, and past 512 bits one attempt takes seconds.
     */
    static final int PASS_MAX_BITS = 512;

    private Enclosed() {
    }

    /**
     * attempt(bits) for bits = {@link #START_BITS}, twice that, ... up to {@code cap}: the first non-null answer is
     * the result (null means the enclosures at that precision do not decide). Past the cap: an ArithmeticException
     * with the message {@code undecided} gives, which the search counts as undecided.
     */
    static <T> T escalate(int cap, Supplier<String> undecided, IntFunction<T> attempt) {
        for (int bits = START_BITS; bits <= cap; bits *= 2) {
            T answer = attempt.apply(bits);
            if (answer != null) {
                return answer;
            }
        }
        throw new ArithmeticException(undecided.get());
    }

    /** x &lt;= rhs (strict: x &lt; rhs) for x enclosed by lhs(bits). The verdict carries the decisive endpoint. */
    static Verdict atMost(IntFunction<RationalInterval> lhs, Rational rhs, boolean strict, String where) {
        RationalInterval[] last = new RationalInterval[1];
        return escalate(MAX_BITS, () -> "undecided at " + MAX_BITS + " bits: " + where + " enclosure width "
                + last[0].width().doubleValue() + " around " + rhs, bits -> {
                    RationalInterval e = lhs.apply(bits);
                    last[0] = e;
                    int up = e.upper().compareTo(rhs);
                    int lo = e.lower().compareTo(rhs);
                    if (strict ? up < 0 : up <= 0) {
                        return new Verdict(true, true, e.upper(), rhs, where);
                    }
                    return (strict ? lo >= 0 : lo > 0) ? new Verdict(true, false, e.lower(), rhs, where) : null;
                });
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
        return escalate(MAX_BITS, () -> "undecided at " + MAX_BITS + " bits: " + where, bits -> {
            RationalInterval e = lhs.apply(bits);
            if (e.lower().compareTo(rhs) >= 0) {
                return new Verdict(true, true, rhs, e.lower(), where);
            }
            return e.upper().compareTo(rhs) < 0 ? new Verdict(true, false, rhs, e.upper(), where) : null;
        });
    }
}
