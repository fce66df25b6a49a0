package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reducing a vector's entries to lowest terms, on vectors with small shared factors, a large prime shared by the
 * denominator and a few numerators (the batched path's factor F* is then large), zeros and negative entries.
 */
class FractionVectorTest {
    /** One gcd per entry, in parallel, against the JDK's gcd (the oracle: both parts divided by BigInteger.gcd). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void parallelReductionEqualsTheJdksGcdPerEntry(int kind) {
        int n = 300;
        BigInteger[] num = new BigInteger[n];
        BigInteger den = vector(kind, 6000, num);
        FractionVector v = FractionVector.of(num, den);
        assertTrue((long) n * den.bitLength() > FractionVector.PARALLEL_WORK, "the parallel path is taken");
        assertTrue((double) n * den.bitLength() * den.bitLength() < FractionVector.BATCH_WORK,
                "one gcd per entry");
        Rational[] reduced = v.toRationals();
        for (int i = 0; i < n; i++) {
            BigInteger g = num[i].gcd(den);
            Rational expected = num[i].signum() == 0 ? Rational.ZERO
                    : Rational.ofReduced(num[i].divide(g), den.divide(g));
            assertEquals(expected, reduced[i], "entry " + i);
        }
    }

    /**
     * The batched reduction (one gcd of the denominator with the product of the numerators) against one gcd per entry
     * (Rational.of, whose Lehmer gcd LehmerTest holds to the JDK's; the JDK's binary gcd would take seconds here).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3})
    void batchedReductionEqualsOneGcdPerEntry(int kind) {
        int n = 64;
        BigInteger[] num = new BigInteger[n];
        BigInteger den = vector(kind, 80_000, num);
        assertTrue((double) n * den.bitLength() * den.bitLength() >= FractionVector.BATCH_WORK,
                "the batched path is taken");
        Rational[] batch = FractionVector.of(num, den).toRationals();
        for (int i = 0; i < n; i++) {
            assertEquals(Rational.of(num[i], den), batch[i], "entry " + i);
        }
    }

    /** Fills num and returns the denominator: kind 0 and 1 small factors, 2 and 3 a shared large prime, 3 zeros. */
    private static BigInteger vector(int kind, int bits, BigInteger[] num) {
        SplittableRandom rnd = new SplittableRandom(kind);
        BigInteger bigPrime = BigInteger.probablePrime(700, new Random(kind));
        BigInteger den = new BigInteger(bits, new Random(7 + kind)).setBit(bits - 1)
                .multiply(BigInteger.valueOf(2L * 2 * 2 * 3 * 3 * 5 * 7));
        if (kind >= 2) {
            den = den.multiply(bigPrime).multiply(bigPrime);
        }
        for (int i = 0; i < num.length; i++) {
            BigInteger x = new BigInteger(bits, new Random(rnd.nextLong()));
            if (i % 3 == 0) {
                x = x.multiply(BigInteger.valueOf(12));
            }
            if (kind >= 2 && i % 50 == 0) {
                x = x.multiply(bigPrime);
            }
            if (kind == 3 && i % 7 == 0) {
                x = BigInteger.ZERO;
            }
            num[i] = i % 2 == 0 ? x : x.negate();
        }
        return den;
    }
}
