package org.localitycheck.quantity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.CollatzWielandt;
import org.localitycheck.arith.FloatInterval;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.InputLimits;

/**
 * The Section 5 certificate of a factored instance by sparse message passing, cert_k = sum_{t&lt;=k}
 * (H^T)^t b with b = delta(r^pi), a rigorous enclosure of rho(H), and a certified bound on the tail of the
 * Neumann series with the least depth that brings it under epsilon.
 *
 * <p>The tail bound: with A = H^T &gt;= 0, a vector y &gt; 0 and mu &lt; 1 with A y &lt;= mu y (checked exactly,
 * on the upper ends of H), and v = A^{k+1} b &lt;= c y for c = max_i v_i / y_i, the tail sum_{t&gt;k} A^t b =
 * sum_{t&gt;=0} A^t v &lt;= c sum_t mu^t y = c y / (1 - mu), so its largest entry is at most
 * c max_i y_i / (1 - mu). y is proposed in floating point as the solution of (sigma I - A) y = 1 for a sigma
 * between the upper end of rho(H) and 1 (then A y = sigma y - 1 &lt; sigma y), or as sum_t (A/sigma)^t 1 when that
 * solve is not available; only the exact check of A y &lt;= mu y makes it a certificate. The v used here are
 * upper bounds rounded upward, so the bound holds for every matrix in the enclosure of H.
 */
public final class FactoredCertificate<T> {
    /** Matrices of at most this many agents get the exact M-matrix enclosure of rho (width 2^-41). */
    public static final int EXACT_RHO_AGENTS = 32;

    /** One depth: cert_k and the certified bound on the largest entry of the tail beyond k (null if none). */
    public record Depth<T>(int k, T[] certificate, Rational tailBound) {
    }

    private final List<Depth<T>> depths;
    private final RationalInterval rho;
    private final String rhoMethod;
    private final Rational mu;
    private final Rational epsilon;
    private final Integer kappaForEpsilon;
    private final Rational tailAtKappa;
    private final String uncertified;

    private FactoredCertificate(List<Depth<T>> depths, RationalInterval rho, String rhoMethod, Rational mu,
            Rational epsilon, Integer kappaForEpsilon, Rational tailAtKappa, String uncertified) {
        this.depths = depths;
        this.rho = rho;
        this.rhoMethod = rhoMethod;
        this.mu = mu;
        this.epsilon = epsilon;
        this.kappaForEpsilon = kappaForEpsilon;
        this.tailAtKappa = tailAtKappa;
        this.uncertified = uncertified;
    }

