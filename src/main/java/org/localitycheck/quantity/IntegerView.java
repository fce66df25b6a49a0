package org.localitycheck.quantity;

import org.localitycheck.arith.CommonDenominator;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;

/**
 * The kernel scaled to integers: P_j(x | s, a) = kn[j][s][a][x] / kd[j], each denominator the least common one of
 * that agent's entries. Built only when every number fits a long; the sensitivities' loops then run on longs.
 * {@link #of} returns null otherwise, and callers take their exact path.
 */
final class IntegerView {
    final long[][][][] kn;
    final long[] kd;

    private IntegerView(long[][][][] kn, long[] kd) {
        this.kn = kn;
        this.kd = kd;
    }

    static IntegerView of(Instance inst) {
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
            return new IntegerView(kn, kd);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }
}
