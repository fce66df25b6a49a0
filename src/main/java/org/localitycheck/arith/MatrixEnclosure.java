package org.localitycheck.arith;

/**
 * An entrywise enclosure lower &lt;= M &lt;= upper of a matrix known only by enclosures (for instance Pi, C or H of a
 * softmax policy). For nonnegative matrices every monotone quantity (products, powers, spectral radius) is enclosed
 * by its values at the two ends.
 */
public record MatrixEnclosure(RationalMatrix lower, RationalMatrix upper) {
    public MatrixEnclosure {
        if (lower.rows() != upper.rows() || lower.cols() != upper.cols()) {
            throw new IllegalArgumentException("MatrixEnclosure: ends of shape " + lower.rows() + "x" + lower.cols()
                    + " and " + upper.rows() + "x" + upper.cols());
        }
        if (!lower.isEntrywiseAtMost(upper)) {
            throw new IllegalArgumentException("MatrixEnclosure: the lower end exceeds the upper end somewhere");
        }
    }

    public static MatrixEnclosure point(RationalMatrix m) {
        return new MatrixEnclosure(m, m);
    }

    public static MatrixEnclosure of(RationalInterval[][] entries) {
        int r = entries.length;
        int c = r == 0 ? 0 : entries[0].length;
        Rational[][] lo = new Rational[r][c];
        Rational[][] hi = new Rational[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                lo[i][j] = entries[i][j].lower();
                hi[i][j] = entries[i][j].upper();
            }
        }
        return new MatrixEnclosure(RationalMatrix.ofRows(lo), RationalMatrix.ofRows(hi));
    }

    public RationalInterval get(int i, int j) {
        return RationalInterval.of(lower.get(i, j), upper.get(i, j));
    }

    public int rows() {
        return lower.rows();
    }

    public int cols() {
        return lower.cols();
    }

    public boolean isPoint() {
        return lower.equals(upper);
    }

    public MatrixEnclosure transpose() {
        return new MatrixEnclosure(lower.transpose(), upper.transpose());
    }

    /** M^t for a nonnegative enclosure: products of nonnegative matrices are monotone in each factor. */
    public MatrixEnclosure pow(int t) {
        if (!lower.isNonnegative()) {
            throw new IllegalArgumentException("MatrixEnclosure.pow: the lower end has a negative entry");
        }
        return new MatrixEnclosure(lower.pow(t), upper.pow(t));
    }
}
