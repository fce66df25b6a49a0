package org.localitycheck.oracle;

import ch.obermuhlner.math.big.BigRational;
import java.util.function.Function;

/**
 * Textbook matrix arithmetic on big-math's BigRational, for tests that need an oracle independent of both the
 * engine's RationalMatrix and the checker's Mat: the product by its definition, the determinant by cofactor
 * expansion. Every entry is reduced, since BigRational does not reduce by itself.
 */
public final class BigRationalMatrices {
    private BigRationalMatrices() {
    }

    /** The matrix entry by entry through {@code toBig} (from the engine's Rational or the checker's Frac). */
    public static <T> BigRational[][] of(T[][] m, Function<T, BigRational> toBig) {
        BigRational[][] b = new BigRational[m.length][];
        for (int i = 0; i < m.length; i++) {
            b[i] = new BigRational[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                b[i][j] = toBig.apply(m[i][j]);
            }
        }
        return b;
    }

    public static BigRational[][] product(BigRational[][] x, BigRational[][] y) {
        BigRational[][] p = new BigRational[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                BigRational s = BigRational.ZERO;
                for (int k = 0; k < y.length; k++) {
                    s = s.add(x[i][k].multiply(y[k][j]));
                }
                p[i][j] = s.reduce();
            }
        }
        return p;
    }

    /** det by cofactor expansion along the first row (exponential: small matrices only). */
    public static BigRational cofactorDet(BigRational[][] m) {
        int n = m.length;
        if (n == 0) {
            return BigRational.ONE;
        }
        BigRational det = BigRational.ZERO;
        for (int c = 0; c < n; c++) {
            BigRational[][] minor = new BigRational[n - 1][n - 1];
            for (int i = 1; i < n; i++) {
                for (int j = 0, jj = 0; j < n; j++) {
                    if (j != c) {
                        minor[i - 1][jj++] = m[i][j];
                    }
                }
            }
            BigRational term = m[0][c].multiply(cofactorDet(minor));
            det = c % 2 == 0 ? det.add(term) : det.subtract(term);
        }
        return det.reduce();
    }
}
