package org.localitycheck.arith;

import java.util.Arrays;

/**
 * An immutable dense matrix of rationals, the single matrix implementation of the exact core. Every sum
 * of products over agent-sized matrices (H, its powers, the Neumann sums) goes through here.
 */
public final class RationalMatrix {
    private final int rows;
    private final int cols;
    private final Rational[][] a;

    private RationalMatrix(Rational[][] a, int rows, int cols) {
        this.a = a;
        this.rows = rows;
        this.cols = cols;
    }

    /** The n x n matrix with row j holding {@code values[j][p]} in column {@code cols[j][p]} and zeros elsewhere. */
    public static RationalMatrix ofSparseRows(int[][] cols, Rational[][] values) {
        int n = cols.length;
        Rational[][] m = new Rational[n][n];
        for (Rational[] row : m) {
            Arrays.fill(row, Rational.ZERO);
        }
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < cols[j].length; p++) {
                m[j][cols[j][p]] = values[j][p];
            }
        }
        return new RationalMatrix(m, n, n);
    }

    public static RationalMatrix ofRows(Rational[][] entries) {
        int r = entries.length;
        int c = r == 0 ? 0 : entries[0].length;
        Rational[][] copy = new Rational[r][];
        for (int i = 0; i < r; i++) {
            if (entries[i].length != c) {
                throw new IllegalArgumentException("RationalMatrix.ofRows: row " + i + " has " + entries[i].length
                        + " entries, row 0 has " + c);
            }
            copy[i] = entries[i].clone();
            for (int j = 0; j < c; j++) {
                if (copy[i][j] == null) {
                    throw new IllegalArgumentException("RationalMatrix.ofRows: entry (" + i + "," + j + ") is null");
                }
            }
        }
        return new RationalMatrix(copy, r, c);
    }

    public static RationalMatrix zeros(int r, int c) {
        Rational[][] z = new Rational[r][c];
        for (Rational[] row : z) {
            Arrays.fill(row, Rational.ZERO);
        }
        return new RationalMatrix(z, r, c);
    }

    public static RationalMatrix identity(int n) {
        Rational[][] z = zeros(n, n).a;
        for (int i = 0; i < n; i++) {
            z[i][i] = Rational.ONE;
        }
        return new RationalMatrix(z, n, n);
    }

    public static RationalMatrix diagonal(RationalVector d) {
        int n = d.size();
        Rational[][] z = zeros(n, n).a;
        for (int i = 0; i < n; i++) {
            z[i][i] = d.get(i);
        }
        return new RationalMatrix(z, n, n);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Rational get(int i, int j) {
        return a[i][j];
    }

    public Rational[][] toArray() {
        Rational[][] copy = new Rational[rows][];
        for (int i = 0; i < rows; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    public RationalVector row(int i) {
        return RationalVector.of(a[i]);
    }

    public RationalMatrix with(int i, int j, Rational value) {
        Rational[][] c = toArray();
        c[i][j] = value;
        return new RationalMatrix(c, rows, cols);
    }

    public RationalMatrix transpose() {
        Rational[][] t = new Rational[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = a[i][j];
            }
        }
        return new RationalMatrix(t, cols, rows);
    }

    public RationalMatrix add(RationalMatrix o) {
        sameShape("add", o);
        Rational[][] r = new Rational[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[i][j] = a[i][j].add(o.a[i][j]);
            }
        }
        return new RationalMatrix(r, rows, cols);
    }

    public RationalMatrix subtract(RationalMatrix o) {
        return add(o.scale(Rational.MINUS_ONE));
    }

    public RationalMatrix scale(Rational c) {
        Rational[][] r = new Rational[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[i][j] = a[i][j].multiply(c);
            }
        }
        return new RationalMatrix(r, rows, cols);
    }

    public RationalMatrix multiply(RationalMatrix o) {
        if (cols != o.rows) {
            throw new IllegalArgumentException("RationalMatrix.multiply: " + rows + "x" + cols + " times "
                    + o.rows + "x" + o.cols);
        }
        Rational[][] r = new Rational[rows][o.cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < o.cols; j++) {
                Rational s = Rational.ZERO;
                for (int k = 0; k < cols; k++) {
                    if (!a[i][k].isZero() && !o.a[k][j].isZero()) {
                        s = s.add(a[i][k].multiply(o.a[k][j]));
                    }
                }
                r[i][j] = s;
            }
        }
        return new RationalMatrix(r, rows, o.cols);
    }

    public RationalVector multiply(RationalVector x) {
        if (cols != x.size()) {
            throw new IllegalArgumentException("RationalMatrix.multiply: " + rows + "x" + cols
                    + " times a vector of size " + x.size());
        }
        Rational[] r = new Rational[rows];
        for (int i = 0; i < rows; i++) {
            Rational s = Rational.ZERO;
            for (int k = 0; k < cols; k++) {
                if (!a[i][k].isZero()) {
                    s = s.add(a[i][k].multiply(x.get(k)));
                }
            }
            r[i] = s;
        }
        return RationalVector.wrap(r);
    }

    /** M^t by repeated squaring; M^0 = I. */
    public RationalMatrix pow(int t) {
        square("pow");
        if (t < 0) {
            throw new IllegalArgumentException("RationalMatrix.pow: negative exponent " + t);
        }
        RationalMatrix result = identity(rows);
        RationalMatrix base = this;
        while (t > 0) {
            if ((t & 1) == 1) {
                result = result.multiply(base);
            }
            t >>= 1;
            if (t > 0) {
                base = base.multiply(base);
            }
        }
        return result;
    }

    /** The induced infinity norm: the largest absolute row sum. */
    public Rational normInf() {
        Rational m = Rational.ZERO;
        for (int i = 0; i < rows; i++) {
            Rational s = Rational.ZERO;
            for (int j = 0; j < cols; j++) {
                s = s.add(a[i][j].abs());
            }
            m = m.max(s);
        }
        return m;
    }

    /** The induced 1-norm: the largest absolute column sum. */
    public Rational norm1() {
        return transpose().normInf();
    }

    public Rational maxEntry() {
        Rational m = a[0][0];
        for (Rational[] row : a) {
            for (Rational x : row) {
                m = m.max(x);
            }
        }
        return m;
    }

    public boolean isNonnegative() {
        for (Rational[] row : a) {
            for (Rational x : row) {
                if (x.signum() < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    public boolean isZero() {
        for (Rational[] row : a) {
            for (Rational x : row) {
                if (!x.isZero()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when every entry is at most the matching entry of {@code o}. */
    public boolean isEntrywiseAtMost(RationalMatrix o) {
        sameShape("compare", o);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (a[i][j].compareTo(o.a[i][j]) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Determinant by Gaussian elimination with exact rational pivots (small matrices). */
    public Rational determinant() {
        square("determinant");
        Rational[][] m = toArray();
        Rational det = Rational.ONE;
        for (int k = 0; k < rows; k++) {
            int p = k;
            while (p < rows && m[p][k].isZero()) {
                p++;
            }
            if (p == rows) {
                return Rational.ZERO;
            }
            if (p != k) {
                Rational[] t = m[p];
                m[p] = m[k];
                m[k] = t;
                det = det.negate();
            }
            det = det.multiply(m[k][k]);
            for (int i = k + 1; i < rows; i++) {
                if (m[i][k].isZero()) {
                    continue;
                }
                Rational f = m[i][k].divide(m[k][k]);
                for (int j = k; j < cols; j++) {
                    m[i][j] = m[i][j].subtract(f.multiply(m[k][j]));
                }
            }
        }
        return det;
    }

    /** The inverse by Gauss-Jordan elimination over the rationals; ArithmeticException when singular. */
    public RationalMatrix inverse() {
        square("inverse");
        int n = rows;
        Rational[][] m = toArray();
        Rational[][] inv = identity(n).toArray();
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && m[p][k].isZero()) {
                p++;
            }
            if (p == n) {
                throw new ArithmeticException("RationalMatrix.inverse: the matrix is singular (no pivot in column "
                        + k + ")");
            }
            Rational[] t = m[p];
            m[p] = m[k];
            m[k] = t;
            t = inv[p];
            inv[p] = inv[k];
            inv[k] = t;
            Rational piv = m[k][k].reciprocal();
            for (int j = 0; j < n; j++) {
                m[k][j] = m[k][j].multiply(piv);
                inv[k][j] = inv[k][j].multiply(piv);
            }
            for (int i = 0; i < n; i++) {
                if (i == k || m[i][k].isZero()) {
                    continue;
                }
                Rational f = m[i][k];
                for (int j = 0; j < n; j++) {
                    if (!m[k][j].isZero()) {
                        m[i][j] = m[i][j].subtract(f.multiply(m[k][j]));
                    }
                    if (!inv[k][j].isZero()) {
                        inv[i][j] = inv[i][j].subtract(f.multiply(inv[k][j]));
                    }
                }
            }
        }
        return new RationalMatrix(inv, n, n);
    }

    /**
     * Pivots of Gaussian elimination without row exchanges, or null when a zero pivot appears before the
     * last step. Used to decide whether a Z-matrix is a nonsingular M-matrix (all pivots positive).
     */
    public Rational[] pivotsWithoutExchange() {
        square("pivots");
        int n = rows;
        Rational[][] m = toArray();
        Rational[] piv = new Rational[n];
        for (int k = 0; k < n; k++) {
            piv[k] = m[k][k];
            if (piv[k].isZero()) {
                return k == n - 1 ? piv : null;
            }
            for (int i = k + 1; i < n; i++) {
                if (m[i][k].isZero()) {
                    continue;
                }
                Rational f = m[i][k].divide(m[k][k]);
                for (int j = k + 1; j < n; j++) {
                    if (!m[k][j].isZero()) {
                        m[i][j] = m[i][j].subtract(f.multiply(m[k][j]));
                    }
                }
            }
        }
        return piv;
    }

    /** The principal submatrix on the given (sorted) indices. */
    public RationalMatrix principal(int[] idx) {
        Rational[][] r = new Rational[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                r[i][j] = a[idx[i]][idx[j]];
            }
        }
        return new RationalMatrix(r, idx.length, idx.length);
    }

    private void square(String op) {
        if (rows != cols) {
            throw new IllegalArgumentException("RationalMatrix." + op + ": matrix is " + rows + "x" + cols
                    + ", not square");
        }
    }

    private void sameShape(String op, RationalMatrix o) {
        if (rows != o.rows || cols != o.cols) {
            throw new IllegalArgumentException("RationalMatrix." + op + ": shapes " + rows + "x" + cols + " and "
                    + o.rows + "x" + o.cols + " differ");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RationalMatrix && Arrays.deepEquals(a, ((RationalMatrix) o).a);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(a);
    }
}
