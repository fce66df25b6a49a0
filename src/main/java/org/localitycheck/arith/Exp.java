package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Rigorous enclosures of exp(x) for rational x, with rational (dyadic) endpoints, in fixed-point integer arithmetic.
 *
 * <p>Proof. Take k with |x| 2^-k &lt;= 1/2 and w = bits + 2k + 32 working bits, and write y = x 2^-k. The integers
 * Y- = floor(y 2^w) and Y+ = ceil(y 2^w) bracket y 2^w, and exp is increasing, so exp(y) lies between exp(Y-/2^w) and
 * exp(Y+/2^w); each of these has |Y/2^w| &lt;= 1/2 + 2^-w &lt;= 0.51. For such a Y the terms t_i = 2^w (Y/2^w)^i / i! are
 * followed by T_0 = 2^w, T_i = trunc(T_{i-1} Y / (i 2^w)) (truncation toward zero). With E_i = |T_i - t_i|: E_0 = 0
 * and E_i &lt;= (0.51/i) E_{i-1} + 1, so E_i &lt; 2 for every i. The sum stops at the first i &gt;= 1 with |T_i| &lt;= 1;
 * then |t_i| &lt;= 3, the tail sum_{j&gt;=i} |t_j| &lt;= 2 |t_i| &lt;= 6 (ratios at most 0.51/2), and the terms summed carry
 * at most 2i of error: 2^w exp(Y/2^w) lies within 2i + 6 of S = T_0 + ... + T_{i-1}. Finally exp(x) = exp(y)^(2^k):
 * squaring an interval of positive numbers is monotone, done on the integers as L &lt;- floor(L^2 / 2^w),
 * H &lt;- ceil(H^2 / 2^w), which only widens it. The result is [L/2^w, H/2^w]. No floating point is involved.
 */
public final class Exp {
    private Exp() {
    }

    /** An enclosure of exp(x) whose relative width is about 2^-(bits + k) with 2^k ~ 2|x|, or better. */
    public static RationalInterval exp(Rational x, int bits) {
        if (x.isZero()) {
            return RationalInterval.point(Rational.ONE);
        }
        if (x.signum() < 0) {
            // the fixed-point sum has absolute error 2^-w, which is no relative precision at all once exp(x) < 2^-w:
            // exp(x) = 1 / exp(-x) keeps the relative width of the positive case
            return exp(x.negate(), bits).reciprocal();
        }
        int k = 0;
        Rational y = x;
        while (y.abs().compareTo(Rational.HALF) > 0) {
            y = y.multiply(Rational.HALF);
            k++;
        }
        int w = bits + 2 * k + 32;
        BigInteger scale = BigInteger.ONE.shiftLeft(w);
        Rational scaled = y.multiply(Rational.of(scale));
        BigInteger lo = series(scaled.floor(), w)[0];
        BigInteger hi = series(scaled.ceil(), w)[1];
        for (int q = 0; q < k; q++) {
            lo = lo.multiply(lo).shiftRight(w); // floor for positive numbers
            hi = hi.multiply(hi).add(scale.subtract(BigInteger.ONE)).shiftRight(w); // ceil
        }
        return RationalInterval.of(Rational.of(lo, scale), Rational.of(hi, scale));
    }

    /** {lower, upper} integers enclosing 2^w exp(Y / 2^w), for |Y| &lt;= 2^(w-1) + 1 (see the class comment). */
    private static BigInteger[] series(BigInteger y, int w) {
        BigInteger t = BigInteger.ONE.shiftLeft(w);
        BigInteger sum = BigInteger.ZERO;
        int i = 0;
        while (i == 0 || t.abs().compareTo(BigInteger.ONE) > 0) {
            sum = sum.add(t);
            i++;
            t = t.multiply(y).divide(BigInteger.valueOf(i).shiftLeft(w)); // BigInteger.divide truncates toward zero
        }
        BigInteger err = BigInteger.valueOf(2L * i + 6);
        return new BigInteger[] {sum.subtract(err), sum.add(err)};
    }

    /** exp is increasing: an enclosure of exp(x) for every x in the interval, from its two ends. */
    public static RationalInterval exp(RationalInterval x, int bits) {
        if (x.isPoint()) {
            return exp(x.lower(), bits);
        }
        return RationalInterval.of(exp(x.lower(), bits).lower(), exp(x.upper(), bits).upper());
    }
}
