package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values: x is checked by substituting it back, A x = b, in exact rational arithmetic. */
class ExactSolverTest {
    static BigInteger[][] randomMatrix(SplittableRandom rnd, int n, int bits) {
        BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = new BigInteger(bits, new Random(rnd.nextLong())).subtract(BigInteger.ONE.shiftLeft(bits - 1));
            }
        }
        return a;
    }

    static void assertSolves(BigInteger[][] a, BigInteger[] b, FractionVector x) {
        for (int i = 0; i < a.length; i++) {
            BigInteger s = BigInteger.ZERO;
            for (int j = 0; j < a.length; j++) {
                s = s.add(a[i][j].multiply(x.numerator(j)));
            }
            assertEquals(b[i].multiply(x.denominator()), s, "row " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 10, 40, 60, 130})
    void solutionSatisfiesTheSystem(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        BigInteger[][] a = randomMatrix(rnd, n, 20);
        BigInteger[] b = randomMatrix(rnd, n, 20)[0];
        assertSolves(a, b, ExactSolver.solve(a, b));
        BigInteger[][] t = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
            }
        }
        assertSolves(t, b, ExactSolver.solveTransposed(a, b));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 60})
    void bareissAndDixonAgree(int n) {
        SplittableRandom rnd = new SplittableRandom(7 * n);
        BigInteger[][] a = randomMatrix(rnd, n, 90);
        BigInteger[] b = randomMatrix(rnd, n, 30)[1];
        FractionVector x1 = Bareiss.solve(a, b);
        FractionVector x2 = Dixon.solve(a, b);
        for (int i = 0; i < n; i++) {
            assertEquals(x1.get(i), x2.get(i));
        }
    }

    /**
     * Entries of many limbs and right-hand sides larger than the matrix's (the residual's digits grow past the
     * limbs), and a system past the 1024-term blocks of the lifting's dot products: checked by substitution.
     */
    @ParameterizedTest
    @ValueSource(ints = {49, 70})
    void dixonSolvesWideEntriesAndLargeRightHandSides(int n) {
        SplittableRandom rnd = new SplittableRandom(31 * n);
        BigInteger[][] a = randomMatrix(rnd, n, 200);
        BigInteger[] b = randomMatrix(rnd, n, 400)[0];
        assertSolves(a, b, Dixon.solve(a, b));
        BigInteger[][] small = randomMatrix(rnd, n, 3);
        assertSolves(small, b, Dixon.solve(small, b));
    }

    /**
     * Reconstruction modulo m is unique for numerators and denominators up to B when 2 B^2 &lt; m; Dixon's B is a
     * power of two no smaller than half of sqrt(m/2). Checked against BigInteger.sqrt on odd moduli of every size up
     * to 600 bits and on powers of word primes (the moduli Dixon uses).
     */
    @Test
    void reconstructionBoundKeepsFractionsUniqueAndLosesAtMostABit() {
        SplittableRandom rnd = new SplittableRandom(77);
        for (int bits = 2; bits <= 600; bits++) {
            for (int k = 0; k < 5; k++) {
                BigInteger m = new BigInteger(bits, new Random(rnd.nextLong())).setBit(bits - 1).setBit(0);
                checkBound(m);
            }
        }
        for (long p : WordPrimes.first(3)) {
            for (int e = 1; e <= 40; e++) {
                checkBound(BigInteger.valueOf(p).pow(e));
            }
        }
    }

    private static void checkBound(BigInteger m) {
        BigInteger b = Dixon.reconstructionBound(m);
        assertEquals(1, b.bitCount(), "a power of two for m = " + m);
        assertTrue(b.pow(2).shiftLeft(1).compareTo(m) < 0, "2 B^2 < m for m = " + m);
        assertTrue(b.shiftLeft(1).compareTo(m.shiftRight(1).sqrt()) > 0, "2 B > sqrt(m/2) for m = " + m);
    }

    /**
     * Lower triangular with a unit diagonal on the first four rows and 41-bit primes below: the first four entries
     * (Dixon's probe) are integers, and each later entry brings a new prime into the denominator, so the entries
     * past the probe grow the denominator one by one. Against Bareiss (exact elimination).
     */
    @Test
    void dixonGrowsTheDenominatorPastItsProbe() {
        SplittableRandom rnd = new SplittableRandom(404);
        int n = 14;
        BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = j < i ? BigInteger.valueOf(rnd.nextLong(-1000, 1000)) : BigInteger.ZERO;
            }
            a[i][i] = i < 4 ? BigInteger.ONE : BigInteger.valueOf(1L << 40).add(BigInteger.valueOf(rnd.nextLong(1 << 20)))
                    .nextProbablePrime();
        }
        BigInteger[] b = randomMatrix(rnd, n, 30)[0];
        FractionVector x1 = Bareiss.solve(a, b);
        FractionVector x2 = Dixon.solve(a, b);
        for (int i = 0; i < n; i++) {
            assertEquals(x1.get(i), x2.get(i), "entry " + i);
        }
        assertEquals(1, x2.get(3).denominator().bitLength(), "the probe's entries are integers");
    }

    @Test
    void dixonSolvesASystemWiderThanOneBlock() {
        SplittableRandom rnd = new SplittableRandom(1030);
        BigInteger[][] a = randomMatrix(rnd, 1030, 3);
        BigInteger[] b = randomMatrix(rnd, 1030, 8)[1];
        assertSolves(a, b, ExactSolver.solve(a, b));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 60})
    void singularMatrixIsRefused(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        BigInteger[][] a = randomMatrix(rnd, n, 10);
        a[n - 1] = a[0].clone(); // two equal rows
        BigInteger[] b = randomMatrix(rnd, n, 10)[1];
        assertThrows(ArithmeticException.class, () -> ExactSolver.solve(a, b));
    }

    /** Each column of solveColumns' answer solves its own system (checked by substitution). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 20})
    void everyColumnOfSolveColumnsSolvesItsSystem(int n) {
        SplittableRandom rnd = new SplittableRandom(100 + n);
        BigInteger[][] a = randomMatrix(rnd, n, 24);
        BigInteger[][] cols = randomMatrix(rnd, n, 16);
        FractionVector[] x = ExactSolver.solveColumns(a, cols);
        for (int c = 0; c < n; c++) {
            assertSolves(a, cols[c], x[c]);
        }
    }
}
