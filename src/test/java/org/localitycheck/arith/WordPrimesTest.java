package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values: primality and gaps by BigInteger.isProbablePrime on every odd number; residues by BigInteger.mod. */
class WordPrimesTest {
    @Test
    void theFirstPrimesAreTheLargestBelow2To26WithNoneSkipped() {
        long[] p = WordPrimes.first(40);
        assertDescendingPrimesFromTheTop(p);
        assertEquals(67108859L, p[0]); // the largest prime below 2^26
    }

    /** p is the primes below 2^26 in descending order, none skipped (by BigInteger's test on every odd number). */
    private static void assertDescendingPrimesFromTheTop(long[] p) {
        long expected = (1L << 26) - 1;
        for (long q : p) {
            while (!BigInteger.valueOf(expected).isProbablePrime(64)) {
                expected--;
            }
            assertEquals(expected, q);
            expected--;
        }
    }

    /** The search itself, not the cache that first() keeps: from nothing, and continued from a prefix. */
    @Test
    void theSearchFindsEveryPrimeInDescendingOrder() {
        long[] p = WordPrimes.extend(new long[0], 300);
        assertEquals(300, p.length);
        assertDescendingPrimesFromTheTop(p);
        assertArrayEquals(p, WordPrimes.extend(Arrays.copyOf(p, 7), 300));
        assertArrayEquals(Arrays.copyOf(p, 7), WordPrimes.extend(Arrays.copyOf(p, 7), 7));
    }

    /** Trial division against BigInteger's test on every number below 20,000, and on products of two primes near 2^13. */
    @Test
    void isPrimeIsExact() {
        for (long c = -3; c < 20_000; c++) {
            assertEquals(c > 1 && BigInteger.valueOf(c).isProbablePrime(64), WordPrimes.isPrime(c), Long.toString(c));
        }
        // the factors are primes near sqrt(2^26), so only divisors up to the square root find them
        long[][] products = {{8191, 8191}, {8179, 8191}, {8087, 8089}, {7919, 7927}};
        for (long[] f : products) {
            assertTrue(BigInteger.valueOf(f[0]).isProbablePrime(64) && BigInteger.valueOf(f[1]).isProbablePrime(64));
            assertFalse(WordPrimes.isPrime(f[0] * f[1]), f[0] + " times " + f[1]);
        }
        assertTrue(WordPrimes.isPrime(67108859L));
    }

    @Test
    void combineInvertsTheResidues() {
        Random rnd = new Random(5);
        for (int bits : new int[] {1, 25, 26, 60, 200, 1000}) {
            BigInteger x = new BigInteger(bits, rnd);
            WordPrimes w = WordPrimes.above(x);
            long[] r = new long[w.count()];
            for (int i = 0; i < r.length; i++) {
                r[i] = x.mod(BigInteger.valueOf(w.prime(i))).longValue();
                assertEquals(r[i], w.residue(x, i));
                assertEquals(x.negate().mod(BigInteger.valueOf(w.prime(i))).longValue(), w.residue(x.negate(), i));
            }
            assertEquals(x, w.combine(r), bits + " bits");
        }
        // around the long boundary: 2^63 - 1 and -2^63 fit a long, 2^63 and -2^63 - 1 do not
        WordPrimes w = WordPrimes.above(BigInteger.ONE.shiftLeft(80));
        for (BigInteger x : new BigInteger[] {BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
            BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)}) {
            for (int i = 0; i < w.count(); i++) {
                assertEquals(x.mod(BigInteger.valueOf(w.prime(i))).longValue(), w.residue(x, i), x + " mod p_" + i);
            }
        }
    }

    @Test
    void aboveTakesTheFewestPrimesWhoseProductExceedsTheBound() {
        Random rnd = new Random(6);
        for (int bits = 0; bits < 400; bits += 7) {
            BigInteger bound = new BigInteger(bits, rnd);
            WordPrimes w = WordPrimes.above(bound);
            BigInteger product = BigInteger.ONE;
            for (int i = 0; i < w.count(); i++) {
                product = product.multiply(BigInteger.valueOf(w.prime(i)));
            }
            assertTrue(product.compareTo(bound) > 0);
            assertTrue(product.divide(BigInteger.valueOf(w.prime(w.count() - 1))).compareTo(bound) <= 0
                    || w.count() == 1);
        }
    }

    @Test
    void negativeArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WordPrimes.above(BigInteger.valueOf(-1)));
        assertThrows(IllegalArgumentException.class, () -> WordPrimes.first(-1));
    }
}
