package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Barrett reduction against {@code BigInteger.mod} (the oracle), inside its range [0, 4^k) and outside it. */
class BarrettTest {
    @Test
    void modEqualsTheJdksOnEveryKindOfModulusAndArgument() {
        Random rnd = new Random(86);
        List<BigInteger> moduli = new ArrayList<>();
        for (int bits : new int[] {1, 2, 3, 31, 32, 33, 63, 64, 65, 200, 2_560, 2_561, 9_000}) {
            BigInteger two = BigInteger.ONE.shiftLeft(bits - 1);
            moduli.add(two);
            moduli.add(two.add(BigInteger.ONE));
            moduli.add(two.shiftLeft(1).subtract(BigInteger.ONE));
            moduli.add(new BigInteger(bits, rnd).setBit(bits - 1));
        }
        int cases = 0;
        for (BigInteger m : moduli) {
            Barrett b = Barrett.of(m);
            int k = m.bitLength();
            BigInteger top = BigInteger.ONE.shiftLeft(2 * k);
            List<BigInteger> ts = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, m.subtract(BigInteger.ONE),
                    m, m.add(BigInteger.ONE), m.multiply(m), m.multiply(m).subtract(BigInteger.ONE),
                    top.subtract(BigInteger.ONE), top, top.add(m), m.negate(), BigInteger.valueOf(-7)));
            for (int i = 0; i < 20; i++) {
                ts.add(new BigInteger(1 + rnd.nextInt(2 * k), rnd));
            }
            for (BigInteger t : ts) {
                assertEquals(t.mod(m), b.mod(t), () -> "t of " + t.bitLength() + " bits mod m of " + k + " bits");
                cases++;
            }
        }
        assertEquals(moduli.size() * 32, cases);
    }

    /**
     * Arguments whose estimate is two below the quotient, so both subtractions are needed (the smallest such t for
     * m = 2^(k-1) + 1, found by a scratch search over all t &lt; 4^k in a review): dropping one is caught here.
     */
    @Test
    void bothCorrectionsAreTakenWhenTheEstimateIsTwoShort() {
        long[][] cases = {{5, 55}, {9, 207}, {129, 49_407}};
        for (long[] c : cases) {
            BigInteger m = BigInteger.valueOf(c[0]);
            BigInteger t = BigInteger.valueOf(c[1]);
            int k = m.bitLength();
            BigInteger estimate = t.shiftRight(k - 1).multiply(BigInteger.ONE.shiftLeft(2 * k).divide(m))
                    .shiftRight(k + 1);
            assertEquals(t.divide(m).subtract(BigInteger.TWO), estimate, () -> "the estimate for " + t + " mod " + m);
            assertEquals(t.mod(m), Barrett.of(m).mod(t), () -> t + " mod " + m);
        }
    }

    @Test
    void aModulusBelowOneIsRefused() {
        assertThrows(ArithmeticException.class, () -> Barrett.of(BigInteger.ZERO));
        assertThrows(ArithmeticException.class, () -> Barrett.of(BigInteger.valueOf(-3)));
    }
}
