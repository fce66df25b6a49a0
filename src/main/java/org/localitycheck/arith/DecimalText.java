package org.localitycheck.arith;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The decimal text of an integer, equal to {@link BigInteger#toString()}, by repeated division of the magnitude in
 * place by 10^9. The JDK converts long numbers by dividing by powers of ten with Burnikel-Ziegler division, which
 * allocates at every level of its recursion and was the largest method a fresh JVM compiled during `compute`
 * ({@code MutableBigInteger.divide2n1n}: 0.65 s of its one C2 thread at generic n = 8, JFR's compilation events).
 * This loop is quadratic, but each step is one multiplication by a reciprocal: up to 34,000 bits (10,000 digits, the
 * longest numbers of a 256-state solution) it is within 1.5 times the JDK's conversion warmed up and faster on first
 * use; from {@link #JDK_BITS} on, numbers go to the JDK.
 *
 * <p>Division by d = 10^9 of n = r 2^32 + limb with r &lt; d &lt; 2^30, so 0 &lt;= n &lt; 2^62: with
 * M = ceil(2^92 / d) = (2^92 + e) / d, 0 &lt;= e &lt; d, n M / 2^92 = n / d + n e / (d 2^92), and the error term
 * is below 2^62 d / (d 2^92) = 2^-30 &lt; 1/d. The fraction of n / d is at most (d - 1)/d, so adding the error
 * does not reach the next integer: floor(n M / 2^92) = floor(n / d). M &lt; 2^63, so {@link Math#multiplyHigh}
 * (signed) takes floor(n M / 2^64) exactly for n, M &gt;= 0, and a shift by 28 gives the quotient.
 */
final class DecimalText {
    private static final long CHUNK = 1_000_000_000L;
    private static final int CHUNK_DIGITS = 9;
    private static final long RECIPROCAL = 4_951_760_157_141_521_100L; // ceil(2^92 / 10^9)
    private static final int RECIPROCAL_SHIFT = 28;

    private DecimalText() {
    }

    /**
     * Bits from which the JDK's subquadratic conversion goes first. Per number, in a fresh JVM (scratch loop): 68,000
     * bits 4.0-4.3 ms here, the JDK's 8.9 ms over its first 256 numbers and 1.7 ms after; 136,000 bits 15-17 ms here,
     * the JDK's 20 ms over its first 128 and 4.4 ms after. A solution has one such number per state, 512 at n = 9
     * (68,000 bits) and 1,024 at n = 10 (136,000 bits).
     */
    static final int JDK_BITS = 100_000;

    static String of(BigInteger x) {
        if (x.bitLength() < 64) {
            return Long.toString(x.longValue());
        }
        if (x.bitLength() >= JDK_BITS) {
            return x.toString();
        }
        int[] limbs = magnitude(x);
        // D <= b log10(2) + 1 digits make at most ceil(D / 9) chunks, written two per sweep: 2 ceil(D / 18) <=
        // b 0.30103 / 9 + 2 (0.30103 > log10(2)), one slot to spare
        int[] chunks = new int[(int) (x.bitLength() * 0.30103 / CHUNK_DIGITS) + 3];
        int count = 0;
        int lead = 0;
        int len = limbs.length;
        while (lead < len) {
            // two divisions per sweep, the second one limb behind the first, on the quotient the first just wrote:
            // two independent chains of multiplications, which the processor overlaps
            long n = limbs[lead] & 0xffffffffL;
            long q = quotient(n);
            limbs[lead] = (int) q;
            long r1 = n - q * CHUNK;
            long r2 = 0;
            for (int i = lead + 1; i < len; i++) {
                long n1 = (r1 << 32) | (limbs[i] & 0xffffffffL);
                long n2 = (r2 << 32) | (limbs[i - 1] & 0xffffffffL);
                long q1 = quotient(n1);
                long q2 = quotient(n2);
                limbs[i] = (int) q1;
                limbs[i - 1] = (int) q2;
                r1 = n1 - q1 * CHUNK;
                r2 = n2 - q2 * CHUNK;
            }
            long n2 = (r2 << 32) | (limbs[len - 1] & 0xffffffffL);
            long q2 = quotient(n2);
            limbs[len - 1] = (int) q2;
            chunks[count++] = (int) r1;
            chunks[count++] = (int) (n2 - q2 * CHUNK);
            while (lead < len && limbs[lead] == 0) {
                lead++;
            }
        }
        while (chunks[count - 1] == 0) { // the second division of the last sweep may have had nothing left
            count--;
        }
        byte[] text = new byte[1 + count * CHUNK_DIGITS];
        int at = 0;
        if (x.signum() < 0) {
            text[at++] = '-';
        }
        at = writeChunk(text, at, chunks[count - 1], false);
        for (int k = count - 2; k >= 0; k--) {
            at = writeChunk(text, at, chunks[k], true);
        }
        return new String(text, 0, at, StandardCharsets.ISO_8859_1);
    }

    /** floor(n / 10^9) for 0 &lt;= n &lt; 2^62 (the class comment's proof). */
    private static long quotient(long n) {
        return Math.multiplyHigh(n, RECIPROCAL) >>> RECIPROCAL_SHIFT;
    }

    /** Big-endian 32-bit limbs of |x|, the first nonzero. */
    private static int[] magnitude(BigInteger x) {
        byte[] bytes = x.abs().toByteArray(); // big-endian, with a leading zero byte when the top bit is set
        int skip = bytes[0] == 0 ? 1 : 0;
        int len = bytes.length - skip;
        int[] limbs = new int[(len + 3) / 4];
        for (int i = 0; i < len; i++) {
            int fromEnd = len - 1 - i;
            limbs[limbs.length - 1 - fromEnd / 4] |= (bytes[skip + i] & 0xff) << (8 * (fromEnd % 4));
        }
        return limbs;
    }

    /** The digits of 0 &lt;= c &lt; 10^9 at text[at..], nine of them when padded; the next free place. */
    private static int writeChunk(byte[] text, int at, int c, boolean padded) {
        int digits = padded ? CHUNK_DIGITS : digitCount(c);
        for (int k = at + digits - 1; k >= at; k--) {
            text[k] = (byte) ('0' + c % 10);
            c /= 10;
        }
        return at + digits;
    }

    private static int digitCount(int c) {
        int d = 1;
        while (c >= 10) {
            c /= 10;
            d++;
        }
        return d;
    }
}
