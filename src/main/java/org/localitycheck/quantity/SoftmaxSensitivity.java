package org.localitycheck.quantity;

import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.SoftmaxPolicy;

/**
 * For a softmax product policy: the logit Lipschitz constants L_{k&lt;-i} (Definitions 5 and 9), exact, and an
 * enclosure [Pi_lo, Pi_hi] of the policy sensitivity matrix Pi (entrywise).
 */
public final class SoftmaxSensitivity {
    private SoftmaxSensitivity() {
    }

    /** L_{k&lt;-i} = sup over s, s' with s_{-i} = s'_{-i} of max_b |g_k(s, b) - g_k(s', b)|. */
    public static RationalMatrix logitLipschitz(Instance inst) {
        SoftmaxPolicy pol = softmax(inst);
        JointSpace st = inst.states();
        int n = inst.agentCount();
        Rational[][] l = new Rational[n][n];
        for (int k = 0; k < n; k++) {
            int m = inst.agents().get(k).actions();
            for (int i = 0; i < n; i++) {
                Rational best = Rational.ZERO;
                for (int s = 0; s < st.size(); s++) {
                    for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                        int s2 = st.withDigit(s, i, v);
                        for (int b = 0; b < m; b++) {
                            best = best.max(pol.logit(k, s, b).subtract(pol.logit(k, s2, b)).abs());
                        }
                    }
                }
                l[k][i] = best;
            }
        }
        return RationalMatrix.ofRows(l);
    }

    /** Enclosure of Pi: {lower, upper} matrices with Pi_lo &lt;= Pi &lt;= Pi_hi entrywise. */
    public static MatrixEnclosure policySensitivity(Instance inst, int bits) {
        softmax(inst);
        return Sensitivities.policySensitivity(PolicyEnclosure.softmax(inst, bits));
    }

    private static SoftmaxPolicy softmax(Instance inst) {
        if (!(inst.policy() instanceof SoftmaxPolicy)) {
            throw new IllegalArgumentException("SoftmaxSensitivity: the instance's policy is " + inst.policy().kind());
        }
        return (SoftmaxPolicy) inst.policy();
    }
}
