package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralRadiusTest {
    static RationalMatrix m(String[][] e) {
        Rational[][] r = new Rational[e.length][e[0].length];
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[0].length; j++) {
                r[i][j] = Rational.parse(e[i][j]);
            }
        }
        return RationalMatrix.ofRows(r);
    }

    /** Strictly upper-triangular: nilpotent, rho = 0 exactly. */
    @Test
    void nilpotentMatrixHasTheExactEnclosureZero() {
        RationalMatrix a = m(new String[][] {{"0", "5", "1"}, {"0", "0", "7"}, {"0", "0", "0"}});
        assertEquals(RationalInterval.point(Rational.ZERO), SpectralRadius.enclose(a));
        assertEquals(0, SpectralRadius.compare(a, Rational.ZERO));
    }

    /** [[1/2, 1], [0, 1/2]]: eigenvalue 1/2 twice, so rho = 1/2; the comparison is exact on both sides. */
    @Test
    void jordanBlockIsComparedExactly() {
        RationalMatrix a = m(new String[][] {{"1/2", "1"}, {"0", "1/2"}});
        assertEquals(0, SpectralRadius.compare(a, Rational.HALF));
        assertEquals(1, SpectralRadius.compare(a, Rational.parse("0.4999")));
        assertEquals(-1, SpectralRadius.compare(a, Rational.parse("0.5001")));
    }

    /** [[1, 1], [1, 0]]: rho = golden ratio (1 + sqrt 5)/2 = 1.6180339887498948..., irrational. */
    @Test
    void goldenRatioIsEnclosedWithin1e12() {
        RationalInterval r = SpectralRadius.enclose(m(new String[][] {{"1", "1"}, {"1", "0"}}));
        assertTrue(r.width().compareTo(Rational.parse("0.000000000001")) <= 0);
        assertTrue(r.lower().compareTo(Rational.parse("1.618033988749")) > 0);
        assertTrue(r.upper().compareTo(Rational.parse("1.618033988750")) < 0);
        // (x^2 - x - 1) changes sign across the enclosure
        Rational lo = r.lower();
        Rational hi = r.upper();
        assertTrue(lo.multiply(lo).subtract(lo).subtract(Rational.ONE).signum() < 0);
        assertTrue(hi.multiply(hi).subtract(hi).subtract(Rational.ONE).signum() > 0);
    }

    /** Reducible with a zero block: [[0, 1], [0, 1]] has eigenvalues 0 and 1. */
    @Test
    void reducibleMatrixIsDecided() {
        RationalMatrix a = m(new String[][] {{"0", "1"}, {"0", "1"}});
        assertEquals(0, SpectralRadius.compare(a, Rational.ONE));
        assertEquals(RationalInterval.point(Rational.ONE), SpectralRadius.enclose(a));
    }
}
