package org.localitycheck.model;

import org.localitycheck.arith.Rational;

/** The factored transition kernel: {@code get(j, s, a, x) = P_j(x | s, a)}. */
public final class FactoredKernel {
    private final Rational[][][][] p;

    private FactoredKernel(Rational[][][][] p) {
        this.p = p;
    }

    /**
     * Checks shapes against the spaces, entries nonnegative and rows summing to exactly 1. The array is
     * copied.
     */
    public static FactoredKernel of(Rational[][][][] p, JointSpace states, JointSpace actions) {
        int n = states.coordinates();
        if (p.length != n) {
            throw new InstanceException("kernel", "has " + p.length + " entries, expected one per agent (" + n + ")");
        }
        Rational[][][][] c = new Rational[n][states.size()][actions.size()][];
        for (int j = 0; j < n; j++) {
            if (p[j].length != states.size()) {
                throw new InstanceException("kernel[" + j + "]", "has " + p[j].length
                        + " entries, expected one per joint state (" + states.size() + ")");
            }
            for (int s = 0; s < states.size(); s++) {
                if (p[j][s].length != actions.size()) {
                    throw new InstanceException("kernel[" + j + "][" + s + "]", "has " + p[j][s].length
                            + " entries, expected one per joint action (" + actions.size() + ")");
                }
                for (int a = 0; a < actions.size(); a++) {
                    int jj = j;
                    int ss = s;
                    int aa = a;
                    c[j][s][a] = ProbabilityRows.check(p[j][s][a], states.localSize(j),
                            () -> "kernel[" + jj + "][" + ss + "][" + aa + "]",
                            () -> "(agent " + jj + ", joint state " + ss + ", joint action " + aa + ")");
                }
            }
        }
        return new FactoredKernel(c);
    }

    public int agents() {
        return p.length;
    }

    public Rational get(int j, int s, int a, int x) {
        return p[j][s][a][x];
    }

    /** A copy of the row P_j(. | s, a). */
    public Rational[] row(int j, int s, int a) {
        return p[j][s][a].clone();
    }
}
