package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lehmer's gcd and remainder sequence against the JDK's gcd and a one-division-at-a-time Euclid (the oracles). */
class LehmerTest {
    private static final int[] SIZES = {1, 64, 2047, 2048, 2100, 3000, 5000, 9000};

    @Test
    void gcdEqualsTheJdksOnRandomPairsWithCommonFactors() {
        Random rnd = new Random(16);
        int cases = 0;
        for (int bitsA : SIZES) {
            for (int bitsB : SIZES) {
                for (int k = 0; k < 3; k++) {
                    BigInteger g = new BigInteger(1 + rnd.nextInt(300), rnd);
                    BigInteger a = new BigInteger(bitsA, rnd).multiply(g);
                    BigInteger b = new BigInteger(bitsB, rnd).multiply(g);
                    if (rnd.nextBoolean()) {
                        a = a.negate();
                    }
                    assertEquals(a.gcd(b), Lehmer.gcd(a, b), () -> "gcd of " + bitsA + " and " + bitsB + " bits");
                    cases++;
                }
            }
        }
        assertEquals(SIZES.length * SIZES.length * 3, cases);
    }

    /** The sizes of `compute`'s solutions at n = 8 and 9, where gcd works in place on limbs for thousands of steps. */
    @Test
    void gcdEqualsTheJdksOnSolutionSizedPairs() {
        Random rnd = new Random(35);
        for (int bits : new int[] {34_000, 70_000}) {
            for (int k = 0; k < 3; k++) {
                BigInteger g = new BigInteger(1 + rnd.nextInt(2000), rnd);
                BigInteger a = new BigInteger(bits, rnd).multiply(g);
                BigInteger b = new BigInteger(bits - rnd.nextInt(64), rnd).multiply(g);
                assertEquals(a.gcd(b), Lehmer.gcd(a, b), () -> "gcd at " + bits + " bits");
            }
        }
    }

    @Test
    void gcdEqualsTheJdksOnEdgeCases() {
        BigInteger big = BigInteger.ONE.shiftLeft(5000).subtract(BigInteger.ONE);
        BigInteger[][] pairs = {
            {big, BigInteger.ZERO}, {BigInteger.ZERO, big}, {BigInteger.ZERO, BigInteger.ZERO}, {big, big},
            {big.multiply(BigInteger.valueOf(7)), big}, {BigInteger.ONE.shiftLeft(6000), BigInteger.ONE.shiftLeft(4000)},
            {big.shiftLeft(3000).add(BigInteger.ONE), big}, // one quotient of 3,000 bits: full division steps
            {fibonacci(12000), fibonacci(11999)}, // every quotient 1: the longest matrix steps
            {fibonacci(12000).multiply(big), fibonacci(11999).multiply(big)},
            // quotients around the in-place steps' cofactor cap 2^29, and far above it (full division steps)
            fromQuotients((1L << 29) - 2, 9000), fromQuotients(1L << 29, 9000), fromQuotients((1L << 29) + 1, 9000),
            fromQuotients(1L << 45, 9000), fromQuotients(Long.MAX_VALUE, 9000),
        };
        for (BigInteger[] p : pairs) {
            assertEquals(p[0].gcd(p[1]), Lehmer.gcd(p[0], p[1]));
        }
    }

    @Test
    void remainderSequenceStopsWhereOneDivisionAtATimeStops() {
        Random rnd = new Random(61);
        for (int bits : new int[] {100, 2500, 4000, 8000}) {
            BigInteger m = BigInteger.ONE.shiftLeft(bits).add(BigInteger.valueOf(rnd.nextInt(1000)));
            for (int k = 0; k < 6; k++) {
                BigInteger x = new BigInteger(bits - 1 - rnd.nextInt(40), rnd);
                // the square-root bound of rational reconstruction, Dixon's power of two below it, and bounds near
                // the start and the end
                BigInteger[] bounds = {m.shiftRight(1).sqrt(), Dixon.reconstructionBound(m), x.shiftRight(70),
                    BigInteger.valueOf(1000), x.subtract(BigInteger.ONE)};
                for (BigInteger bound : bounds) {
                    assertArrayEquals(euclidDownTo(m, x, bound), Lehmer.remaindersDownTo(m, x, BigInteger.ZERO,
                            BigInteger.ONE, bound), () -> bits + " bits, bound of " + bound.bitLength() + " bits");
                }
            }
        }
        BigInteger f = fibonacci(9000);
        BigInteger bound = f.sqrt();
        assertArrayEquals(euclidDownTo(f, fibonacci(8999), bound), Lehmer.remaindersDownTo(f, fibonacci(8999),
                BigInteger.ZERO, BigInteger.ONE, bound));
    }

    @Test
    void remainderSequenceRefusesAnUnorderedStartAndANegativeBound() {
        assertThrows(IllegalArgumentException.class, () -> Lehmer.remaindersDownTo(BigInteger.TWO, BigInteger.TEN,
                BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> Lehmer.remaindersDownTo(BigInteger.TEN, BigInteger.TWO,
                BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate()));
    }

    @Test
    void noMatrixWhenTheLeadingBitsDoNotFixAQuotient() {
        // b's leading 60 bits (at a's scale) are zero: the quotient is far beyond one word
        BigInteger a = BigInteger.ONE.shiftLeft(4000);
        assertNull(Lehmer.matrix(a, BigInteger.ONE.shiftLeft(3000)));
    }

    /** The plain loop Dixon used before Lehmer: {r_k, r_{k+1}, t_k, t_{k+1}} at the first r_{k+1} <= bound. */
    private static BigInteger[] euclidDownTo(BigInteger r0, BigInteger r1, BigInteger bound) {
        BigInteger t0 = BigInteger.ZERO;
        BigInteger t1 = BigInteger.ONE;
        while (r1.compareTo(bound) > 0) {
            BigInteger[] qr = r0.divideAndRemainder(r1);
            BigInteger t2 = t0.subtract(qr[0].multiply(t1));
            r0 = r1;
            r1 = qr[1];
            t0 = t1;
            t1 = t2;
        }
        return new BigInteger[] {r0, r1, t0, t1};
    }

    /** Consecutive remainders (r0, r1) of at least {@code bits} bits whose Euclid quotients are all q down to (7, 3). */
    private static BigInteger[] fromQuotients(long q, int bits) {
        BigInteger bq = BigInteger.valueOf(q);
        BigInteger r1 = BigInteger.valueOf(3);
        BigInteger r0 = BigInteger.valueOf(7);
        while (r0.bitLength() < bits) {
            BigInteger next = bq.multiply(r0).add(r1);
            r1 = r0;
            r0 = next;
        }
        return new BigInteger[] {r0, r1};
    }

    private static BigInteger fibonacci(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }
}
