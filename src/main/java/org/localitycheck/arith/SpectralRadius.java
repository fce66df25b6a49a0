package org.localitycheck.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The spectral radius of a nonnegative square matrix, decided exactly.
 *
 * <p>For M &gt;= 0 and lambda &gt; 0, the Z-matrix A = lambda I - M is a nonsingular M-matrix, which holds
 * exactly when rho(M) &lt; lambda, if and only if every leading principal minor of A is positive, that is
 * every pivot of Gaussian elimination without row exchanges is positive (Berman and Plemmons,
 * Thm. 6.2.3, conditions A1 and E17). A is a possibly singular M-matrix, i.e. rho(M) &lt;= lambda, if and
 * only if every principal minor is nonnegative (ibid., Thm. 6.4.6). Floating point only proposes
 * candidate endpoints; each endpoint is then proved by these exact tests.
 */
public final class SpectralRadius {
    /** 2^-41 &lt; 1e-12: the default width of an enclosure. */
    public static final Rational DEFAULT_WIDTH = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(41));

    private SpectralRadius() {
    }

    /** Exact sign of rho(M) - lambda for a nonnegative square matrix M. */
    public static int compare(RationalMatrix m, Rational lambda) {
        requireNonnegativeSquare(m);
        if (lambda.signum() < 0) {
            return 1;
        }
        if (lambda.signum() == 0) {
            return isNilpotent(m) ? 0 : 1;
        }
        RationalMatrix a = RationalMatrix.identity(m.rows()).scale(lambda).subtract(m);
        Rational[] piv = a.pivotsWithoutExchange();
        if (piv != null) {
            boolean allPositive = true;
            for (Rational p : piv) {
                allPositive &= p.signum() > 0;
            }
            if (allPositive) {
                return -1;
            }
        }
        if (!a.determinant().isZero()) {
            return 1; // rho >= lambda and lambda is not an eigenvalue, so rho > lambda
        }
        return allPrincipalMinorsNonnegative(a) ? 0 : 1;
    }

    /** True when some power of M is zero: for M &gt;= 0, when the support graph has no cycle. */
    public static boolean isNilpotent(RationalMatrix m) {
        requireNonnegativeSquare(m);
        int n = m.rows();
        // Kahn's algorithm on the support graph i -> j when m[i][j] != 0
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!m.get(i, j).isZero()) {
                    indeg[j]++;
                }
            }
        }
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int j = 0; j < n; j++) {
            if (indeg[j] == 0) {
                q.add(j);
            }
        }
        int seen = 0;
        while (!q.isEmpty()) {
            int i = q.poll();
            seen++;
            for (int j = 0; j < n; j++) {
                if (!m.get(i, j).isZero() && --indeg[j] == 0) {
                    q.add(j);
                }
            }
        }
        return seen == n;
    }

    /** A rigorous enclosure of width at most {@link #DEFAULT_WIDTH}. */
    public static RationalInterval enclose(RationalMatrix m) {
        return enclose(m, DEFAULT_WIDTH);
    }

    /**
     * A rigorous enclosure [lo, hi] of rho(M) with hi - lo &lt;= width. Exactly [0, 0] for nilpotent M and
     * a point wherever a tested endpoint happens to equal rho.
     */
    public static RationalInterval enclose(RationalMatrix m, Rational width) {
        requireNonnegativeSquare(m);
        if (width.signum() <= 0) {
            throw new IllegalArgumentException("SpectralRadius.enclose: width must be positive, got " + width);
        }
        if (isNilpotent(m)) {
            return RationalInterval.point(Rational.ZERO);
        }
        int bits = bitsFor(width);
        Rational quarter = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(bits + 2));
        double estimate = floatEstimate(m);
        if (Double.isFinite(estimate) && estimate >= 0) {
            Rational centre = dyadic(estimate, bits + 2);
            if (compare(m, centre) == 0) {
                return RationalInterval.point(centre);
            }
            Rational lo = centre.subtract(quarter).max(Rational.ZERO);
            Rational hi = centre.add(quarter);
            int cl = compare(m, lo);
            int ch = compare(m, hi);
            if (cl == 0) {
                return RationalInterval.point(lo);
            }
            if (ch == 0) {
                return RationalInterval.point(hi);
            }
            if (cl > 0 && ch < 0) {
                return RationalInterval.of(lo, hi);
            }
        }
        return bisect(m, Rational.ZERO, m.normInf(), width);
    }

    static RationalInterval bisect(RationalMatrix m, Rational lo, Rational hi, Rational width) {
        // invariant: rho in [lo, hi]; rho <= ||M||_inf for every matrix norm
        if (compare(m, hi) == 0) {
            return RationalInterval.point(hi);
        }
        while (hi.subtract(lo).compareTo(width) > 0) {
            Rational mid = lo.add(hi).multiply(Rational.HALF);
            int c = compare(m, mid);
            if (c == 0) {
                return RationalInterval.point(mid);
            }
            if (c < 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return RationalInterval.of(lo, hi);
    }

    private static int bitsFor(Rational width) {
        // smallest b with 2^-b <= width
        int b = 0;
        Rational p = Rational.ONE;
        while (p.compareTo(width) > 0) {
            p = p.multiply(Rational.HALF);
            b++;
        }
        return b;
    }

    private static Rational dyadic(double x, int bits) {
        BigDecimal scaled = new BigDecimal(x).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(bits)));
        return Rational.of(scaled.toBigInteger(), BigInteger.ONE.shiftLeft(bits));
    }

    /** Floating point proposal only: never used to decide. */
    private static double floatEstimate(RationalMatrix m) {
        int n = m.rows();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = m.get(i, j).doubleValue();
            }
        }
        try {
            EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(d, false));
            double best = 0;
            double[] re = e.getRealEigenvalues();
            double[] im = e.getImagEigenvalues();
            for (int i = 0; i < re.length; i++) {
                best = Math.max(best, Math.hypot(re[i], im[i]));
            }
            return best;
        } catch (RuntimeException notConverged) {
            return Double.NaN;
        }
    }

    private static boolean allPrincipalMinorsNonnegative(RationalMatrix a) {
        int n = a.rows();
        if (n > 20) {
            throw new IllegalArgumentException("SpectralRadius.compare: " + n
                    + " rows is past the 20 for which the principal-minor test of rho = lambda is run");
        }
        for (int mask = 1; mask < (1 << n); mask++) {
            int[] idx = new int[Integer.bitCount(mask)];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) == 1) {
                    idx[c++] = i;
                }
            }
            if (a.principal(idx).determinant().signum() < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireNonnegativeSquare(RationalMatrix m) {
        if (m.rows() != m.cols()) {
            throw new IllegalArgumentException("SpectralRadius: matrix is " + m.rows() + "x" + m.cols()
                    + ", not square");
        }
        if (!m.isNonnegative()) {
            throw new IllegalArgumentException("SpectralRadius: matrix has a negative entry; rho is decided only "
                    + "for nonnegative matrices");
        }
    }
}
