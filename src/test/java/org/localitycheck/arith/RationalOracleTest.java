package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigRational;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rational against big-math's BigRational on values that exercise both of its forms: small (long numerator and
 * denominator) and big, including the edges where a long operation overflows (near +-2^63, Long.MIN_VALUE) and
 * values built by different paths. The expected value of every operation comes from the oracle.
 */
class RationalOracleTest {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** A numerator or denominator candidate: small, near the long limits, or past them. */
    private static BigInteger part(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> BigInteger.valueOf(rnd.nextInt(-12, 13));
            case 2 -> LONG_MAX.subtract(BigInteger.valueOf(rnd.nextInt(3)));
            case 3 -> LONG_MIN.add(BigInteger.valueOf(rnd.nextInt(3)));
            case 4 -> BigInteger.valueOf(rnd.nextLong()).shiftRight(rnd.nextInt(63));
            default -> new BigInteger(70 + rnd.nextInt(60), new Random(rnd.nextLong()))
                    .multiply(rnd.nextBoolean() ? BigInteger.ONE : BigInteger.ONE.negate());
        };
    }

    private static List<BigInteger[]> values(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<BigInteger[]> out = new ArrayList<>();
        while (out.size() < count) {
            BigInteger n = part(rnd);
            BigInteger d = part(rnd);
            if (d.signum() != 0) {
                out.add(new BigInteger[] {n, d});
            }
        }
        return out;
    }

    private static Rational back(BigRational x) {
        BigRational r = x.reduce();
        return Rational.of(r.getNumeratorBigInteger(), r.getDenominatorBigInteger());
    }

    /** The canonical form: lowest terms, positive denominator, small exactly when both parts fit a long (not MIN). */
    private static void assertCanonical(Rational x) {
        BigInteger n = x.numerator();
        BigInteger d = x.denominator();
        assertTrue(d.signum() > 0, x + ": denominator " + d);
        assertEquals(BigInteger.ONE, n.gcd(d), x + " is not in lowest terms"); // gcd(0, d) = d: zero is 0/1
        boolean fits = n.bitLength() < 64 && d.bitLength() < 64 && !n.equals(LONG_MIN) && !d.equals(LONG_MIN);
        assertEquals(fits, x.isSmall(), x + ": small form");
        if (x.isSmall()) {
            assertEquals(n.longValueExact(), x.longNumerator());
            assertEquals(d.longValueExact(), x.longDenominator());
        } else {
            assertThrows(ArithmeticException.class, x::longNumerator);
            assertThrows(ArithmeticException.class, x::longDenominator);
        }
    }

    @Test
    void everyOperationAgreesWithTheOracleInBothForms() {
        List<BigInteger[]> xs = values(51, 160);
        List<BigInteger[]> ys = values(53, 160);
        for (int i = 0; i < xs.size(); i++) {
            BigRational bx = BigRational.valueOf(xs.get(i)[0], xs.get(i)[1]);
            BigRational by = BigRational.valueOf(ys.get(i)[0], ys.get(i)[1]);
            Rational x = Rational.of(xs.get(i)[0], xs.get(i)[1]);
            Rational y = Rational.of(ys.get(i)[0], ys.get(i)[1]);
            String at = x + " and " + y;
            assertCanonical(x);
            assertEquals(back(bx), x, at);
            assertEquals(back(bx.add(by)), x.add(y), at);
            assertCanonical(x.add(y));
            assertEquals(back(bx.subtract(by)), x.subtract(y), at);
            assertEquals(back(bx.multiply(by)), x.multiply(y), at);
            assertCanonical(x.multiply(y));
            assertEquals(back(bx.negate()), x.negate(), at);
            assertCanonical(x.negate());
            assertEquals(back(bx.abs()), x.abs(), at);
            assertEquals(bx.signum(), x.signum(), at);
            assertEquals(bx.isZero(), x.isZero(), at);
            assertEquals(bx.reduce().isInteger(), x.isInteger(), at);
            int cmp = Integer.signum(bx.compareTo(by));
            assertEquals(cmp, Integer.signum(x.compareTo(y)), at);
            assertEquals(-cmp, Integer.signum(y.compareTo(x)), at);
            assertEquals(cmp == 0, x.equals(y), at);
            assertEquals(cmp <= 0 ? x : y, x.min(y), at);
            assertEquals(cmp >= 0 ? x : y, x.max(y), at);
            if (!by.isZero()) {
                assertEquals(back(bx.divide(by)), x.divide(y), at);
            } else {
                assertThrows(ArithmeticException.class, () -> x.divide(y));
            }
            if (!bx.isZero()) {
                assertEquals(back(bx.reciprocal()), x.reciprocal(), at);
                assertCanonical(x.reciprocal());
                assertEquals(back(bx.pow(-2)), x.pow(-2), at);
            } else {
                assertThrows(ArithmeticException.class, x::reciprocal);
            }
            assertEquals(back(bx.pow(3)), x.pow(3), at);
            long k = ys.get(i)[0].longValue();
            assertEquals(back(bx.multiply(BigInteger.valueOf(k))), x.multiply(k), at);
            // floor and ceil by their defining inequalities, on the oracle's value
            BigRational fl = BigRational.valueOf(x.floor());
            assertTrue(fl.compareTo(bx) <= 0 && bx.compareTo(fl.add(1)) < 0, "floor of " + at);
            BigRational ce = BigRational.valueOf(x.ceil());
            assertTrue(ce.subtract(1).compareTo(bx) < 0 && bx.compareTo(ce) <= 0, "ceil of " + at);
            BigRational r = bx.reduce();
            assertEquals(r.getNumeratorBigInteger().bitLength() + r.getDenominatorBigInteger().bitLength(), x.bitSize());
            // the double: within one unit in the last place of the value computed to 40 digits
            double expected = r.toBigDecimal(new MathContext(40)).doubleValue();
            assertEquals(expected, x.doubleValue(), Math.ulp(expected), at);
            // the text is the reduced p/q, and reads back to the same value
            String text = r.getDenominatorBigInteger().equals(BigInteger.ONE) ? r.getNumeratorBigInteger().toString()
                    : r.getNumeratorBigInteger() + "/" + r.getDenominatorBigInteger();
            assertEquals(text, x.toString(), at);
            assertEquals(x, Rational.parse(x.toString()));
        }
    }

    /** Six significant digits, rounded toward zero, trailing zeros dropped: values worked out by hand. */
    @Test
    void significantDigitsRoundTowardZero() {
        assertEquals("0.333333", Rational.of(1, 3).significant(6));
        assertEquals("-0.666666", Rational.of(-2, 3).significant(6));
        assertEquals("1234560", Rational.of(1234567).significant(6));
        assertEquals("0.5", Rational.HALF.significant(6));
        assertEquals("3", Rational.of(3).significant(6));
        assertEquals("0.0000142857", Rational.of(1, 70000).significant(6));
        assertEquals("1.0909", Rational.of(12, 11).significant(6)); // 1.09090 with its trailing zero dropped
    }

    /** The same value built by different paths is one value: equal, same hash, same form. */
    @Test
    void oneValueWhicheverWayItIsBuilt() {
        List<BigInteger[]> xs = values(57, 200);
        for (BigInteger[] p : xs) {
            Rational a = Rational.of(p[0], p[1]);
            Rational b = Rational.of(p[0].multiply(BigInteger.valueOf(6)), p[1].multiply(BigInteger.valueOf(6)));
            Rational c = a.add(Rational.ONE).subtract(Rational.ONE);
            Rational d = a.multiply(Rational.TWO).divide(Rational.TWO);
            for (Rational other : new Rational[] {b, c, d, Rational.parse(a.toString())}) {
                assertEquals(a, other);
                assertEquals(a.hashCode(), other.hashCode());
                assertEquals(a.isSmall(), other.isSmall());
                assertEquals(0, a.compareTo(other));
            }
            if (p[0].bitLength() < 64 && p[1].bitLength() < 64) { // both fit a long, Long.MIN_VALUE included
                assertEquals(a, Rational.of(p[0].longValue(), p[1].longValue()));
            }
        }
        assertEquals(Rational.of(LONG_MIN, BigInteger.valueOf(3)), Rational.of(Long.MIN_VALUE, 3));
        assertEquals(Rational.of(BigInteger.valueOf(5), LONG_MIN), Rational.of(5, Long.MIN_VALUE));
        assertEquals(Rational.of(LONG_MIN.shiftRight(1).negate()), Rational.of(Long.MIN_VALUE, -2));
        assertTrue(Rational.of(Long.MIN_VALUE, -2).isSmall(), "2^62 fits a long");
        // small operations whose exact result is Long.MIN_VALUE (or just past it) leave the small form correctly
        assertEquals(Rational.of(LONG_MIN), Rational.of(Long.MIN_VALUE + 1).add(Rational.of(-1)));
        assertEquals(Rational.of(LONG_MIN), Rational.of(1L << 62).multiply(-2));
        assertEquals(Rational.of(LONG_MIN.subtract(BigInteger.ONE)), Rational.of(Long.MIN_VALUE + 1).add(Rational.of(-2)));
        assertEquals(Rational.of(LONG_MIN, BigInteger.valueOf(3)), Rational.of(Long.MIN_VALUE + 2, 3).add(Rational.of(-2, 3)));
        assertEquals(Rational.of(Long.MIN_VALUE), Rational.of(LONG_MIN));
        assertFalse(Rational.of(Long.MIN_VALUE).isSmall());
        assertEquals(Rational.of(LONG_MIN.negate()), Rational.of(Long.MIN_VALUE).negate());
        assertEquals(Rational.of(LONG_MIN.multiply(BigInteger.TWO)), Rational.of(Long.MIN_VALUE).add(Rational.of(Long.MIN_VALUE)));
        assertEquals(Rational.of(BigInteger.ONE, LONG_MIN.negate()), Rational.of(Long.MIN_VALUE).reciprocal().negate());
        assertThrows(ArithmeticException.class, () -> Rational.of(1, 0));
        assertThrows(ArithmeticException.class, () -> Rational.of(BigInteger.ONE, BigInteger.ZERO));
        assertFalse(Rational.ONE.equals("1"));
    }

    /** The shared-denominator text conversion of a vector equals the entrywise one. */
    @Test
    void toStringsMatchesEntrywiseText() {
        List<BigInteger[]> xs = values(59, 120);
        Rational[] v = new Rational[xs.size()];
        for (int i = 0; i < v.length; i++) {
            // every third entry shares the previous entry's denominator
            BigInteger[] p = xs.get(i);
            v[i] = i % 3 == 1 ? Rational.of(p[0], v[i - 1].denominator()) : Rational.of(p[0], p[1]);
        }
        String[] texts = Rational.toStrings(v);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i].toString(), texts[i]);
        }
    }

    /** Hashes spread: over 80% of distinct values have distinct hashes (small ones do collide: 31 num + den). */
    @Test
    void distinctValuesHaveMostlyDistinctHashes() {
        Set<Rational> values = new HashSet<>();
        Set<Integer> hashes = new HashSet<>();
        Set<Integer> intervalHashes = new HashSet<>();
        for (BigInteger[] p : values(61, 2000)) {
            Rational x = Rational.of(p[0], p[1]);
            if (values.add(x)) {
                hashes.add(x.hashCode());
                intervalHashes.add(RationalInterval.of(x, x.abs().add(Rational.ONE)).hashCode());
            }
        }
        assertTrue(hashes.size() > 0.8 * values.size(), hashes.size() + " hashes for " + values.size() + " values");
        assertTrue(intervalHashes.size() > 0.8 * values.size(), intervalHashes.size() + " interval hashes");
        Set<Integer> matrixHashes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            matrixHashes.add(RationalMatrix.identity(2).scale(Rational.of(i, 7)).hashCode());
        }
        assertTrue(matrixHashes.size() > 190, matrixHashes.size() + " matrix hashes");
    }
}
