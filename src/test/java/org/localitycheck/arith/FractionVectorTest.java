package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel reduction of long vectors gives exactly the entries that the JDK's gcd gives (the oracle: numerator
 * and denominator divided by BigInteger.gcd, the sign on the numerator). The vectors have small shared factors, a
 * large prime shared by the denominator and a few numerators, zeros and negative entries.
 */
class FractionVectorTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void parallelReductionEqualsTheJdksGcdPerEntry(int kind) {
        SplittableRandom rnd = new SplittableRandom(kind);
        BigInteger bigPrime = BigInteger.probablePrime(700, new Random(kind));
        BigInteger den = new BigInteger(6000, new Random(7 + kind)).add(BigInteger.ONE)
                .multiply(BigInteger.valueOf(2L * 2 * 2 * 3 * 3 * 5 * 7));
        if (kind >= 2) {
            den = den.multiply(bigPrime).multiply(bigPrime);
        }
        int n = 300;
        BigInteger[] num = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            BigInteger x = new BigInteger(6000, new Random(rnd.nextLong()));
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
        FractionVector v = FractionVector.of(num, den);
        assertEquals(true, (long) n * den.bitLength() > FractionVector.PARALLEL_WORK, "the parallel path is taken");
        Rational[] reduced = v.toRationals();
        for (int i = 0; i < n; i++) {
            BigInteger g = num[i].gcd(den);
            Rational expected = num[i].signum() == 0 ? Rational.ZERO
                    : Rational.ofReduced(num[i].divide(g), den.divide(g));
            assertEquals(expected, reduced[i], "entry " + i);
        }
    }
}
