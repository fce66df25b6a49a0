package org.localitycheck.quantity;

import org.localitycheck.arith.CommonDenominator;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The kernel and the tabular policy scaled to integers: P_j(x | s, a) = kn[j][s][a][x] / kd[j] and
 * pi_k(b | s) = pn[k][s][b] / pd[k], each denominator the least common one of that agent's entries.
 * Built only when every number fits a long; the hot loops then run on longs. {@link #of} returns null
 * otherwise, and callers take their exact BigInteger path.
 */
final class IntegerView {
    final long[][][][] kn;
    final long[] kd;
    final long[][][] pn;
    final long[] pd;

    private IntegerView(long[][][][] kn, long[] kd, long[][][] pn, long[] pd) {
        this.kn = kn;
        this.kd = kd;
        this.pn = pn;
        this.pd = pd;
    }

    static IntegerView of(Instance inst) {
        if (!(inst.policy() instanceof TabularPolicy)) {
            return null;
        }
        TabularPolicy pol = (TabularPolicy) inst.policy();
        FactoredKernel ker = inst.kernel();
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = st.coordinates();
        try {
            long[] kd = new long[n];
            long[][][][] kn = new long[n][st.size()][ac.size()][];
            for (int j = 0; j < n; j++) {
                CommonDenominator c = new CommonDenominator();
                for (int s = 0; s < st.size(); s++) {
                    for (int a = 0; a < ac.size(); a++) {
                        for (int x = 0; x < st.localSize(j); x++) {
                            c.add(ker.get(j, s, a, x));
                        }
                    }
                }
                long l = c.longValue();
                kd[j] = l;
                for (int s = 0; s < st.size(); s++) {
                    for (int a = 0; a < ac.size(); a++) {
                        long[] row = new long[st.localSize(j)];
                        for (int x = 0; x < row.length; x++) {
                            Rational p = ker.get(j, s, a, x);
                            row[x] = Math.multiplyExact(p.longNumerator(), l / p.longDenominator());
                        }
                        kn[j][s][a] = row;
                    }
                }
            }
            long[] pd = new long[n];
            long[][][] pn = new long[n][st.size()][];
            for (int k = 0; k < n; k++) {
                CommonDenominator c = new CommonDenominator();
                int m = ac.localSize(k);
                for (int s = 0; s < st.size(); s++) {
                    for (int b = 0; b < m; b++) {
                        c.add(pol.prob(k, s, b));
                    }
                }
                long l = c.longValue();
                pd[k] = l;
                for (int s = 0; s < st.size(); s++) {
                    long[] row = new long[m];
                    for (int b = 0; b < m; b++) {
                        Rational p = pol.prob(k, s, b);
                        row[b] = Math.multiplyExact(p.longNumerator(), l / p.longDenominator());
                    }
                    pn[k][s] = row;
                }
            }
            return new IntegerView(kn, kd, pn, pd);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** w[a] = prod_k pn[k][s][a_k], the policy weights at s over the denominator prod_k pd[k]. */
    void weights(JointSpace ac, int s, long[] w) {
        int n = ac.coordinates();
        for (int a = 0; a < ac.size(); a++) {
            long x = 1;
            for (int k = 0; k < n && x != 0; k++) {
                x = Math.multiplyExact(x, pn[k][s][ac.digit(a, k)]);
            }
            w[a] = x;
        }
    }
}
