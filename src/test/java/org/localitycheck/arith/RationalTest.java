package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RationalTest {
    /** Negative powers go through the reciprocal; the one exponent without an int negation is refused, not recursed on. */
    @Test
    void powHandlesNegativeExponentsAndRefusesMinValue() {
        assertEquals(Rational.of(9, 4), Rational.of(2, 3).pow(-2));
        assertEquals(Rational.ONE, Rational.of(5, 7).pow(0));
        assertThrows(ArithmeticException.class, () -> Rational.of(2).pow(Integer.MIN_VALUE));
    }

    @Test
    void canonicalFormMakesEqualsAgreeWithCompareTo() {
        assertEquals(Rational.parse("2/4"), Rational.HALF);
        assertEquals(Rational.parse("0.5"), Rational.HALF);
        assertEquals(Rational.of(-3, -6), Rational.HALF);
        assertEquals(Rational.of(3, -6), Rational.HALF.negate());
        assertEquals(Rational.of(3, -6).hashCode(), Rational.HALF.negate().hashCode());
        assertEquals("-1/2", Rational.of(3, -6).toString());
        assertEquals("3", Rational.parse("3.000").toString());
        assertEquals("0", Rational.parse("0/7").toString());
    }

    @Test
    void spellingsOutsideFormatsMdAreRefused() {
        for (String bad : new String[] {"1e3", "+1", ".5", "1/0", "1/-2", "0x10", "", " 1", "1.", "1/2/3"}) {
            assertThrows(IllegalArgumentException.class, () -> Rational.parse(bad), bad);
        }
    }

    /** The long fast path and the BigInteger path must agree: checked against BigInteger arithmetic. */
    @Test
    void fastPathAgreesWithBigIntegerArithmeticAcrossOverflow() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 20000; t++) {
            long a = rnd.nextLong() >> rnd.nextInt(64);
            long b = ((rnd.nextLong() >>> 1) >>> rnd.nextInt(63)) | 1;
            long c = rnd.nextLong() >> rnd.nextInt(64);
            long d = ((rnd.nextLong() >>> 1) >>> rnd.nextInt(63)) | 1;
            Rational x = Rational.of(a, b);
            Rational y = Rational.of(c, d);
            BigInteger ba = BigInteger.valueOf(a);
            BigInteger bb = BigInteger.valueOf(b);
            BigInteger bc = BigInteger.valueOf(c);
            BigInteger bd = BigInteger.valueOf(d);
            assertEquals(Rational.of(ba.multiply(bd).add(bc.multiply(bb)), bb.multiply(bd)), x.add(y));
            assertEquals(Rational.of(ba.multiply(bc), bb.multiply(bd)), x.multiply(y));
            assertEquals(ba.multiply(bd).compareTo(bc.multiply(bb)), x.compareTo(y));
            assertTrue(x.add(y).subtract(y).equals(x));
        }
    }

    @Test
    void divisionByZeroIsAnArithmeticException() {
        assertThrows(ArithmeticException.class, () -> Rational.ONE.divide(Rational.ZERO));
        assertThrows(ArithmeticException.class, () -> Rational.of(1, 0));
    }
}
