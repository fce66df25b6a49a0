package org.localitycheck.quantity;

import java.math.BigInteger;
import org.localitycheck.arith.FloatInterval;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/** Normalised total variation TV(mu, nu) = (1/2) sum_x |mu(x) - nu(x)| (App. B): the one place it is summed. */
public final class TotalVariation {
    private TotalVariation() {
    }

    public static Rational of(Rational[] p, Rational[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("TotalVariation.of: supports of size " + p.length + " and " + q.length
                    + " differ");
        }
        if (p.length == 2) {
            return p[0].subtract(q[0]).abs(); // both sum to 1: (|d| + |-d|)/2 = |d|
        }
        Rational s = Rational.ZERO;
        for (int x = 0; x < p.length; x++) {
            s = s.add(p[x].subtract(q[x]).abs());
        }
        return s.multiply(Rational.HALF);
    }

    /** An enclosure of TV(p, q) for rows known by enclosures. */
    public static RationalInterval of(RationalInterval[] p, RationalInterval[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("TotalVariation.of: supports of size " + p.length + " and " + q.length
                    + " differ");
        }
        RationalInterval s = RationalInterval.point(Rational.ZERO);
        for (int x = 0; x < p.length; x++) {
            s = s.add(p[x].subtract(q[x]).abs());
        }
        return s.multiply(Rational.HALF);
    }

    /**
     * An enclosure of TV(p, q) with double ends, for rows enclosed by {@link FloatInterval}s; exactly 0 when p and q
     * are the same array (one row enclosed once: the same measure twice).
     */
    public static FloatInterval of(FloatInterval[] p, FloatInterval[] q) {
        if (p == q) {
            return FloatInterval.ZERO;
        }
        if (p.length != q.length) {
            throw new IllegalArgumentException("TotalVariation.of: supports of size " + p.length + " and " + q.length
                    + " differ");
        }
        FloatInterval s = FloatInterval.ZERO;
        for (int x = 0; x < p.length; x++) {
            s = s.add(p[x].subtract(q[x]).abs());
        }
        return s.half();
    }

    /**
     * 2 du dv TV for two rows given as integer numerators over their denominators, u / du and v / dv:
     * sum_x |u_x dv - v_x du|. No gcd is taken: callers compare such fractions and reduce the largest once.
     */
    public static BigInteger doubledNumerator(BigInteger[] u, BigInteger du, BigInteger[] v, BigInteger dv) {
        if (u.length != v.length) {
            throw new IllegalArgumentException("TotalVariation.doubledNumerator: supports of size " + u.length + " and "
                    + v.length + " differ");
        }
        BigInteger s = BigInteger.ZERO;
        for (int x = 0; x < u.length; x++) {
            s = s.add(u[x].multiply(dv).subtract(v[x].multiply(du)).abs());
        }
        return s;
    }

    /**
     * 2 den TV for two rows given as integer numerators over one denominator den:
     * sum_x |u_x - v_x|. Callers keep the maximum and divide once.
     */
    public static long doubledNumerator(long[] u, long[] v) {
        long s = 0;
        for (int x = 0; x < u.length; x++) {
            s += Math.abs(u[x] - v[x]);
        }
        return s;
    }
}
