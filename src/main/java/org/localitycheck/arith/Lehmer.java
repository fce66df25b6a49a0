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
 * quotient (Knuth's condition). The 2x2 matrix is applied to (a, b) once: a' = A a + B b, b' = C a + D b. Every elementary step has
 * determinant -1, so the matrix is unimodular and gcd(a', b') = gcd(a, b) whatever the quotients; Knuth's condition
 * adds that (a', b') is a pair of consecutive remainders of Euclid's sequence. When no quotient is agreed, one full
 * division step is taken. Cofactors stay at most u &lt; 2^60 in absolute value, so nothing overflows a long.
 */
public final class Lehmer {
    /** Below this many bits the JDK's gcd is as fast. */
    static final int THRESHOLD_BITS = 2048;
    private static final int LEAD_BITS = 60;

    private Lehmer() {
    }

    /** gcd(a, b) &gt;= 0 (gcd(0, 0) = 0). */
    public static BigInteger gcd(BigInteger a, BigInteger b) {
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
        while (b.bitLength() >= THRESHOLD_BITS) {
            long[] m = matrix(a, b);
            if (m == null) {
                BigInteger r = a.mod(b);
                a = b;
                b = r;
            } else {
                BigInteger a1 = combine(m[0], a, m[1], b);
                BigInteger b1 = combine(m[2], a, m[3], b);
                if (b1.signum() < 0 || a1.compareTo(b1) <= 0) {
                    throw new IllegalStateException("Lehmer.gcd: a matrix step left " + a1.bitLength() + " and "
                            + b1.bitLength() + " bits out of order, against Knuth's condition");
                }
                a = a1;
                b = b1;
            }
        }
        return a.gcd(b);
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
        long u = a.shiftRight(shift).longValue();
        long v = b.shiftRight(shift).longValue();
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
            long t = ca - q * cc;
            ca = cc;
            cc = t;
            t = cb - q * cd;
            cb = cd;
            cd = t;
            t = u - q * v;
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
