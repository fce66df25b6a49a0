package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Exact solution of A x = b for a nonsingular integer matrix A: up to {@link #BAREISS_LIMIT} unknowns by
 * fraction-free elimination ({@link Bareiss}), past it by p-adic lifting ({@link Dixon}).
 */
public final class ExactSolver {
    /** Below this many unknowns Bareiss elimination is used. */
    public static final int BAREISS_LIMIT = 48;

    private ExactSolver() {
    }

    /** Solves A x = b; ArithmeticException when A is singular. */
    public static FractionVector solve(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        if (b.length != n) {
            throw new IllegalArgumentException("ExactSolver.solve: " + n + " equations but " + b.length
                    + " right-hand sides");
        }
        requireSquare(a, "ExactSolver.solve");
        return n <= BAREISS_LIMIT ? Bareiss.solve(a, b) : Dixon.solve(a, b);
    }

    /** Solves A^T x = b. */
    public static FractionVector solveTransposed(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        requireSquare(a, "ExactSolver.solveTransposed");
        BigInteger[][] t = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
            }
        }
        return solve(t, b);
    }

    /**
     * Solves A X = B for several right-hand sides (the columns of B) by one fraction-free elimination of [A | B]:
     * column c of the answer is {@code result[c]}, all over the denominator |det A|. ArithmeticException when A is
     * singular.
     */
    public static FractionVector[] solveColumns(BigInteger[][] a, BigInteger[][] columns) {
        requireSquare(a, "ExactSolver.solveColumns");
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != a.length) {
                throw new IllegalArgumentException("ExactSolver.solveColumns: column " + c + " has "
                        + columns[c].length + " entries, expected " + a.length);
            }
        }
        return Bareiss.solveColumns(a, columns);
    }

    private static void requireSquare(BigInteger[][] a, String operation) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != a.length) {
                throw new IllegalArgumentException(operation + ": row " + i + " has " + a[i].length
                        + " entries, expected " + a.length);
            }
        }
    }
}
