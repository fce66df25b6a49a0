package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The proven bounds of {@link DyadicSystem} against the exact inverse ({@link ExactSolver}, fraction-free elimination):
 * M bounds ||A^{-1}||_inf, and the exact solution lies within M ||b - A x||_inf of the refined x. A singular and a
 * badly conditioned matrix get no bound.
 */
class DyadicSystemTest {
    static final int W = 96;

    /** A diagonally weighted random matrix on the 2^-W grid (entries a few units in size). */
    static BigInteger[][] random(SplittableRandom rnd, int n) {
        BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger x = new BigInteger(W, new java.util.Random(rnd.nextLong())).subtract(BigInteger.ONE.shiftLeft(W - 1));
                a[i][j] = i == j ? x.add(BigInteger.ONE.shiftLeft(W + 1).multiply(BigInteger.valueOf(n))) : x;
            }
        }
        return a;
    }

    @Test
    void boundsTheExactInverseAndTheSolutionError() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 6; trial++) {
            int n = 2 + trial * 3;
            BigInteger[][] a = random(rnd, n);
            DyadicSystem sys = DyadicSystem.of(a, W).orElseThrow();
            BigInteger[][] id = new BigInteger[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    id[i][j] = i == j ? BigInteger.ONE.shiftLeft(W) : BigInteger.ZERO; // columns; A = a / 2^W: A^{-1} = 2^W a^{-1}
                }
            }
            FractionVector[] inv = ExactSolver.solveColumns(a, id);
            Rational norm = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                Rational row = Rational.ZERO;
                for (int j = 0; j < n; j++) {
                    row = row.add(inv[j].get(i).abs());
                }
                norm = norm.max(row);
            }
            assertTrue(norm.compareTo(sys.inverseNormBound()) <= 0, "||A^-1|| " + norm.doubleValue() + " > M "
                    + sys.inverseNormBound().doubleValue());
            assertTrue(sys.inverseNormBound().compareTo(norm.multiply(Rational.TWO)) < 0, "M is far above the norm");
            BigInteger[] b = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                b[i] = BigInteger.valueOf(rnd.nextLong(-1000, 1000)).shiftLeft(W - 8);
            }
            for (boolean transposed : new boolean[] {false, true}) {
                BigInteger[] x = transposed ? sys.solveTransposed(b) : sys.solve(b);
                BigInteger[] res = transposed ? sys.residualTransposed(x, b) : sys.residual(x, b);
                BigInteger top = BigInteger.ZERO;
                for (BigInteger v : res) {
                    top = top.max(v.abs());
                }
                Rational bound = sys.inverseNormBound().multiply(Rational.of(top, BigInteger.ONE.shiftLeft(2 * W)));
                assertTrue(bound.compareTo(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(W - 16))) < 0,
                        "refinement stopped early: error bound " + bound.doubleValue());
                BigInteger[][] rhs = {b}; // one column
                BigInteger[][] m = new BigInteger[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        m[i][j] = transposed ? a[j][i] : a[i][j];
                    }
                }
                FractionVector exact = ExactSolver.solveColumns(m, rhs)[0]; // b and A share the scale 2^W, so x = a^{-1} b
                for (int i = 0; i < n; i++) {
                    Rational err = exact.get(i).subtract(Rational.of(x[i], BigInteger.ONE.shiftLeft(W))).abs();
                    assertTrue(err.compareTo(bound) <= 0, "entry " + i + ": error " + err.doubleValue() + " above "
                            + bound.doubleValue());
                }
            }
        }
    }

    /** Numerators beyond 2^1024 (a grid finer than double's range, as EnclosedEvaluation asks at 1024 bits and up). */
    @Test
    void provesBoundsOnGridsBeyondTheDoubleRange() {
        int w = 1200;
        BigInteger one = BigInteger.ONE.shiftLeft(w);
        BigInteger[][] a = {{one.multiply(BigInteger.TWO), one}, {BigInteger.ZERO, one}}; // A = [[2, 1], [0, 1]]
        DyadicSystem sys = DyadicSystem.of(a, w).orElseThrow();
        // A^{-1} = [[1/2, -1/2], [0, 1]]: ||A^{-1}||_inf = 1
        assertTrue(sys.inverseNormBound().compareTo(Rational.ONE) >= 0);
        assertTrue(sys.inverseNormBound().compareTo(Rational.of(11, 10)) < 0, sys.inverseNormBound().toString());
    }

    @Test
    void refusesSingularAndIllConditionedMatrices() {
        BigInteger one = BigInteger.ONE.shiftLeft(W);
        BigInteger[][] singular = {{one, one}, {one, one}};
        assertTrue(DyadicSystem.of(singular, W).isEmpty());
        int n = 14; // the Hilbert matrix of order 14 has condition number about 1e19, beyond double precision
        BigInteger[][] hilbert = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hilbert[i][j] = one.divide(BigInteger.valueOf(i + j + 1));
            }
        }
        assertTrue(DyadicSystem.of(hilbert, W).isEmpty());
        assertEquals(W, DyadicSystem.of(new BigInteger[][] {{one}}, W).orElseThrow().gridBits());
    }
}