    public static <T> FactoredCertificate<T> of(FactoredInfluence<T> inf, int maxKappa, Rational epsilon) {
        EntryArithmetic<T> ar = inf.arithmetic();
        AgentMatrix<T> h = inf.h();
        int n = h.size();
        int[][] cols = new int[n][];
        Rational[][] lo = new Rational[n][];
        Rational[][] hi = new Rational[n][];
        for (int j = 0; j < n; j++) {
            cols[j] = h.columns(j);
            lo[j] = new Rational[cols[j].length];
            hi[j] = new Rational[cols[j].length];
            for (int p = 0; p < cols[j].length; p++) {
                RationalInterval e = h.enclosure(j, p, ar);
                lo[j][p] = e.lower().max(Rational.ZERO);
                hi[j][p] = e.upper();
            }
        }
        RationalInterval rho;
        String method;
        if (n <= EXACT_RHO_AGENTS) {
            rho = RationalInterval.of(SpectralRadius.enclose(RationalMatrix.ofSparseRows(cols, lo)).lower(),
                    SpectralRadius.enclose(RationalMatrix.ofSparseRows(cols, hi)).upper());
            method = "exact M-matrix test (width at most 2^-41 for exact H)";
        } else {
            rho = CollatzWielandt.enclose(cols, lo, hi);
            method = "Collatz-Wielandt bounds per strongly connected component, evaluated exactly";
        }

        T[] b = inf.deltaReward();
        List<Depth<T>> depths = new ArrayList<>();
        for (T[] cert : partialSums(h, b, maxKappa, ar)) {
            depths.add(new Depth<>(depths.size(), cert, null));
        }

        // the tail: y and mu, then the bound at each depth on upward-rounded A^{k+1} b
        List<Rational> tails = new ArrayList<>();
        Rational mu = null;
        Integer kappa = null;
        Rational tailAtKappa = null;
        String uncertified = null;
        if (rho.upper().compareTo(Rational.ONE) >= 0) {
            uncertified = "the enclosure of rho(H) reaches 1 (upper end " + rho.upper().significant(6)
                    + "), so no contraction certifies the tail";
        } else {
            double[][] up = new double[n][];
            FloatInterval[][] upper = new FloatInterval[n][];
            for (int j = 0; j < n; j++) {
                up[j] = new double[cols[j].length];
                upper[j] = new FloatInterval[cols[j].length];
                for (int p = 0; p < cols[j].length; p++) {
                    up[j][p] = FloatInterval.of(hi[j][p]).upper();
                    upper[j][p] = FloatInterval.of(FloatInterval.exact(up[j][p]));
                }
            }
            FloatInterval[] b0 = new FloatInterval[n];
            for (int i = 0; i < n; i++) {
                b0[i] = FloatInterval.of(RationalInterval.point(ar.enclosure(b[i]).upper()));
            }
            // three proposals of y, from sigma near rho(H) (fast decay, possibly large y) to sigma near 1; each gives a
            // valid bound, and at each depth the least is kept
            double r = rho.upper().doubleValue();
            List<Tail> candidates = new ArrayList<>();
            int[][] tcols = transposeColumns(cols);
            double[][] tvals = transposeValues(cols, tcols, up);
            for (double sigma : new double[] {r + (1 - r) / 8, r + (1 - r) / 2, r + 7 * (1 - r) / 8}) {
                Tail t = Tail.of(cols, hi, up, upper, tcols, tvals, b0, sigma, maxKappa, epsilon);
                if (t != null) {
                    candidates.add(t);
                }
            }
            if (candidates.isEmpty()) {
                uncertified = "no vector y > 0 with H^T y <= mu y, mu < 1, was found";
            } else {
                for (int k = 0; k <= maxKappa; k++) {
                    Rational best = null;
                    for (Tail t : candidates) {
                        if (k < t.bounds.size()) {
                            best = best == null ? t.bounds.get(k) : best.min(t.bounds.get(k));
                        }
                    }
                    if (best == null) {
                        break;
                    }
                    tails.add(best);
                }
                for (Tail t : candidates) {
                    if (t.kappa != null && (kappa == null || t.kappa < kappa
                            || t.kappa.equals(kappa) && t.bounds.get(t.kappa).compareTo(tailAtKappa) < 0)) {
                        kappa = t.kappa;
                        tailAtKappa = t.bounds.get(t.kappa);
                        mu = t.mu;
                    }
                }
                if (mu == null) {
                    mu = candidates.stream().map(t -> t.mu).min(Rational::compareTo).get();
                }
                if (kappa == null) {
                    uncertified = "the certified tail bound stays above epsilon up to depth " + InputLimits.MAX_DEPTH;
                }
            }
        }
        List<Depth<T>> withTails = new ArrayList<>();
        for (Depth<T> d : depths) {
            withTails.add(new Depth<>(d.k(), d.certificate(), d.k() < tails.size() ? tails.get(d.k()) : null));
        }
        return new FactoredCertificate<>(List.copyOf(withTails), rho, method, mu, epsilon, kappa, tailAtKappa, uncertified);
    }

    /** One proposal of y: its certified mu and the tail bound at each depth up to where it reaches epsilon. */
    private static final class Tail {
        final Rational mu;
        final List<Rational> bounds = new ArrayList<>();
        Integer kappa;

        private Tail(Rational mu) {
            this.mu = mu;
        }

