package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Rigorous enclosures of log(x) for rational x &gt; 0, with rational (dyadic) endpoints, in fixed-point integer
 * arithmetic.
 *
 * <p>Proof. With x = 2^k y and y in [1/2, 2), log x = k log 2 + log y, and log y = 2 atanh(z) =
 * 2 sum_{j&gt;=0} z^{2j+1}/(2j+1) with z = (y-1)/(y+1), |z| &lt;= 1/3; log 2 is the same series at z = 1/3. atanh is
 * increasing, so with w working bits the integers Z- = floor(z 2^w), Z+ = ceil(z 2^w) give the two ends, each with
 * |Z/2^w| &lt;= 0.34. For such a Z, with Z2 = trunc(Z^2 / 2^w) (within 1 of 2^w z^2), the powers p_0 = Z,
 * p_j = trunc(p_{j-1} Z2 / 2^w) stay within e_j of 2^w z^{2j+1}, where e_0 = 0 and e_j &lt;= 1 + |p_{j-1}|/2^w +
 * z^2 e_{j-1} &lt;= 1.34 + 0.116 e_{j-1}, so e_j &lt; 1.52; each term trunc(p_j / (2j+1)) is within 2.52 of its exact
 * value. The sum stops at the first J with |p_J| &lt;= 1, where the tail sum_{j&gt;=J} 2^w |z|^{2j+1}/(2j+1) &lt;=
 * (9/8)(|p_J| + 1.52) &lt; 3. So 2^w atanh(z) lies within 3J + 3 of the sum, and 2^w log x is enclosed by integers.
 * No floating point is involved.
 */
public final class Log {
    private static final Rational THIRD = Rational.of(1, 3);

    private Log() {
    }

    /** log is increasing: an enclosure of log(x) for every x in an interval of positive numbers. */
    public static RationalInterval log(RationalInterval x, int bits) {
        if (x.isPoint()) {
            return log(x.lower(), bits);
        }
        return RationalInterval.of(log(x.lower(), bits).lower(), log(x.upper(), bits).upper());
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
        int w = bits + 40 + 32 - Integer.numberOfLeadingZeros(Math.abs(k) + 1);
        BigInteger[] ly = twiceAtanh(y.subtract(Rational.ONE).divide(y.add(Rational.ONE)), w);
        BigInteger lo = ly[0];
        BigInteger hi = ly[1];
        if (k != 0) {
            BigInteger[] l2 = twiceAtanh(THIRD, w);
            BigInteger kk = BigInteger.valueOf(k);
            lo = lo.add(kk.multiply(k > 0 ? l2[0] : l2[1]));
            hi = hi.add(kk.multiply(k > 0 ? l2[1] : l2[0]));
        }
        BigInteger scale = BigInteger.ONE.shiftLeft(w);
        return RationalInterval.of(Rational.of(lo, scale), Rational.of(hi, scale));
    }

    /** {lower, upper} integers enclosing 2^w 2 atanh(z) for |z| &lt;= 1/3. */
    private static BigInteger[] twiceAtanh(Rational z, int w) {
        Rational scaled = z.multiply(Rational.of(BigInteger.ONE.shiftLeft(w)));
        return new BigInteger[] {series(scaled.floor(), w)[0], series(scaled.ceil(), w)[1]};
    }

    /** {lower, upper} integers enclosing 2^w 2 atanh(Z / 2^w), for |Z / 2^w| &lt;= 0.34 (see the class comment). */
    private static BigInteger[] series(BigInteger z, int w) {
        BigInteger z2 = z.multiply(z).shiftRight(w); // z^2 >= 0: the shift truncates toward zero
        BigInteger p = z;
        BigInteger sum = BigInteger.ZERO;
        int j = 0;
        while (p.abs().compareTo(BigInteger.ONE) > 0) {
            sum = sum.add(p.divide(BigInteger.valueOf(2L * j + 1)));
            j++;
            BigInteger q = p.multiply(z2);
            p = q.signum() >= 0 ? q.shiftRight(w) : q.negate().shiftRight(w).negate(); // truncation toward zero
        }
        BigInteger err = BigInteger.valueOf(3L * j + 3);
        return new BigInteger[] {sum.subtract(err).shiftLeft(1), sum.add(err).shiftLeft(1)};
    }
}
