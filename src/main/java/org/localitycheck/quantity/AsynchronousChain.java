package org.localitycheck.quantity;

import java.util.Arrays;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.JointSpace;

/**
 * App. B.6: at each step one site J ~ nu is updated, P[S' = s^(j -&gt; y) | s] = nu_j P^pi_j(y | s), and
 * M^pi = (I - diag nu) + diag nu H.
 */
public final class AsynchronousChain {
    private AsynchronousChain() {
    }

    /** The kernel K^pi as explicit rows. */
    public static JointKernel kernel(ClosedLoop loop, RationalVector nu) {
        JointSpace st = loop.instance().states();
        int n = st.coordinates();
        requireDistribution(nu, n);
        Rational[][] rows = new Rational[st.size()][st.size()];
        for (int s = 0; s < st.size(); s++) {
            Arrays.fill(rows[s], Rational.ZERO);
            for (int j = 0; j < n; j++) {
                Rational[] m = loop.marginalShared(j, s);
                for (int y = 0; y < m.length; y++) {
                    int t = st.withDigit(s, j, y);
                    rows[s][t] = rows[s][t].add(nu.get(j).multiply(m[y]));
                }
            }
        }
        return JointKernel.ofRows(st, rows);
    }

    /** M = (I - diag nu) + diag nu H. */
    public static RationalMatrix influence(RationalMatrix h, RationalVector nu) {
        int n = h.rows();
        requireDistribution(nu, n);
        RationalMatrix d = RationalMatrix.diagonal(nu);
        return RationalMatrix.identity(n).subtract(d).add(d.multiply(h));
    }

    private static void requireDistribution(RationalVector nu, int n) {
        if (nu.size() != n) {
            throw new IllegalArgumentException("AsynchronousChain: nu has " + nu.size() + " entries for " + n + " agents");
        }
        for (int j = 0; j < n; j++) {
            if (nu.get(j).signum() <= 0) {
                throw new IllegalArgumentException("AsynchronousChain: nu_" + j + " = " + nu.get(j)
                        + ", the site distribution must have full support");
            }
        }
        if (!nu.sum().equals(Rational.ONE)) {
            throw new IllegalArgumentException("AsynchronousChain: nu sums to " + nu.sum() + ", expected 1");
        }
    }
}
