package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.Arrays;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The closed loop of a factored kernel and a tabular product policy (Sec. 2): the next-state marginals
 * P^pi_j(x | s) = sum_a P_j(x | s, a) prod_k pi_k(a_k | s_{O_k}) and the reward under the policy
 * r^pi(s) = sum_a r(s, a) prod_k pi_k(a_k | s), and the joint kernel P^pi. Each sum over joint actions runs on
 * integers over one common denominator per joint state ({@link ClosedLoopRows}), the rows of a state scaled once for
 * all of them.
 */
public final class ClosedLoop {
    private final Instance instance;
    private final Rational[][][] marginal; // [j][s][x]
    private final ClosedLoopRows.IntegerRow[][] marginalRows; // [j][s], the same over prod_k L_k M_j
    private final Rational[] rewardUnderPolicy;
    private final JointKernel jointKernel;

    private ClosedLoop(Instance instance, Rational[][][] marginal, ClosedLoopRows.IntegerRow[][] marginalRows,
            Rational[] rewardUnderPolicy, JointKernel jointKernel) {
        this.instance = instance;
        this.marginal = marginal;
        this.marginalRows = marginalRows;
        this.rewardUnderPolicy = rewardUnderPolicy;
        this.jointKernel = jointKernel;
    }

    public static ClosedLoop of(Instance inst) {
        inst.tabularPolicy("ClosedLoop.of");
        int n = inst.agentCount();
        int size = inst.states().size();
        Rational[][][] marg = new Rational[n][size][];
        ClosedLoopRows.IntegerRow[][] margRows = new ClosedLoopRows.IntegerRow[n][size];
        Rational[] rpi = new Rational[size];
        ClosedLoopRows.IntegerRow[] joint = new ClosedLoopRows.IntegerRow[size];
        ClosedLoopRows.forEachState(size, s -> {
            ClosedLoopRows rows = ClosedLoopRows.at(inst, s);
            for (int j = 0; j < n; j++) {
                margRows[j][s] = rows.marginalRow(j);
                marg[j][s] = ClosedLoopRows.marginal(margRows[j][s]);
            }
            rpi[s] = rewardUnderPolicy(inst, s, rows.policyWeights());
            joint[s] = rows.joint();
        });
        return new ClosedLoop(inst, marg, margRows, rpi, JointKernel.of(inst.states(), joint));
    }

    /** r^pi(s) = sum_a r(s, a) w(a) / wden, with w(a) / wden = pi(a | s). */
    private static Rational rewardUnderPolicy(Instance inst, int s, ClosedLoopRows.IntegerRow w) {
        BigInteger[] weight = w.num();
        JointSpace ac = inst.actions();
        BigInteger rlcm = BigInteger.ONE;
        for (int a = 0; a < ac.size(); a++) {
            if (weight[a].signum() != 0) {
                BigInteger d = inst.reward(s, a).denominator();
                rlcm = rlcm.divide(rlcm.gcd(d)).multiply(d);
            }
        }
        BigInteger racc = BigInteger.ZERO;
        for (int a = 0; a < ac.size(); a++) {
            if (weight[a].signum() != 0) {
                Rational r = inst.reward(s, a);
                racc = racc.add(weight[a].multiply(r.numerator().multiply(rlcm.divide(r.denominator()))));
            }
        }
        return Rational.of(racc, w.den().multiply(rlcm));
    }

    /**
     * sum_a pi(a | policyState) P_j(. | kernelState, a): the kernel at one state mixed by the policy at
     * another. At policyState = kernelState it is the marginal P^pi_j(. | s); App. B.1 uses the off-diagonal
     * ones as the intermediate measure mu-tilde.
     */
    public static Rational[] mixture(Instance inst, int j, int kernelState, int policyState) {
        TabularPolicy pol = inst.tabularPolicy("ClosedLoop.mixture");
        JointSpace ac = inst.actions();
        int m = inst.states().localSize(j);
        Rational[] out = new Rational[m];
        Arrays.fill(out, Rational.ZERO);
        for (int a = 0; a < ac.size(); a++) {
            Rational w = pol.weight(ac, policyState, a, -1);
            if (w.isZero()) {
                continue;
            }
            for (int x = 0; x < m; x++) {
                out[x] = out[x].add(w.multiply(inst.kernel().get(j, kernelState, a, x)));
            }
        }
        return out;
    }

    public Instance instance() {
        return instance;
    }

    /** P^pi_j(. | s), a copy. */
    public Rational[] marginal(int j, int s) {
        return marginal[j][s].clone();
    }

    Rational[] marginalShared(int j, int s) {
        return marginal[j][s];
    }

    /** P^pi_j(. | s) as integer numerators over one denominator (not reduced), shared. */
    ClosedLoopRows.IntegerRow marginalRow(int j, int s) {
        return marginalRows[j][s];
    }

    public Rational rewardUnderPolicy(int s) {
        return rewardUnderPolicy[s];
    }

    public Rational[] rewardUnderPolicy() {
        return rewardUnderPolicy.clone();
    }

    /**
     * The joint kernel P^pi(s' | s) = sum_a pi(a | s) prod_j P_j(s'_j | s, a) (immutable, shared). Not the product of
     * the marginals P^pi_j: one joint action can correlate agents' next states (the c-governs/literal finding).
     */
    public JointKernel jointKernel() {
        return jointKernel;
    }
}
