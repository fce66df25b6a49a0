package org.localitycheck.arith;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Solves (sigma I - B) y = r in floating point for a sparse nonnegative B, by banded LU without
 * pivoting after a reverse Cuthill-McKee ordering. Only proposes vectors for {@link CollatzWielandt}, whose
 * exact evaluation decides. For sigma &gt; rho(B) the matrix is a nonsingular M-matrix: every pivot is positive
 * and a positive right-hand side gives a positive solution, whose Collatz-Wielandt ratios approach rho(B) as
 * sigma does; a pivot that is not positive says sigma is too small.
 */
final class ShiftedSystem {
    /** Most band entries stored (doubles). */
    private static final long MAX_BAND = 30_000_000L;

    private final int[][] bc;
    private final double[][] b;
    private final int[] order;
    private final int[] position;
    private final int lowerWidth;
    private final int upperWidth;

    private ShiftedSystem(int[][] bc, double[][] b, int[] order, int[] position, int lowerWidth, int upperWidth) {
        this.bc = bc;
        this.b = b;
        this.order = order;
        this.position = position;
        this.lowerWidth = lowerWidth;
        this.upperWidth = upperWidth;
    }

    /** The system for B given by rows, or null when its band after reordering is too wide to store. */
    static ShiftedSystem of(int[][] bc, double[][] b) {
        int m = bc.length;
        int[] order = reverseCuthillMcKee(bc);
        int[] position = new int[m];
        for (int p = 0; p < m; p++) {
            position[order[p]] = p;
        }
        int kl = 0;
        int ku = 0;
        for (int i = 0; i < m; i++) {
            for (int c : bc[i]) {
                int d = position[c] - position[i];
                ku = Math.max(ku, d);
                kl = Math.max(kl, -d);
            }
        }
        if ((long) m * (kl + ku + 1) > MAX_BAND) {
            return null;
        }
        return new ShiftedSystem(bc, b, order, position, kl, ku);
    }

    /**
     * y with (sigma I - B) y = r, or null when a pivot is not positive (then sigma &lt;= rho(B) in exact
     * arithmetic, or too close to it for floating point).
     */
    double[] solve(double sigma, double[] r) {
        return factor(sigma) ? solveWith(r) : null;
    }

    private double[][] band;

    private boolean factor(double sigma) {
        int m = bc.length;
        int w = lowerWidth + upperWidth + 1;
        double[][] a = new double[m][w];
        for (int i = 0; i < m; i++) {
            int pi = position[i];
            a[pi][lowerWidth] += sigma;
            for (int p = 0; p < bc[i].length; p++) {
                int pj = position[bc[i][p]];
                a[pi][pj - pi + lowerWidth] -= b[i][p];
            }
        }
        // LU without pivoting within the band: a[i][j - i + kl] holds entry (i, j)
        for (int k = 0; k < m; k++) {
            double pivot = a[k][lowerWidth];
            if (!(pivot > 0)) {
                return false;
            }
            int last = Math.min(m - 1, k + lowerWidth);
            for (int i = k + 1; i <= last; i++) {
                double f = a[i][k - i + lowerWidth];
                if (f == 0) {
                    continue;
                }
                f /= pivot;
                a[i][k - i + lowerWidth] = f;
                int lastCol = Math.min(m - 1, k + upperWidth);
                for (int j = k + 1; j <= lastCol; j++) {
                    a[i][j - i + lowerWidth] -= f * a[k][j - k + lowerWidth];
                }
            }
        }
        band = a;
        return true;
    }

    private double[] solveWith(double[] r) {
        int m = bc.length;
        double[][] a = band;
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[position[i]] = r[i];
        }
        for (int i = 0; i < m; i++) {
            double s = y[i];
            for (int k = Math.max(0, i - lowerWidth); k < i; k++) {
                s -= a[i][k - i + lowerWidth] * y[k];
            }
            y[i] = s;
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j <= Math.min(m - 1, i + upperWidth); j++) {
                s -= a[i][j - i + lowerWidth] * y[j];
            }
            y[i] = s / a[i][lowerWidth];
        }
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = y[position[i]];
        }
        return out;
    }

    /** Reverse Cuthill-McKee on the symmetric pattern of B + B^T: a small band for rings, grids and the like. */
    private static int[] reverseCuthillMcKee(int[][] bc) {
        int m = bc.length;
        int[][] adj = symmetric(bc);
        boolean[] seen = new boolean[m];
        int[] order = new int[m];
        int filled = 0;
        while (filled < m) {
            int start = -1;
            for (int i = 0; i < m; i++) {
                if (!seen[i] && (start < 0 || adj[i].length < adj[start].length)) {
                    start = i;
                }
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                order[filled++] = v;
                Integer[] next = Arrays.stream(adj[v]).filter(u -> !seen[u]).boxed().toArray(Integer[]::new);
                Arrays.sort(next, (p, q) -> adj[p].length != adj[q].length ? Integer.compare(adj[p].length, adj[q].length)
                        : Integer.compare(p, q));
                for (int u : next) {
                    if (!seen[u]) {
                        seen[u] = true;
                        queue.add(u);
                    }
                }
            }
        }
        for (int i = 0; i < m / 2; i++) {
            int t = order[i];
            order[i] = order[m - 1 - i];
            order[m - 1 - i] = t;
        }
        return order;
    }

    private static int[][] symmetric(int[][] bc) {
        int m = bc.length;
        List<TreeSet<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            sets.add(new TreeSet<>());
        }
        for (int i = 0; i < m; i++) {
            for (int c : bc[i]) {
                if (c != i) {
                    sets.get(i).add(c);
                    sets.get(c).add(i);
                }
            }
        }
        int[][] adj = new int[m][];
        for (int i = 0; i < m; i++) {
            adj[i] = sets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return adj;
    }
}
