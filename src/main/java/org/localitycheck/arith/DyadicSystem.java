package org.localitycheck.arith;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * A square matrix A with dyadic entries a_ij / 2^w, with what verified numerics needs to solve systems in it:
 * floating point proposes an approximate inverse R, exact integer arithmetic proves beta &gt;= ||I - R A||_inf, and
 * when beta &lt; 1, A is invertible with ||A^{-1}||_inf &lt;= ||R||_inf / (1 - beta) ({@link #inverseNormBound}).
 * R's entries are taken as dyadics with 53 significant bits; for beta, A is split into its floor on a 2^-a grid
 * (|entries| below 2^53 as integers) and a rest in [0, 2^-a) entrywise, and R times the first part is summed in
 * 128-bit integers. Solutions ({@link #solve}, {@link #solveTransposed}) are refined with exact residuals until the
 * residual stops shrinking; their error is for the caller to bound from the residual and the inverse's norm.
 */
public final class DyadicSystem {
    private static final int MAX_STEPS = 64;

    private final int n;
    private final int w;
    private final BigInteger[][] a; // numerators over 2^w
    private final double[][] r; // R, each entry a dyadic exactly as used in beta
    private final Rational beta;
    private final Rational inverseNorm;

    private DyadicSystem(int n, int w, BigInteger[][] a, double[][] r, Rational beta, Rational inverseNorm) {
        this.n = n;
        this.w = w;
        this.a = a;
        this.r = r;
        this.beta = beta;
        this.inverseNorm = inverseNorm;
    }

    /**
     * The system of the matrix with entries a[i][j] / 2^w (the array is kept, not copied); empty when floating point
     * finds A singular or the bound beta &lt; 1 cannot be proven (A too ill-conditioned for double precision).
     */
    public static Optional<DyadicSystem> of(BigInteger[][] a, int w) {
        int n = a.length;
        if (n == 0 || n > (1 << 20)) {
            throw new IllegalArgumentException("DyadicSystem.of: need 1 to 2^20 rows, got " + n);
        }
        int maxBits = 0;
        double[][] ad = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("DyadicSystem.of: row " + i + " has " + a[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                maxBits = Math.max(maxBits, a[i][j].bitLength());
                int cut = Math.max(0, a[i][j].bitLength() - 64); // below 2^1024 before scaling, at any w
                ad[i][j] = Math.scalb(a[i][j].shiftRight(cut).doubleValue(), cut - w);
            }
        }
        DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(ad, false)).getSolver();
        if (!lu.isNonSingular()) {
            return Optional.empty();
        }
        double[][] inv = lu.getInverse().getData();
        double maxR = 0;
        for (double[] row : inv) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return Optional.empty();
                }
                maxR = Math.max(maxR, Math.abs(x));
            }
        }
        if (maxR == 0) {
            return Optional.empty();
        }
        // R as integers over 2^rs, |Rq| <= 2^53; A's floor over 2^ga, |Aq| < 2^53; products below 2^106, sums of up to
        // 2^20 of them below 2^126
        int rs = 52 - Math.getExponent(maxR);
        int ga = 52 - Math.max(0, maxBits - w);
        if (rs < 0 || ga < 0) {
            return Optional.empty(); // entries or inverse beyond 2^52: no proof in this precision
        }
        long[][] rq = new long[n][n];
        double[][] rd = new double[n][n];
        BigInteger[] rowSumR = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            BigInteger sum = BigInteger.ZERO;
            long chunk = 0;
            for (int j = 0; j < n; j++) {
                rq[i][j] = Math.round(Math.scalb(inv[i][j], rs));
                rd[i][j] = Math.scalb((double) rq[i][j], -rs);
                chunk += Math.abs(rq[i][j]);
                if ((j & 511) == 511) {
                    sum = sum.add(BigInteger.valueOf(chunk));
                    chunk = 0;
                }
            }
            rowSumR[i] = sum.add(BigInteger.valueOf(chunk));
        }
        long[][] aqT = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger x = ga <= w ? a[i][j].shiftRight(w - ga) : a[i][j].shiftLeft(ga - w);
                aqT[j][i] = x.longValueExact();
            }
        }
        // beta = max_i sum_j |delta_ij 2^(rs+ga) - (Rq Aq)_ij| / 2^(rs+ga) + ||R||_inf n 2^-ga
        BigInteger one = BigInteger.ONE.shiftLeft(rs + ga);
        BigInteger[] rowSumG = new BigInteger[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] ri = rq[i];
            BigInteger sum = BigInteger.ZERO;
            for (int j = 0; j < n; j++) {
                long[] col = aqT[j];
                long hi = 0;
                long lo = 0;
                for (int k = 0; k < n; k++) {
                    long x = ri[k];
                    long y = col[k];
                    long pl = x * y;
                    long nl = lo + pl;
                    hi += Math.multiplyHigh(x, y) + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
                    lo = nl;
                }
                BigInteger s = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
                BigInteger g = (i == j ? one : BigInteger.ZERO).subtract(s);
                sum = sum.add(g.abs());
            }
            rowSumG[i] = sum;
        });
        BigInteger maxG = BigInteger.ZERO;
        BigInteger maxRowR = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            maxG = maxG.max(rowSumG[i]);
            maxRowR = maxRowR.max(rowSumR[i]);
        }
        Rational normR = Rational.of(maxRowR, BigInteger.ONE.shiftLeft(rs));
        Rational beta = Rational.of(maxG, one).add(normR.multiply(Rational.of(BigInteger.valueOf(n),
                BigInteger.ONE.shiftLeft(ga))));
        if (beta.compareTo(Rational.ONE) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new DyadicSystem(n, w, a, rd, beta, normR.divide(Rational.ONE.subtract(beta))));
    }

    public int size() {
        return n;
    }

    /** The grid: entries, right-hand sides and solutions are numerators over 2^w. */
    public int gridBits() {
        return w;
    }

    /** beta &gt;= ||I - R A||_inf, below 1. */
    public Rational beta() {
        return beta;
    }

    /** M &gt;= ||A^{-1}||_inf (= ||A^{-T}||_1). */
    public Rational inverseNormBound() {
        return inverseNorm;
    }

    /** Numerators over 2^(2w) of b - A x, exactly (x and b over 2^w). */
    public BigInteger[] residual(BigInteger[] x, BigInteger[] b) {
        return residual(x, b, false);
    }

    /** Numerators over 2^(2w) of b - A^T x, exactly. */
    public BigInteger[] residualTransposed(BigInteger[] x, BigInteger[] b) {
        return residual(x, b, true);
    }

    private BigInteger[] residual(BigInteger[] x, BigInteger[] b, boolean transposed) {
        if (x.length != n || b.length != n) {
            throw new IllegalArgumentException("DyadicSystem.residual: vectors of " + x.length + " and " + b.length
                    + " entries for " + n + " rows");
        }
        BigInteger[] res = new BigInteger[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            BigInteger s = b[i].shiftLeft(w);
            for (int j = 0; j < n; j++) {
                if (x[j].signum() != 0) {
                    s = s.subtract((transposed ? a[j][i] : a[i][j]).multiply(x[j]));
                }
            }
            res[i] = s;
        });
        return res;
    }

    /** An approximate solution of A x = b, numerators over 2^w (b's too). */
    public BigInteger[] solve(BigInteger[] b) {
        return refine(b, false);
    }

    /** An approximate solution of A^T x = b (x^T A = b^T), numerators over 2^w. */
    public BigInteger[] solveTransposed(BigInteger[] b) {
        return refine(b, true);
    }

    /** x += R (b - A x) with the residual exact and the correction in floating point, while the residual shrinks. */
    private BigInteger[] refine(BigInteger[] b, boolean transposed) {
        BigInteger[] x = new BigInteger[n];
        Arrays.fill(x, BigInteger.ZERO);
        BigInteger[] previous = x;
        int last = Integer.MAX_VALUE;
        for (int step = 0; step < MAX_STEPS; step++) {
            BigInteger[] res = residual(x, b, transposed);
            int top = 0;
            for (BigInteger v : res) {
                top = Math.max(top, v.bitLength());
            }
            if (top >= last) {
                return previous; // no longer shrinking: the grid's resolution is reached
            }
            if (top == 0) {
                return x;
            }
            last = top;
            previous = x.clone();
            int shift = top - 60; // res_i = rs_i 2^shift, |rs_i| < 2^60
            double[] rs = new double[n];
            for (int i = 0; i < n; i++) {
                rs[i] = (shift >= 0 ? res[i].shiftRight(shift) : res[i].shiftLeft(-shift)).doubleValue();
            }
            for (int i = 0; i < n; i++) {
                double c = 0;
                for (int j = 0; j < n; j++) {
                    c += (transposed ? r[j][i] : r[i][j]) * rs[j];
                }
                // the correction c 2^(shift - 2w), as a numerator over 2^w
                x[i] = x[i].add(floorScaled(c, shift - w));
            }
        }
        return x;
    }

    /** floor(c 2^k) for a finite double c. */
    static BigInteger floorScaled(double c, int k) {
        if (c == 0) {
            return BigInteger.ZERO;
        }
        int e = Math.getExponent(c) - 52; // c = m 2^e with |m| < 2^53 (normal numbers; subnormals round to 0 below)
        if (e < Double.MIN_EXPONENT - 52) {
            e = Double.MIN_EXPONENT - 52;
        }
        long m = (long) Math.scalb(c, -e);
        BigInteger big = BigInteger.valueOf(m);
        int s = e + k;
        return s >= 0 ? big.shiftLeft(s) : big.shiftRight(-s);
    }
}