        /** Null when no positive finite y is proposed at sigma or its exact mu is not below 1. */
        static Tail of(int[][] cols, Rational[][] hi, double[][] up, FloatInterval[][] upper, int[][] tcols,
                double[][] tvals, FloatInterval[] b, double sigma, int maxKappa, Rational epsilon) {
            int n = cols.length;
            double[] y = CollatzWielandt.shiftedSolution(tcols, tvals, sigma);
            if (y == null) {
                y = neumannVector(cols, up, sigma);
            }
            if (y == null) {
                return null;
            }
            Rational[] yr = new Rational[n];
            Rational ymax = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                yr[i] = FloatInterval.exact(y[i]);
                ymax = ymax.max(yr[i]);
            }
            Rational mu = contraction(cols, hi, yr);
            if (mu.compareTo(Rational.ONE) >= 0) {
                return null;
            }
            Tail t = new Tail(mu);
            // the bound c max(y) / (1 - mu) with c = max_i v_i / y_i, every step rounded upward in doubles
            double scale = FloatInterval.of(ymax.divide(Rational.ONE.subtract(mu))).upper();
            FloatInterval[] w = b;
            for (int k = 0; k <= InputLimits.MAX_DEPTH; k++) {
                w = transposeTimesUpper(cols, upper, w);
                double c = 0;
                for (int i = 0; i < n; i++) {
                    c = Math.max(c, Math.nextUp(w[i].upper() / y[i]));
                }
                double bound = Math.nextUp(c * scale);
                if (!Double.isFinite(bound)) {
                    break;
                }
                Rational exact = FloatInterval.exact(bound);
                t.bounds.add(exact);
                if (t.kappa == null && exact.compareTo(epsilon) <= 0) {
                    t.kappa = k;
                }
                if (t.kappa != null && k >= maxKappa) {
                    break;
                }
            }
            return t;
        }
    }

    /**
     * cert_0, ..., cert_kappa with cert_k = sum_{t&lt;=k} (H^T)^t b, by message passing along H's rows: the one place
     * the factored certificate is summed (compute writes it; the thm7-locality network reading checks it).
     */
    public static <T> List<T[]> partialSums(AgentMatrix<T> h, T[] b, int kappa, EntryArithmetic<T> ar) {
        List<T[]> out = new ArrayList<>();
        T[] v = b.clone();
        T[] cert = b.clone();
        out.add(cert.clone());
        for (int k = 1; k <= kappa; k++) {
            v = h.transposeTimes(v, ar);
            T[] next = cert.clone();
            for (int i = 0; i < v.length; i++) {
                next[i] = ar.add(cert[i], v[i]);
            }
            cert = next;
            out.add(cert.clone());
        }
        return out;
    }

    private static FloatInterval[] transposeTimesUpper(int[][] cols, FloatInterval[][] upper, FloatInterval[] v) {
        FloatInterval[] out = new FloatInterval[v.length];
        Arrays.fill(out, FloatInterval.ZERO);
        for (int j = 0; j < cols.length; j++) {
            for (int p = 0; p < cols[j].length; p++) {
                int i = cols[j][p];
                out[i] = out[i].add(upper[j][p].multiply(v[j]));
            }
        }
        return out;
    }

    /** max_i (H^T y)_i / y_i on the upper ends of H, exactly. */
    private static Rational contraction(int[][] cols, Rational[][] hi, Rational[] y) {
        Rational[] s = new Rational[y.length];
        Arrays.fill(s, Rational.ZERO);
        for (int j = 0; j < cols.length; j++) {
            for (int p = 0; p < cols[j].length; p++) {
                s[cols[j][p]] = s[cols[j][p]].add(hi[j][p].multiply(y[j]));
            }
        }
        Rational mu = Rational.ZERO;
        for (int i = 0; i < y.length; i++) {
            mu = mu.max(s[i].divide(y[i]));
        }
        return mu;
    }

    /**
     * sum_{t&lt;=T} (A/nu)^t 1 with A = H^T, in floating point, until the terms stop mattering: the proposal when
     * the shifted solve has none. Null when it grows beyond the doubles.
     */
    private static double[] neumannVector(int[][] cols, double[][] up, double nu) {
        int n = cols.length;
        long entries = 1;
        for (int[] c : cols) {
            entries += c.length;
        }
        double[] y = new double[n];
        double[] term = new double[n];
        Arrays.fill(y, 1.0);
        Arrays.fill(term, 1.0);
        for (long it = 0; it < 400_000_000L / entries; it++) {
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < cols[j].length; p++) {
                    next[cols[j][p]] += up[j][p] * term[j] / nu;
                }
            }
            double tmax = 0;
            double ymax = 0;
            for (int i = 0; i < n; i++) {
                y[i] += next[i];
                tmax = Math.max(tmax, next[i]);
                ymax = Math.max(ymax, y[i]);
            }
            if (!Double.isFinite(ymax)) {
                return null;
            }
            term = next;
            if (tmax <= 1e-13 * ymax) {
                break;
            }
        }
        return y;
    }

    /** The rows of A = H^T: row i lists the agents j with H_{j<-i} in its support. */
    private static int[][] transposeColumns(int[][] cols) {
        int n = cols.length;
        int[] count = new int[n];
        for (int[] c : cols) {
            for (int i : c) {
                count[i]++;
            }
        }
        int[][] t = new int[n][];
        for (int i = 0; i < n; i++) {
            t[i] = new int[count[i]];
        }
        int[] fill = new int[n];
        for (int j = 0; j < n; j++) {
            for (int i : cols[j]) {
                t[i][fill[i]++] = j;
            }
        }
        return t;
    }

    /** The values of A = H^T in the order of {@link #transposeColumns}. */
    private static double[][] transposeValues(int[][] cols, int[][] t, double[][] up) {
        int n = cols.length;
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = new double[t[i].length];
        }
        int[] fill = new int[n];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < cols[j].length; p++) {
                int i = cols[j][p];
                v[i][fill[i]++] = up[j][p];
            }
        }
        return v;
    }

    public List<Depth<T>> depths() {
        return depths;
    }

    public RationalInterval rho() {
        return rho;
    }

    public String rhoMethod() {
        return rhoMethod;
    }

    /** The certified contraction factor of the tail bound, or null when none was found. */
    public Rational mu() {
        return mu;
    }

    public Rational epsilon() {
        return epsilon;
    }

    /** The least depth whose certified tail bound is at most epsilon, or null. */
    public Integer kappaForEpsilon() {
        return kappaForEpsilon;
    }

    public Rational tailAtKappa() {
        return tailAtKappa;
    }

    /** Why there is no tail bound, or null. */
    public String uncertified() {
        return uncertified;
    }
}
