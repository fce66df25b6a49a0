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
 * c max_i y_i / (1 - mu). y is proposed in floating point as sum_{t&lt;=T} (A/nu)^t 1 for a nu between the
 * upper end of rho(H) and 1; only the exact check of A y &lt;= mu y makes it a certificate. The v used here are
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
    private final List<Rational> tailBounds;
    private final String uncertified;

    private FactoredCertificate(List<Depth<T>> depths, RationalInterval rho, String rhoMethod, Rational mu,
            Rational epsilon, Integer kappaForEpsilon, Rational tailAtKappa, List<Rational> tailBounds, String uncertified) {
        this.depths = depths;
        this.rho = rho;
        this.rhoMethod = rhoMethod;
        this.mu = mu;
        this.epsilon = epsilon;
        this.kappaForEpsilon = kappaForEpsilon;
        this.tailAtKappa = tailAtKappa;
        this.tailBounds = tailBounds;
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
            rho = RationalInterval.of(SpectralRadius.enclose(dense(cols, lo)).lower(),
                    SpectralRadius.enclose(dense(cols, hi)).upper());
            method = "exact M-matrix test (width at most 2^-41 for exact H)";
        } else {
            rho = CollatzWielandt.enclose(cols, lo, hi);
            method = "Collatz-Wielandt bounds per strongly connected component, evaluated exactly";
        }

        T[] b = inf.deltaReward();
        List<Depth<T>> depths = new ArrayList<>();
        T[] v = b;
        T[] cert = b.clone();
        for (int k = 0; k <= maxKappa; k++) {
            if (k > 0) {
                v = transposeTimes(h, v, ar);
                T[] next = cert.clone();
                for (int i = 0; i < n; i++) {
                    next[i] = ar.add(cert[i], v[i]);
                }
                cert = next;
            }
            depths.add(new Depth<>(k, cert.clone(), null));
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
            double nu = (3 * rho.upper().doubleValue() + 1) / 4;
            double[] y = neumannVector(cols, up, nu);
            Rational[] yr = new Rational[n];
            Rational ymax = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                yr[i] = FloatInterval.exact(y[i]);
                ymax = ymax.max(yr[i]);
            }
            mu = contraction(cols, hi, yr);
            if (mu.compareTo(Rational.ONE) >= 0) {
                uncertified = "no vector y > 0 with H^T y <= mu y, mu < 1, was found (best mu " + mu.significant(6) + ")";
                mu = null;
            } else {
                FloatInterval[] w = new FloatInterval[n];
                for (int i = 0; i < n; i++) {
                    w[i] = FloatInterval.of(RationalInterval.point(ar.enclosure(b[i]).upper()));
                }
                Rational scale = ymax.divide(Rational.ONE.subtract(mu));
                for (int k = 0; k <= InputLimits.MAX_DEPTH; k++) {
                    w = transposeTimesUpper(cols, upper, w);
                    Rational c = Rational.ZERO;
                    for (int i = 0; i < n; i++) {
                        c = c.max(FloatInterval.exact(w[i].upper()).divide(yr[i]));
                    }
                    Rational bound = FloatInterval.exact(FloatInterval.of(c.multiply(scale)).upper());
                    if (k <= maxKappa) {
                        tails.add(bound);
                    }
                    if (kappa == null && bound.compareTo(epsilon) <= 0) {
                        kappa = k;
                        tailAtKappa = bound;
                    }
                    if (kappa != null && k >= maxKappa) {
                        break;
                    }
                }
            }
        }
        List<Depth<T>> withTails = new ArrayList<>();
        for (Depth<T> d : depths) {
            withTails.add(new Depth<>(d.k(), d.certificate(), d.k() < tails.size() ? tails.get(d.k()) : null));
        }
        return new FactoredCertificate<>(List.copyOf(withTails), rho, method, mu, epsilon, kappa, tailAtKappa,
                List.copyOf(tails), uncertified);
    }

    /** (H^T v)_i = sum_j H_{j<-i} v_j. */
    private static <T> T[] transposeTimes(AgentMatrix<T> h, T[] v, EntryArithmetic<T> ar) {
        T[] out = ar.newArray(v.length);
        Arrays.fill(out, ar.of(Rational.ZERO));
        for (int j = 0; j < h.size(); j++) {
            for (int p = 0; p < h.rowLength(j); p++) {
                int i = h.column(j, p);
                out[i] = ar.add(out[i], ar.multiply(h.value(j, p), v[j]));
            }
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

    /** sum_{t&lt;=T} (A/nu)^t 1 with A = H^T, in floating point, until the terms stop mattering. */
    private static double[] neumannVector(int[][] cols, double[][] up, double nu) {
        int n = cols.length;
        double[] y = new double[n];
        double[] term = new double[n];
        Arrays.fill(y, 1.0);
        Arrays.fill(term, 1.0);
        for (int it = 0; it < 1_000_000; it++) {
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
            term = next;
            if (tmax <= 1e-13 * ymax) {
                break;
            }
        }
        return y;
    }

    private static RationalMatrix dense(int[][] cols, Rational[][] values) {
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
        return RationalMatrix.ofRows(m);
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
