package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Euclid's algorithm on long integers, many steps at a time (Lehmer 1938; Knuth, TAOCP vol. 2, 4.5.2, Algorithm L).
 * The JDK's {@code BigInteger.gcd} finishes with a binary gcd, quadratic in bits with a large constant: about 0.1 s
 * at 66,000 bits and 0.3-0.4 s at 130,000 bits on this machine, the sizes of `compute`'s solutions from n = 8 on.
 *
 * <p>One step takes the leading 60 bits u, v of a &gt;= b (both shifted by the same amount) and runs Euclid on them
 * with the cofactors (A B; C D), starting from the identity, for as long as the quotients of (u + A)/(v + C) and
 * (u + B)/(v + D) agree: the true quotient of the current pair of remainders then lies between them, so it is that
 * quotient (Knuth's condition). The 2x2 matrix is applied to (a, b) once: a' = A a + B b, b' = C a + D b. Every
 * elementary step has determinant -1, so the matrix is unimodular and gcd(a', b') = gcd(a, b) whatever the
 * quotients; Knuth's condition adds that (a', b') is a pair of consecutive remainders of Euclid's sequence. When no
 * quotient is agreed, one full division step is taken. Cofactors stay at most u &lt; 2^60 in absolute value, so
 * nothing overflows a long; {@link #gcd} stops them below 2^29, so that it can apply the matrix in place.
 */
public final class Lehmer {
    /** Below this many bits the JDK's gcd is as fast. */
    static final int THRESHOLD_BITS = 2048;
    private static final int LEAD_BITS = 60;
    /** Cofactors of in-place steps stay below this: a cofactor times a limb, twice, plus a carry fits in a long. */
    private static final long LIMB_COFACTOR = 1L << 29;

    private Lehmer() {
    }

    /**
     * gcd(a, b) &gt;= 0 (gcd(0, 0) = 0). The pair lives in two little-endian arrays of 32-bit limbs and each matrix
     * step rewrites them in place, allocating nothing; only the rare full division step makes new numbers.
     */
    public static BigInteger gcd(BigInteger a, BigInteger b) {
        if (a.bitLength() < 63 && b.bitLength() < 63) { // both fit a long, neither is Long.MIN_VALUE
            return BigInteger.valueOf(Rational.gcd(Math.abs(a.longValue()), Math.abs(b.longValue())));
        }
        if (a.bitLength() < THRESHOLD_BITS || b.bitLength() < THRESHOLD_BITS) {
            return a.gcd(b); // after at most one division step the JDK's gcd works on short numbers
        }
        a = a.abs();
        b = b.abs();
        if (a.compareTo(b) < 0) {
            BigInteger t = a;
            a = b;
            b = t;
        }
        int capacity = (a.bitLength() + 31) / 32;
        Limbs x = new Limbs(a, capacity);
        Limbs y = new Limbs(b, capacity);
        while (y.bitLength() >= THRESHOLD_BITS) {
            int shift = x.bitLength() - LEAD_BITS;
            long[] m = matrix(x.bits(shift), y.bits(shift), LIMB_COFACTOR);
            if (m == null) {
                BigInteger r = x.value().mod(y.value());
                x = y;
                y = new Limbs(r, capacity);
            } else if (!Limbs.combine(m, x, y)) {
                throw new IllegalStateException("Lehmer.gcd: a matrix step left the pair negative or out of order,"
                        + " against Knuth's condition");
            }
        }
        return x.value().gcd(y.value());
    }

    /** A non-negative integer as little-endian 32-bit limbs, mag[0..len) in use (mag[len - 1] != 0 unless len = 0). */
    private static final class Limbs {
        private static final long MASK = 0xFFFFFFFFL;
        private final int[] mag;
        private int len;

        Limbs(BigInteger v, int capacity) {
            mag = new int[capacity];
            byte[] be = v.toByteArray(); // big-endian, with a sign byte when the top bit is set
            for (int k = 0; k < be.length; k++) {
                int byteIndex = be.length - 1 - k; // k-th byte from the little end
                if (k / 4 < capacity) {
                    mag[k / 4] |= (be[byteIndex] & 0xFF) << (8 * (k % 4));
                }
            }
            len = capacity;
            trim();
        }

        private void trim() {
            while (len > 0 && mag[len - 1] == 0) {
                len--;
            }
        }

        int bitLength() {
            return len == 0 ? 0 : 32 * (len - 1) + 32 - Integer.numberOfLeadingZeros(mag[len - 1]);
        }

        /** floor(this / 2^shift) mod 2^64 for shift &gt;= 0: the 60 leading bits when shift = bitLength - 60. */
        long bits(int shift) {
            int w = shift >>> 5;
            int r = shift & 31;
            long lo = limb(w);
            long mid = limb(w + 1);
            if (r == 0) {
                return lo | mid << 32;
            }
            return lo >>> r | mid << (32 - r) | limb(w + 2) << (64 - r);
        }

        private long limb(int i) {
            return i < len ? mag[i] & MASK : 0;
        }

        BigInteger value() {
            byte[] be = new byte[4 * len + 1]; // a leading zero byte keeps it non-negative
            for (int i = 0; i < len; i++) {
                int v = mag[i];
                int at = be.length - 1 - 4 * i;
                be[at] = (byte) v;
                be[at - 1] = (byte) (v >>> 8);
                be[at - 2] = (byte) (v >>> 16);
                be[at - 3] = (byte) (v >>> 24);
            }
            return new BigInteger(be);
        }

        /**
         * (x, y) &lt;- (A x + B y, C x + D y) in place, limb by limb from the little end; |A|, |B|, |C|, |D| &lt;
         * 2^29, so each partial sum is below 2^62 + 2^31 in absolute value. False when a result is negative or does
         * not fit (a carry out of the top), or they are not in order x &gt; y: Knuth's condition excludes all three. On
         * false the pair is left overwritten.
         */
        static boolean combine(long[] m, Limbs x, Limbs y) {
            int n = Math.max(x.len, y.len);
            long carryX = 0;
            long carryY = 0;
            for (int i = 0; i < n; i++) {
                long xi = x.limb(i);
                long yi = y.limb(i);
                long tx = m[0] * xi + m[1] * yi + carryX;
                long ty = m[2] * xi + m[3] * yi + carryY;
                x.mag[i] = (int) tx;
                y.mag[i] = (int) ty;
                carryX = tx >> 32;
                carryY = ty >> 32;
            }
            x.len = n;
            y.len = n;
            x.trim();
            y.trim();
            return carryX == 0 && carryY == 0 && compare(x, y) > 0;
        }

        private static int compare(Limbs x, Limbs y) {
            if (x.len != y.len) {
                return Integer.compare(x.len, y.len);
            }
            for (int i = x.len - 1; i >= 0; i--) {
                if (x.mag[i] != y.mag[i]) {
                    return Long.compare(x.mag[i] & MASK, y.mag[i] & MASK);
                }
            }
            return 0;
        }
    }

    /**
     * Euclid's sequence from (r0, r1), r0 &gt; r1 &gt;= 0, with cofactors (t0, t1) carried along (t_{k+1} = t_{k-1} -
     * q_k t_k), up to the first remainder at most {@code bound} &gt;= 0: returns {r_k, r_{k+1}, t_k, t_{k+1}} with
     * r_k &gt; bound &gt;= r_{k+1}, or the input itself when r1 &lt;= bound already. Matrix steps are taken only while
     * r1 has 64 bits more than the bound: a step lands on remainders r_k &gt;= r0 / 2^61 (the inverse matrix has
     * entries below 2^60, by Knuth's invariant that v + C and v + D stay positive), and every remainder it skips is
     * larger still, so all of them exceed the bound and the first remainder at most the bound is never skipped.
     */
    public static BigInteger[] remaindersDownTo(BigInteger r0, BigInteger r1, BigInteger t0, BigInteger t1,
            BigInteger bound) {
        if (r0.compareTo(r1) <= 0 || r1.signum() < 0 || bound.signum() < 0) {
            throw new IllegalArgumentException("Lehmer.remaindersDownTo: needs r0 > r1 >= 0 and bound >= 0, got "
                    + r0.bitLength() + " and " + r1.bitLength() + " bits, bound " + bound.signum());
        }
        int fast = bound.bitLength() + 64;
        while (r1.compareTo(bound) > 0) {
            long[] m = r1.bitLength() > fast && r1.bitLength() >= THRESHOLD_BITS ? matrix(r0, r1) : null;
            if (m == null) {
                BigInteger[] qr = r0.divideAndRemainder(r1);
                BigInteger t2 = t0.subtract(qr[0].multiply(t1));
                r0 = r1;
                r1 = qr[1];
                t0 = t1;
                t1 = t2;
            } else {
                BigInteger nr0 = combine(m[0], r0, m[1], r1);
                BigInteger nr1 = combine(m[2], r0, m[3], r1);
                BigInteger nt0 = combine(m[0], t0, m[1], t1);
                BigInteger nt1 = combine(m[2], t0, m[3], t1);
                r0 = nr0;
                r1 = nr1;
                t0 = nt0;
                t1 = nt1;
            }
        }
        return new BigInteger[] {r0, r1, t0, t1};
    }

    /** {A, B, C, D} from the leading bits of a &gt;= b &gt; 0, or null when not even one quotient is certain. */
    static long[] matrix(BigInteger a, BigInteger b) {
        int shift = a.bitLength() - LEAD_BITS;
        return matrix(a.shiftRight(shift).longValue(), b.shiftRight(shift).longValue(), Long.MAX_VALUE);
    }

    /** The same from the leading bits u &gt;= v themselves, stopping before a cofactor reaches {@code cap}. */
    private static long[] matrix(long u, long v, long cap) {
        long ca = 1;
        long cb = 0;
        long cc = 0;
        long cd = 1;
        boolean moved = false;
        while (v + cc != 0 && v + cd != 0) {
            long q = (u + ca) / (v + cc);
            if (q != (u + cb) / (v + cd)) {
                break;
            }
            long nc = ca - q * cc;
            long nd = cb - q * cd;
            if (Math.abs(nc) >= cap || Math.abs(nd) >= cap) {
                break; // stopping early is always sound: the pair so far is one of consecutive remainders
            }
            ca = cc;
            cc = nc;
            cb = cd;
            cd = nd;
            long t = u - q * v;
            u = v;
            v = t;
            moved = true;
        }
        return moved && cb != 0 ? new long[] {ca, cb, cc, cd} : null;
    }

    /** x a + y b, exactly. */
    private static BigInteger combine(long x, BigInteger a, long y, BigInteger b) {
        return a.multiply(BigInteger.valueOf(x)).add(b.multiply(BigInteger.valueOf(y)));
    }
}
