package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Both exact solvers (Bareiss and Dixon) on sparse integer systems, where zero pivots force row exchanges: every
 * answer is checked by substituting it into the system with Rational arithmetic (the definition of a solution), its
 * denominator must be positive, and singular systems (determinant 0, by RationalMatrix's elimination) must be refused.
 */
class SolverOracleTest {
    private static BigInteger[][] sparse(SplittableRandom rnd, int n, int bits) {
        BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rnd.nextInt(3) != 0 ? BigInteger.ZERO
                        : new BigInteger(bits, new Random(rnd.nextLong())).subtract(BigInteger.ONE.shiftLeft(bits - 1));
            }
        }
        // one entry per row, in the column of the row's rank among random keys, gets 3 or -5 added: most systems stay
        // nonsingular while about a third of the other entries, the leading ones among them, are zero
        int[] p = rnd.ints(0, 1 << 20).limit(n).toArray();
        for (int i = 0; i < n; i++) {
            int j = 0;
            for (int k = 0; k < n; k++) {
                if (p[k] < p[i]) {
                    j++;
                }
            }
            a[i][Math.min(j, n - 1)] = a[i][Math.min(j, n - 1)].add(BigInteger.valueOf(rnd.nextBoolean() ? 3 : -5));
        }
        return a;
    }

    private static BigInteger[] vector(SplittableRandom rnd, int n) {
        BigInteger[] b = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            b[i] = BigInteger.valueOf(rnd.nextLong(-1000, 1000));
        }
        return b;
    }

    private static boolean singular(BigInteger[][] a) {
        Rational[][] r = new Rational[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                r[i][j] = Rational.of(a[i][j]);
            }
        }
        return RationalMatrix.ofRows(r).determinant().isZero();
    }

    private static void assertSolves(BigInteger[][] a, BigInteger[] b, FractionVector x, boolean transposed) {
        int n = b.length;
        assertTrue(x.denominator().signum() > 0, "positive denominator");
        for (int i = 0; i < n; i++) {
            Rational s = Rational.ZERO;
            for (int j = 0; j < n; j++) {
                s = s.add(Rational.of(transposed ? a[j][i] : a[i][j]).multiply(x.get(j)));
            }
            assertEquals(Rational.of(b[i]), s, "row " + i);
        }
    }

    @Test
    void sparseSystemsAreSolvedOrRefusedByBothSolvers() {
        SplittableRandom rnd = new SplittableRandom(139);
        int refused = 0;
        int zeroCorner = 0;
        for (int t = 0; t < 300; t++) {
            int n = rnd.nextInt(1, 9);
            BigInteger[][] a = sparse(rnd, n, rnd.nextBoolean() ? 4 : 90);
            BigInteger[] b = vector(rnd, n);
            if (singular(a)) {
                refused++;
                assertThrows(ArithmeticException.class, () -> ExactSolver.solve(a, b));
                assertThrows(ArithmeticException.class, () -> Dixon.solve(a, b));
                assertThrows(ArithmeticException.class, () -> ExactSolver.solveColumns(a, new BigInteger[][] {b}));
                continue;
            }
            zeroCorner += n > 1 && a[0][0].signum() == 0 ? 1 : 0;
            assertSolves(a, b, ExactSolver.solve(a, b), false);
            assertSolves(a, b, Dixon.solve(a, b), false);
            assertSolves(a, b, ExactSolver.solveTransposed(a, b), true);
            BigInteger[] b2 = vector(rnd, n);
            FractionVector[] cols = ExactSolver.solveColumns(a, new BigInteger[][] {b, b2});
            assertSolves(a, b, cols[0], false);
            assertSolves(a, b2, cols[1], false);
        }
        assertTrue(refused > 5 && refused < 250, "singular systems among the draws: " + refused);
        assertTrue(zeroCorner > 20, "nonsingular systems that need a row exchange at the first pivot: " + zeroCorner);
    }

    @Test
    void shapesThatAreNotSquareAreRefused() {
        BigInteger[][] wide = {{BigInteger.ONE, BigInteger.ZERO}};
        BigInteger[][] ragged = {{BigInteger.ONE, BigInteger.ZERO}, {BigInteger.ONE}};
        BigInteger[] one = {BigInteger.ONE};
        BigInteger[] two = {BigInteger.ONE, BigInteger.TWO};
        assertThrows(IllegalArgumentException.class, () -> ExactSolver.solve(wide, one));
        assertThrows(IllegalArgumentException.class, () -> ExactSolver.solve(ragged, two));
        assertThrows(IllegalArgumentException.class, () -> ExactSolver.solve(ragged, one));
        assertThrows(IllegalArgumentException.class, () -> ExactSolver.solveTransposed(ragged, two));
        assertThrows(IllegalArgumentException.class, () -> ExactSolver.solveColumns(ragged, new BigInteger[][] {two}));
        BigInteger[][] id = {{BigInteger.ONE, BigInteger.ZERO}, {BigInteger.ZERO, BigInteger.ONE}};
        assertThrows(IllegalArgumentException.class, () -> ExactSolver.solveColumns(id, new BigInteger[][] {one}));
    }
}
