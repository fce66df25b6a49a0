package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Rigorous enclosures of exp(x) for rational x, with rational endpoints.
 *
 * <p>Proof. Write x = y 2^k with |y| &lt;= 1/2. For |y| &lt;= 1/2 the Taylor polynomial S_N(y) = sum_{i&lt;N} y^i/i!
 * has remainder |exp(y) - S_N(y)| &lt;= |y|^N/N! e^{|y|} &lt; 2 |y|^N/N! (Lagrange form, e^{1/2} &lt; 2), so
 * exp(y) lies in [S_N - R, S_N + R] with R = 2|y|^N/N!, an interval of positive numbers once R &lt; S_N. Then
 * exp(x) = exp(y)^(2^k): squaring an interval of positive numbers is monotone, so squaring both endpoints k
 * times encloses it. After each step the endpoints are rounded outward to multiples of 2^-bits (lower down,
 * upper up), which only widens the enclosure. No floating point is involved.
 */
public final class Exp {
    private Exp() {
    }

    /** An enclosure of exp(x) whose relative width is about 2^-(bits - 2 - log2|x|) or better. */
    public static RationalInterval exp(Rational x, int bits) {
        if (x.isZero()) {
            return RationalInterval.point(Rational.ONE);
        }
        int k = 0;
        Rational y = x;
        while (y.abs().compareTo(Rational.HALF) > 0) {
            y = y.multiply(Rational.HALF);
            k++;
        }
        int work = bits + 2 * k + 16; // guard bits for the k squarings
        Rational term = Rational.ONE;
        Rational sum = Rational.ONE;
        Rational bound = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(work + 2));
        int i = 1;
        Rational r;
        while (true) {
            term = term.multiply(y).divide(Rational.of(i));
            r = term.abs().multiply(Rational.TWO); // 2 |y|^i / i!, the remainder bound after i terms
            if (r.compareTo(bound) <= 0) {
                break;
            }
            sum = sum.add(term);
            i++;
        }
        RationalInterval e = RationalInterval.of(sum.subtract(r), sum.add(r)).roundOutward(work);
        for (int q = 0; q < k; q++) {
            e = RationalInterval.of(e.lower().multiply(e.lower()), e.upper().multiply(e.upper())).roundOutward(work);
        }
        return e;
    }
}
