package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values: primality and gaps by BigInteger.isProbablePrime on every odd number; residues by BigInteger.mod. */
class WordPrimesTest {
    @Test
    void theFirstPrimesAreTheLargestBelow2To26WithNoneSkipped() {
        long[] p = WordPrimes.first(40);
        long expected = (1L << 26) - 1;
        for (long q : p) {
            while (!BigInteger.valueOf(expected).isProbablePrime(64)) {
                expected--;
            }
            assertEquals(expected, q);
            expected--;
        }
        assertEquals(67108859L, p[0]); // the largest prime below 2^26
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
