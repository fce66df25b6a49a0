package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * One-step fraction-free (Bareiss) elimination: its last pivot is +-det(A), and the back substitution stays in
 * the integers by Cramer's rule. Arguments are checked by {@link ExactSolver}.
 */
final class Bareiss {
    private Bareiss() {
    }

    /** Solves A x = b; ArithmeticException when A is singular. */
    static FractionVector solve(BigInteger[][] a0, BigInteger[] b) {
        int n = a0.length;
        BigInteger[][] m = new BigInteger[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a0[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        return backSubstitute(m, n, n, eliminate(m, n));
    }

    /** Solves A X = B for the columns of B by one elimination of [A | B], each column over |det A|. */
    static FractionVector[] solveColumns(BigInteger[][] a, BigInteger[][] columns) {
        int n = a.length;
        int r = columns.length;
        BigInteger[][] m = new BigInteger[n][n + r];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            for (int c = 0; c < r; c++) {
                m[i][n + c] = columns[c][i];
            }
        }
        BigInteger det = eliminate(m, n);
        FractionVector[] out = new FractionVector[r];
        for (int c = 0; c < r; c++) {
            out[c] = backSubstitute(m, n, n + c, det);
        }
        return out;
    }

    /** One-step Bareiss on the first n columns of m (n rows, any number of columns); returns the last pivot. */
    private static BigInteger eliminate(BigInteger[][] m, int n) {
        int width = m[0].length;
        BigInteger prev = BigInteger.ONE;
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && m[p][k].signum() == 0) {
                p++;
            }
            if (p == n) {
                throw new ArithmeticException("ExactSolver.solve: the matrix is singular (column " + k + " has no pivot)");
            }
            if (p != k) {
                BigInteger[] t = m[p];
                m[p] = m[k];
                m[k] = t; // the last pivot becomes the permuted system's determinant; x does not change
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < width; j++) {
                    m[i][j] = m[k][k].multiply(m[i][j]).subtract(m[i][k].multiply(m[k][j])).divide(prev);
                }
                m[i][k] = BigInteger.ZERO;
            }
            prev = m[k][k];
        }
        return prev;
    }

    /** x = (column c of the eliminated system) / det, by Cramer-scaled back substitution, with a positive denominator. */
    private static FractionVector backSubstitute(BigInteger[][] m, int n, int c, BigInteger det) {
        BigInteger[] y = new BigInteger[n];
        for (int i = n - 1; i >= 0; i--) {
            BigInteger s = det.multiply(m[i][c]);
            for (int j = i + 1; j < n; j++) {
                s = s.subtract(m[i][j].multiply(y[j]));
            }
            BigInteger[] qr = s.divideAndRemainder(m[i][i]);
            if (qr[1].signum() != 0) {
                throw new IllegalStateException("Bareiss.solve: inexact back substitution in row " + i);
            }
            y[i] = qr[0];
        }
        if (det.signum() < 0) {
            for (int i = 0; i < n; i++) {
                y[i] = y[i].negate();
            }
            return FractionVector.wrap(y, det.negate());
        }
        return FractionVector.wrap(y, det);
    }

}
