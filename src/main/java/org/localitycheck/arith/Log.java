package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Rigorous enclosures of log(x) for rational x &gt; 0, with rational endpoints.
 *
 * <p>Proof. With x = 2^k y and y in [1/2, 2), log x = k log 2 + log y, and for y &gt; 0,
 * log y = 2 atanh(z) = 2 sum_{j&gt;=0} z^{2j+1}/(2j+1) with z = (y-1)/(y+1), |z| &lt;= 1/3. The tail after J terms is
 * at most 2 |z|^{2J+1} / ((2J+1)(1 - z^2)) &lt;= (9/4) |z|^{2J+1}. log 2 is the same series at z = 1/3. Sums of
 * enclosures are enclosures; endpoints are rounded outward.
 */
public final class Log {
    private Log() {
    }

    public static RationalInterval log(Rational x, int bits) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("Log.log: " + x + " is not positive");
        }
        if (x.equals(Rational.ONE)) {
            return RationalInterval.point(Rational.ZERO);
        }
        int k = 0;
        Rational y = x;
        while (y.compareTo(Rational.TWO) >= 0) {
            y = y.multiply(Rational.HALF);
            k++;
        }
        while (y.compareTo(Rational.HALF) < 0) {
            y = y.multiply(Rational.TWO);
            k--;
        }
        int work = bits + 8 + 32 - Integer.numberOfLeadingZeros(Math.abs(k) + 1);
        RationalInterval ly = atanhSeries(y.subtract(Rational.ONE).divide(y.add(Rational.ONE)), work);
        if (k == 0) {
            return ly.roundOutward(work);
        }
        RationalInterval l2 = atanhSeries(Rational.parse("1/3"), work);
        return ly.add(l2.multiply(Rational.of(k))).roundOutward(work);
    }

    /** 2 atanh(z) for |z| &lt;= 1/3, enclosed. */
    private static RationalInterval atanhSeries(Rational z, int bits) {
        Rational bound = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(bits + 2));
        Rational z2 = z.multiply(z);
        Rational power = z;
        Rational sum = Rational.ZERO;
        for (int j = 0; ; j++) {
            Rational term = power.divide(Rational.of(2L * j + 1));
            Rational tail = power.abs().multiply(Rational.parse("9/4")).divide(Rational.of(2L * j + 1));
            if (tail.compareTo(bound) <= 0) {
                Rational s2 = sum.multiply(Rational.TWO);
                return RationalInterval.of(s2.subtract(tail), s2.add(tail)).roundOutward(bits);
            }
            sum = sum.add(term);
            power = power.multiply(z2);
        }
    }
}
