package org.localitycheck.arith;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A rigorous enclosure of the spectral radius of a large sparse nonnegative matrix known entrywise within
 * [L, U] (0 &lt;= L &lt;= U), by Collatz-Wielandt bounds evaluated exactly.
 *
 * <p>Why it encloses: for a nonnegative matrix B and a vector x &gt; 0, min_j (Bx)_j / x_j &lt;= rho(B) &lt;=
 * max_j (Bx)_j / x_j (Collatz-Wielandt; Horn and Johnson, Matrix Analysis, Thm. 8.1.26 and Cor. 8.1.29), and
 * L &lt;= M &lt;= U entrywise gives rho(L) &lt;= rho(M) &lt;= rho(U) (ibid., Thm. 8.1.18). The spectral radius of
 * a matrix is the largest over the diagonal blocks of its strongly connected components (the Frobenius normal
 * form), so the bounds are taken per component, where the Perron vector is positive and the bounds can be
 * tight. Floating point only proposes x (power iteration on the shifted block B + I, whose Perron vector is
 * B's and whose dominant eigenvalue is simple in modulus for irreducible B); the ratios are then computed
 * exactly from the doubles of x, which are rationals. A component of one agent without a self-loop has
 * spectral radius 0.
 */
public final class CollatzWielandt {
    /** Stops power iteration when the float bounds agree to this relative gap. */
    private static final double GAP = 1e-15;
    /** Most multiply-adds spent on power iteration over all components. */
    private static final long WORK = 400_000_000L;

    private CollatzWielandt() {
    }

    /**
     * rho(M) for rows j with entries M_{j, cols[j][p]} in [lower[j][p], upper[j][p]]; every lower end at least
     * 0.
     */
    public static RationalInterval enclose(int[][] cols, Rational[][] lower, Rational[][] upper) {
        int n = cols.length;
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < cols[j].length; p++) {
                if (lower[j][p].signum() < 0 || lower[j][p].compareTo(upper[j][p]) > 0) {
                    throw new IllegalArgumentException("CollatzWielandt.enclose: entry (" + j + ", " + cols[j][p]
                            + ") is [" + lower[j][p] + ", " + upper[j][p] + "], expected 0 <= lower <= upper");
                }
            }
        }
        int[] component = components(cols, upper);
        int count = Arrays.stream(component).max().orElse(-1) + 1;
        Rational lo = Rational.ZERO;
        Rational hi = Rational.ZERO;
        long budget = WORK / Math.max(1, count);
        int[][] byComponent = members(component, count);
        for (int c = 0; c < count; c++) {
            int[] members = byComponent[c];
            RationalInterval r = block(cols, lower, upper, component, c, members, budget);
            lo = lo.max(r.lower());
            hi = hi.max(r.upper());
        }
        return RationalInterval.of(lo, hi);
    }

    private static RationalInterval block(int[][] cols, Rational[][] lower, Rational[][] upper, int[] component, int c,
            int[] members, long budget) {
        int m = members.length;
        int[] local = new int[component.length];
        for (int x = 0; x < m; x++) {
            local[members[x]] = x;
        }
        // the block's entries, by local index
        int[][] bc = new int[m][];
        Rational[][] bl = new Rational[m][];
        Rational[][] bu = new Rational[m][];
        double[][] mid = new double[m][];
        long entries = 0;
        for (int x = 0; x < m; x++) {
            int j = members[x];
            int len = 0;
            for (int p = 0; p < cols[j].length; p++) {
                if (component[cols[j][p]] == c) {
                    len++;
                }
            }
            bc[x] = new int[len];
            bl[x] = new Rational[len];
            bu[x] = new Rational[len];
            mid[x] = new double[len];
            int q = 0;
            for (int p = 0; p < cols[j].length; p++) {
                if (component[cols[j][p]] == c) {
                    bc[x][q] = local[cols[j][p]];
                    bl[x][q] = lower[j][p];
                    bu[x][q] = upper[j][p];
                    mid[x][q] = (lower[j][p].doubleValue() + upper[j][p].doubleValue()) / 2;
                    q++;
                }
            }
            entries += len;
        }
        if (m == 1 && bc[0].length == 0) {
            return RationalInterval.point(Rational.ZERO);
        }
        if (m == 1) {
            return RationalInterval.of(bl[0][0], bu[0][0]);
        }
        double[] x = powerVector(bc, mid, Math.max(1, budget / Math.max(1, entries)));
        Rational lo = lowerBound(bc, bl, x);
        Rational hi = upperBound(bc, bu, x);
        ShiftedSystem shifted = ShiftedSystem.of(bc, mid);
        if (shifted != null) {
            double estimate = growth(bc, mid, x);
            double[] ones = new double[m];
            Arrays.fill(ones, 1.0);
            for (int round = 0; round < 3; round++) {
                double sigma = round == 0 ? estimate * (1 + 1e-9) + 1e-300
                        : hi.doubleValue() + Math.max(hi.subtract(lo).doubleValue() * 1e-3, 1e-13 * hi.doubleValue());
                double[] y = null;
                for (int attempt = 0; attempt < 40 && y == null; attempt++) {
                    y = positive(shifted.solve(sigma, ones));
                    if (y == null) {
                        sigma += Math.max(sigma * 1e-9, 1e-300) * Math.pow(4, attempt);
                    }
                }
                if (y == null) {
                    break;
                }
                hi = hi.min(upperBound(bc, bu, y));
                lo = lo.max(windowLowerBound(shifted, bc, bl, mid, y, sigma));
            }
        }
        if (lo.compareTo(hi) > 0) {
            throw new IllegalStateException("CollatzWielandt: lower bound " + lo + " above upper bound " + hi
                    + ", impossible for valid bounds");
        }
        return RationalInterval.of(lo, hi);
    }

    /** v when every entry is positive and finite, else null. */
    static double[] positive(double[] v) {
        if (v == null) {
            return null;
        }
        for (double e : v) {
            if (!(e > 0) || Double.isInfinite(e)) {
                return null;
            }
        }
        return v;
    }

    /**
     * A lower bound from the principal submatrix B_W on the agents W where the Perron vector is not negligible
     * (rho(B) &gt;= rho(B_W), Horn and Johnson Cor. 8.1.20): z solves (sigma I - B_W) z = e_c on W itself, c the
     * largest entry of y, so its ratios are sigma except at c and no entry of z underflows, as entries of a
     * localised Perron vector on all of B would.
     */
    private static Rational windowLowerBound(ShiftedSystem full, int[][] bc, Rational[][] bl, double[][] mid, double[] y,
            double sigma) {
        int m = bc.length;
        double max = 0;
        int centre = 0;
        for (int i = 0; i < m; i++) {
            if (y[i] > max) {
                max = y[i];
                centre = i;
            }
        }
        double[] z0 = new double[m];
        z0[centre] = 1.0;
        double[] z = full.solve(sigma, z0);
        if (z == null) {
            return Rational.ZERO;
        }
        int[] local = new int[m];
        int w = 0;
        for (int i = 0; i < m; i++) {
            local[i] = z[i] >= z[centre] * 0x1p-500 ? w++ : -1;
        }
        int[][] wc = new int[w][];
        Rational[][] wl = new Rational[w][];
        double[][] wm = new double[w][];
        for (int i = 0; i < m; i++) {
            if (local[i] < 0) {
                continue;
            }
            int len = 0;
            for (int c : bc[i]) {
                len += local[c] >= 0 ? 1 : 0;
            }
            int li = local[i];
            wc[li] = new int[len];
            wl[li] = new Rational[len];
            wm[li] = new double[len];
            int q = 0;
            for (int p = 0; p < bc[i].length; p++) {
                if (local[bc[i][p]] >= 0) {
                    wc[li][q] = local[bc[i][p]];
                    wl[li][q] = bl[i][p];
                    wm[li][q] = mid[i][p];
                    q++;
                }
            }
        }
        ShiftedSystem window = ShiftedSystem.of(wc, wm);
        if (window == null) {
            return Rational.ZERO;
        }
        double[] unit = new double[w];
        unit[local[centre]] = 1.0;
        double[] zw = window.solve(sigma, unit);
        return zw == null ? Rational.ZERO : lowerBound(wc, wl, clampNegative(zw));
    }

    private static double[] clampNegative(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(v[i], 0);
        }
        return v;
    }

    /**
     * A proposed y &gt; 0 with B y close to sigma y - 1 (so B y &lt;= mu y for a mu a little below sigma), from the
     * shifted solve (sigma I - B) y = 1; null when the band is too wide, a pivot is not positive (sigma at most
     * rho(B) as far as floating point can tell) or an entry is not a positive finite double. Only a proposal: the
     * caller checks B y &lt;= mu y exactly.
     */
    public static double[] shiftedSolution(int[][] cols, double[][] values, double sigma) {
        ShiftedSystem system = ShiftedSystem.of(cols, values);
        if (system == null) {
            return null;
        }
        double[] ones = new double[cols.length];
        Arrays.fill(ones, 1.0);
        return positive(system.solve(sigma, ones));
    }

    /**
     * min over i with x_i &gt; 0 of (Bx)_i / x_i: a lower bound on rho(B) for any x &gt;= 0, x != 0 (Bx &gt;= lambda x
     * holds trivially where x_i = 0).
     */
    private static Rational lowerBound(int[][] bc, Rational[][] b, double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, v);
        }
        if (!(max > 0)) {
            return Rational.ZERO;
        }
        Rational[] xr = new Rational[x.length];
        for (int i = 0; i < x.length; i++) {
            xr[i] = x[i] > 0 ? FloatInterval.exact(x[i]) : Rational.ZERO;
        }
        Rational lo = null;
        for (int i = 0; i < x.length; i++) {
            if (xr[i].isZero()) {
                continue;
            }
            Rational r = times(bc[i], b[i], xr).divide(xr[i]);
            lo = lo == null ? r : lo.min(r);
        }
        return lo.max(Rational.ZERO);
    }

    /** max_i (Bx)_i / x_i, an upper bound on rho(B), for x &gt; 0 (entries at most 0 are raised to the least double). */
    private static Rational upperBound(int[][] bc, Rational[][] b, double[] x) {
        Rational[] xr = new Rational[x.length];
        for (int i = 0; i < x.length; i++) {
            xr[i] = FloatInterval.exact(x[i] > 0 ? x[i] : Double.MIN_VALUE);
        }
        Rational hi = Rational.ZERO;
        for (int i = 0; i < x.length; i++) {
            hi = hi.max(times(bc[i], b[i], xr).divide(xr[i]));
        }
        return hi;
    }

    private static Rational times(int[] cols, Rational[] row, Rational[] x) {
        Rational s = Rational.ZERO;
        for (int p = 0; p < cols.length; p++) {
            if (!x[cols[p]].isZero()) {
                s = s.add(row[p].multiply(x[cols[p]]));
            }
        }
        return s;
    }

    /** ||Bx||_inf / ||x||_inf: the growth of the last power iterate, an estimate of rho(B). */
    private static double growth(int[][] bc, double[][] mid, double[] x) {
        double nx = 0;
        double nb = 0;
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int p = 0; p < bc[i].length; p++) {
                s += mid[i][p] * x[bc[i][p]];
            }
            nb = Math.max(nb, s);
            nx = Math.max(nx, x[i]);
        }
        return nx > 0 ? nb / nx : 0;
    }

    /** An approximate Perron vector of an irreducible block, by power iteration on B + I (entries may underflow). */
    private static double[] powerVector(int[][] bc, double[][] mid, long iterations) {
        int m = bc.length;
        double[] x = new double[m];
        Arrays.fill(x, 1.0);
        double[] y = new double[m];
        for (long it = 0; it < iterations; it++) {
            double max = 0;
            for (int i = 0; i < m; i++) {
                double s = x[i];
                for (int p = 0; p < bc[i].length; p++) {
                    s += mid[i][p] * x[bc[i][p]];
                }
                y[i] = s;
                max = Math.max(max, s);
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int i = 0; i < m; i++) {
                double r = y[i] / x[i];
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
                y[i] /= max;
            }
            double[] t = x;
            x = y;
            y = t;
            if (hi - lo <= GAP * hi) {
                break;
            }
        }
        return x;
    }

    /** Strongly connected components of the graph j -> cols[j][p] over entries with a positive upper end. */
    static int[] components(int[][] cols, Rational[][] upper) {
        int n = cols.length;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Arrays.fill(comp, -1);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        int[] edgePos = new int[n];
        int[] callStack = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callStack[depth] = root;
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            edgePos[root] = 0;
            while (depth >= 0) {
                int v = callStack[depth];
                if (edgePos[v] < cols[v].length) {
                    int p = edgePos[v]++;
                    if (upper[v][p].signum() == 0) {
                        continue;
                    }
                    int w = cols[v][p];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        edgePos[w] = 0;
                        callStack[++depth] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            comp[w] = components;
                        } while (w != v);
                        components++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callStack[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return comp;
    }

    private static int[][] members(int[] component, int count) {
        int[] size = new int[count];
        for (int v : component) {
            size[v]++;
        }
        int[][] m = new int[count][];
        for (int c = 0; c < count; c++) {
            m[c] = new int[size[c]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < component.length; i++) {
            m[component[i]][fill[component[i]]++] = i;
        }
        return m;
    }
}
