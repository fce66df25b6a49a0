package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    /**
     * Parsed short texts are shared, and parsing stays exact past the bound of remembered texts: 70,000 distinct
     * fractions k/7, each against Rational.of(k, 7) (the oracle), parsed twice.
     */
    @Test
    void parsedTextsAreSharedAndStayExactPastTheBound() {
        assertSame(Rational.parse("3/12"), Rational.parse("3/12"));
        assertEquals(Rational.of(1, 4), Rational.parse("3/12"));
        for (int round = 0; round < 2; round++) {
            for (long k = 0; k < 70_000; k++) {
                assertEquals(Rational.of(k, 7), Rational.parse(k + "/7"));
            }
        }
        String longText = "1234567890123456789012345/7"; // longer than the remembered texts
        assertEquals(Rational.of(new BigInteger("1234567890123456789012345"), BigInteger.valueOf(7)),
                Rational.parse(longText));
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
        for (String bad : new String[] {"1e3", "+1", ".5", "1/0", "1/-2", "0x10", "", " 1", "1.", "1/2/3", "1/05", "/2",
            "1/", "-", "--1", "-.5", "1.2.3", "1/2.5", "1 ", "\u0661"}) {
            assertThrows(IllegalArgumentException.class, () -> Rational.parse(bad), bad);
        }
    }

    /**
     * Short spellings are read in longs: the value must equal the one built from the text's digits with BigInteger
     * (numerator and 10^k or the denominator), across 18- and 19-digit runs where the long reading stops.
     */
    @Test
    void shortSpellingsReadTheSameAsTheirDigits() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 3000; trial++) {
            String a = digits(rnd, 1 + rnd.nextInt(20));
            String b = digits(rnd, 1 + rnd.nextInt(20));
            String sign = rnd.nextBoolean() ? "-" : "";
            BigInteger num = new BigInteger(sign + a);
            assertEquals(Rational.of(num), Rational.parse(sign + a));
            BigInteger frac = new BigInteger(b);
            assertEquals(Rational.of(new BigInteger(sign + a + b), BigInteger.TEN.pow(b.length())),
                    Rational.parse(sign + a + "." + b));
            if (b.charAt(0) != '0') {
                assertEquals(Rational.of(num, frac), Rational.parse(sign + a + "/" + b));
            }
        }
        assertEquals(Rational.ZERO, Rational.parse("-0"));
        assertEquals(Rational.of(7), Rational.parse("007"));
        assertEquals(Rational.of(-5, 4), Rational.parse("-1.25"));
    }

    private static String digits(SplittableRandom rnd, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    /** toStrings gives each entry's toString, with shared and unshared, small and big denominators. */
    @Test
    void toStringsAgreesWithToString() {
        BigInteger big = BigInteger.TEN.pow(30).add(BigInteger.valueOf(7));
        Rational[] v = {Rational.of(BigInteger.ONE, big), Rational.of(BigInteger.TWO, big), Rational.of(3, 4),
            Rational.of(BigInteger.valueOf(5), big), Rational.of(BigInteger.TEN.pow(40)), Rational.ZERO,
            Rational.of(BigInteger.valueOf(-9), big.add(BigInteger.ONE))};
        String[] texts = Rational.toStrings(v);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i].toString(), texts[i], "entry " + i);
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
