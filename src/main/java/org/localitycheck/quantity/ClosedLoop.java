package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.Arrays;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The closed loop of a factored kernel and a tabular product policy (Sec. 2): the next-state marginals
 * P^pi_j(x | s) = sum_a P_j(x | s, a) prod_k pi_k(a_k | s_{O_k}) and the reward under the policy
 * r^pi(s) = sum_a r(s, a) prod_k pi_k(a_k | s). Each sum over joint actions runs on integers over one
 * common denominator per joint state.
 */
public final class ClosedLoop {
    private final Instance instance;
    private final Rational[][][] marginal; // [j][s][x]
    private final Rational[] rewardUnderPolicy;

    private ClosedLoop(Instance instance, Rational[][][] marginal, Rational[] rewardUnderPolicy) {
        this.instance = instance;
        this.marginal = marginal;
        this.rewardUnderPolicy = rewardUnderPolicy;
    }

    public static ClosedLoop of(Instance inst) {
        IntegerView view = IntegerView.of(inst);
        if (view != null) {
            try {
                return ofLongs(inst, view);
            } catch (ArithmeticException overflow) {
                // a sum left the range of long: take the BigInteger path below
            }
        }
        return ofBig(inst);
    }

    /** The same sums as {@link #ofBig} on the integer view, in longs with overflow checks. */
    private static ClosedLoop ofLongs(Instance inst, IntegerView v) {
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = inst.agentCount();
        Rational[][][] marg = new Rational[n][st.size()][];
        Rational[] rpi = new Rational[st.size()];
        long wden = 1;
        for (long d : v.pd) {
            wden = Math.multiplyExact(wden, d);
        }
        long[] w = new long[ac.size()];
        for (int s = 0; s < st.size(); s++) {
            v.weights(ac, s, w);
            for (int j = 0; j < n; j++) {
                long[] acc = new long[st.localSize(j)];
                for (int a = 0; a < ac.size(); a++) {
                    if (w[a] == 0) {
                        continue;
                    }
                    long[] row = v.kn[j][s][a];
                    for (int x = 0; x < acc.length; x++) {
                        acc[x] = Math.addExact(acc[x], Math.multiplyExact(w[a], row[x]));
                    }
                }
                long den = Math.multiplyExact(wden, v.kd[j]);
                marg[j][s] = new Rational[acc.length];
                for (int x = 0; x < acc.length; x++) {
                    marg[j][s][x] = Rational.of(acc[x], den);
                }
            }
            BigInteger[] wb = new BigInteger[ac.size()];
            for (int a = 0; a < ac.size(); a++) {
                wb[a] = BigInteger.valueOf(w[a]);
            }
            rpi[s] = rewardUnderPolicy(inst, s, wb, BigInteger.valueOf(wden));
        }
        return new ClosedLoop(inst, marg, rpi);
    }

    private static ClosedLoop ofBig(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("ClosedLoop.of");
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = inst.agentCount();
        Rational[][][] marg = new Rational[n][st.size()][];
        Rational[] rpi = new Rational[st.size()];
        for (int s = 0; s < st.size(); s++) {
            ActionWeights aw = ActionWeights.at(pol, ac, s);
            BigInteger[] weight = aw.num;
            BigInteger wden = aw.den;
            ClosedLoopRows rows = ClosedLoopRows.at(inst, s);
            for (int j = 0; j < n; j++) {
                marg[j][s] = rows.marginal(j);
            }
            rpi[s] = rewardUnderPolicy(inst, s, weight, wden);
        }
        return new ClosedLoop(inst, marg, rpi);
    }

    /** r^pi(s) = sum_a r(s, a) w(a) / wden. */
    private static Rational rewardUnderPolicy(Instance inst, int s, BigInteger[] weight, BigInteger wden) {
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
        return Rational.of(racc, wden.multiply(rlcm));
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

    public Rational rewardUnderPolicy(int s) {
        return rewardUnderPolicy[s];
    }

    public Rational[] rewardUnderPolicy() {
        return rewardUnderPolicy.clone();
    }

    /**
     * The joint kernel P^pi(s' | s) = sum_a pi(a | s) prod_j P_j(s'_j | s, a), built on demand. Not the product of the
     * marginals P^pi_j: one joint action can correlate agents' next states (the c-governs/literal finding).
     */
    public JointKernel jointKernel() {
        return JointKernel.of(instance);
    }
}
