package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DecimalText against the JDK's {@code BigInteger.toString} (the oracle): random sizes, chunk and word boundaries. */
class DecimalTextTest {
    @Test
    void equalsTheJdksTextOnRandomNumbersOfEverySize() {
        Random rnd = new Random(2026);
        int cases = 0;
        for (int bits = 1; bits <= 1300; bits += 1 + bits / 50) {
            for (int k = 0; k < 4; k++) {
                BigInteger x = new BigInteger(bits, rnd).setBit(bits - 1);
                assertSame(k % 2 == 0 ? x : x.negate());
                cases++;
            }
        }
        for (int bits : new int[] {4_999, 17_000, 33_882, 60_001}) {
            assertSame(new BigInteger(bits, rnd));
            assertSame(new BigInteger(bits, rnd).negate());
            cases += 2;
        }
        assertTrue(cases > 500, "cases: " + cases);
    }

    /**
     * Powers of ten at and around the 10^9 chunks (inner chunks of zeros, a top chunk of 1, a last sweep whose second
     * division has nothing left), powers of two around the long boundary, and Long.MIN_VALUE.
     */
    @Test
    void equalsTheJdksTextAtChunkAndWordBoundaries() {
        List<BigInteger> xs = new ArrayList<>();
        for (int e = 15; e <= 120; e++) {
            BigInteger p = BigInteger.TEN.pow(e);
            xs.add(p);
            xs.add(p.subtract(BigInteger.ONE));
            xs.add(p.add(BigInteger.ONE));
            xs.add(p.multiply(BigInteger.valueOf(999_999_999L)));
        }
        for (int e = 60; e <= 200; e++) {
            BigInteger p = BigInteger.ONE.shiftLeft(e);
            xs.add(p);
            xs.add(p.subtract(BigInteger.ONE));
            xs.add(p.add(BigInteger.ONE));
        }
        xs.add(BigInteger.valueOf(Long.MIN_VALUE));
        xs.add(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
        xs.add(BigInteger.ZERO);
        BigInteger first = BigInteger.ONE.shiftLeft(DecimalText.JDK_BITS - 1); // the first number handed to the JDK
        xs.add(first);
        xs.add(first.subtract(BigInteger.ONE)); // the last one converted here
        for (BigInteger x : xs) {
            assertSame(x);
            assertSame(x.negate());
        }
    }

    private static void assertSame(BigInteger x) {
        assertEquals(x.toString(), DecimalText.of(x), () -> "the text of a number of " + x.bitLength() + " bits");
    }
}
