package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SpectralRadius against matrices whose spectral radius is known in closed form: a nonnegative triangular matrix
 * with its rows and columns permuted has rho = its largest diagonal entry; a nonnegative 2x2 matrix [[a, b], [c, d]]
 * has rho = (a + d)/2 + sqrt(((a - d)/2)^2 + bc), whose order against any rational is decided exactly here by
 * squaring; two irreducible matrices with rational rho are checked at it. Expected signs come from these formulas, never from the code under test.
 */
class SpectralRadiusOracleTest {
    private static Rational small(SplittableRandom rnd) {
        return rnd.nextInt(3) == 0 ? Rational.ZERO : Rational.of(rnd.nextInt(1, 9), rnd.nextInt(1, 5));
    }

    /** P T P^T for a random upper-triangular T >= 0 and permutation P; returns the matrix and max diag. */
    private static Object[] permutedTriangular(SplittableRandom rnd, int n) {
        Rational[][] t = new Rational[n][n];
        Rational max = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = j < i ? Rational.ZERO : small(rnd);
            }
            max = max.max(t[i][i]);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int x = p[i];
            p[i] = p[k];
            p[k] = x;
        }
        Rational[][] m = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[p[i]][p[j]] = t[i][j];
            }
        }
        return new Object[] {RationalMatrix.ofRows(m), max};
    }

    @Test
    void permutedTriangularMatricesAreComparedExactly() {
        SplittableRandom rnd = new SplittableRandom(73);
        for (int t = 0; t < 300; t++) {
            int n = rnd.nextInt(1, 6);
            Object[] pt = permutedTriangular(rnd, n);
            RationalMatrix m = (RationalMatrix) pt[0];
            Rational rho = (Rational) pt[1];
            for (Rational lambda : new Rational[] {rho, rho.add(Rational.of(1, 7)), rho.subtract(Rational.of(1, 7)),
                small(rnd), Rational.ZERO, Rational.MINUS_ONE}) {
                assertEquals(Integer.signum(rho.compareTo(lambda)), SpectralRadius.compare(m, lambda),
                        "rho = " + rho + " against " + lambda + " for " + m);
            }
            RationalInterval e = SpectralRadius.enclose(m);
            assertTrue(e.contains(rho), e + " holds " + rho);
            assertTrue(e.width().compareTo(SpectralRadius.DEFAULT_WIDTH) <= 0);
            RationalInterval b = SpectralRadius.bisect(m, Rational.ZERO, m.normInf(), Rational.of(1, 64));
            assertTrue(b.contains(rho) && b.width().compareTo(Rational.of(1, 64)) <= 0, b + " holds " + rho);
            assertEquals(rho.isZero(), SpectralRadius.isNilpotent(m), "nilpotent exactly when rho = 0: " + m);
        }
    }

    /** sign(rho - lambda) for [[a, b], [c, d]] >= 0, exactly: rho = s + sqrt(q) with s = (a+d)/2, q = ((a-d)/2)^2 + bc. */
    private static int twoByTwoSign(Rational a, Rational b, Rational c, Rational d, Rational lambda) {
        Rational s = a.add(d).multiply(Rational.HALF);
        Rational h = a.subtract(d).multiply(Rational.HALF);
        Rational q = h.multiply(h).add(b.multiply(c));
        Rational gap = lambda.subtract(s); // rho - lambda = sqrt(q) - gap
        if (gap.signum() < 0) {
            return 1;
        }
        return Integer.signum(q.compareTo(gap.multiply(gap)));
    }

    @Test
    void twoByTwoMatricesAgreeWithTheQuadraticFormula() {
        SplittableRandom rnd = new SplittableRandom(79);
        for (int t = 0; t < 600; t++) {
            Rational a = small(rnd);
            Rational b = small(rnd);
            Rational c = small(rnd);
            Rational d = small(rnd);
            RationalMatrix m = RationalMatrix.ofRows(new Rational[][] {{a, b}, {c, d}});
            // lambda on a grid, and exactly at rho when it is rational (b c = 0 or a perfect square)
            Rational lambda = Rational.of(rnd.nextInt(0, 40), 4);
            assertEquals(twoByTwoSign(a, b, c, d, lambda), SpectralRadius.compare(m, lambda), m + " against " + lambda);
            if (b.isZero() || c.isZero()) {
                Rational rho = a.max(d);
                assertEquals(0, SpectralRadius.compare(m, rho), m + " at its rho " + rho);
            }
            RationalInterval e = SpectralRadius.enclose(m, Rational.of(1, 1 << 20));
            assertTrue(e.width().compareTo(Rational.of(1, 1 << 20)) <= 0);
            assertTrue(twoByTwoSign(a, b, c, d, e.lower()) >= 0 && twoByTwoSign(a, b, c, d, e.upper()) <= 0,
                    e + " holds rho of " + m);
        }
        // irreducible matrices at their rational rho: [[1, 2], [2, 1]] has eigenvalues 3 and -1, [[0, 1], [4, 0]] 2 and -2
        Rational two = Rational.TWO;
        RationalMatrix sym = RationalMatrix.ofRows(new Rational[][] {{Rational.ONE, two}, {two, Rational.ONE}});
        assertEquals(0, SpectralRadius.compare(sym, Rational.of(3)));
        assertEquals(RationalInterval.point(Rational.of(3)), SpectralRadius.enclose(sym));
        RationalMatrix swap = RationalMatrix.ofRows(new Rational[][] {{Rational.ZERO, Rational.ONE}, {Rational.of(4), Rational.ZERO}});
        assertEquals(0, SpectralRadius.compare(swap, two));
        assertEquals(-1, SpectralRadius.compare(swap, Rational.of(9, 4)));
        assertEquals(1, SpectralRadius.compare(swap, Rational.of(7, 4)));
        // rho = lambda with a singular lambda I - M whose leading minors vanish: the principal-minor test decides
        RationalMatrix blocks = RationalMatrix.ofRows(new Rational[][] {
            {Rational.ONE, Rational.ZERO, Rational.ZERO}, {Rational.ZERO, Rational.HALF, Rational.ONE},
            {Rational.ZERO, Rational.ZERO, Rational.HALF}});
        assertEquals(0, SpectralRadius.compare(blocks, Rational.ONE));
        assertEquals(1, SpectralRadius.compare(blocks, Rational.of(3, 4)));
        assertEquals(0, SpectralRadius.compare(blocks.transpose(), Rational.ONE));
    }

    @Test
    void whatIsNotDecidedIsRefused() {
        RationalMatrix negative = RationalMatrix.ofRows(new Rational[][] {{Rational.MINUS_ONE}});
        assertThrows(IllegalArgumentException.class, () -> SpectralRadius.compare(negative, Rational.ONE));
        assertThrows(IllegalArgumentException.class, () -> SpectralRadius.isNilpotent(negative));
        assertThrows(IllegalArgumentException.class, () -> SpectralRadius.enclose(RationalMatrix.zeros(1, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> SpectralRadius.enclose(RationalMatrix.identity(2), Rational.ZERO));
    }
}
