package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values: the least common multiple by BigInteger gcd, one denominator at a time. */
class CommonDenominatorTest {
    @Test
    void equalsTheLeastCommonMultipleAcrossTheLongBoundary() {
        Random rnd = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            CommonDenominator c = new CommonDenominator();
            BigInteger lcm = BigInteger.ONE;
            int bits = 1 + rnd.nextInt(trial < 100 ? 20 : 70);
            for (int k = 0; k < 12; k++) {
                BigInteger d = new BigInteger(bits, rnd).add(BigInteger.ONE);
                Rational r = Rational.of(BigInteger.ONE, d);
                c.add(r);
                lcm = lcm.divide(lcm.gcd(d)).multiply(d);
                assertEquals(lcm, c.value());
                assertEquals(lcm.bitLength() <= 63, c.fitsLong(), "fits a long exactly when below 2^63");
            }
        }
    }

    @Test
    void longValueIsRefusedOnceTheValueLeavesALong() {
        CommonDenominator c = new CommonDenominator();
        c.add(Rational.of(1, 3));
        assertTrue(c.fitsLong());
        assertEquals(3, c.longValue());
        c.add(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(70)));
        assertFalse(c.fitsLong());
        assertThrows(ArithmeticException.class, c::longValue);
        assertEquals(BigInteger.ONE.shiftLeft(70).multiply(BigInteger.valueOf(3)), c.value());
    }
}
