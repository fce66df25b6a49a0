package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * Instances of binary agents written as formulas: P_j(s'_j = 1 | s, a) and pi_k(a_k = 1 | s) as functions of the
 * joint state's and joint action's digits. The families of the uniformity readings are built with it, so that each
 * member is an ordinary instance the engine (and the independent checker) evaluates from scratch.
 */
final class BinaryChain {
    /** P_j(s'_j = 1 | s, a) from the digits of s and a. */
    interface Kernel {
        Rational one(int j, int[] s, int[] a);
    }

    /** pi_k(a_k = 1 | s) from the digits of s. */
    interface Policy {
        Rational one(int k, int[] s);
    }

    private BinaryChain() {
    }

    /**
     * n binary agents with {@code actions[k]} in {1, 2}; observes[k] is agent k's scope (null: everything). A
     * one-action agent's policy is ignored. Reward r(s, a) = s_{rewardAgent}.
     */
    static Instance of(String name, int[] actions, int[][] observes, Kernel kernel, Policy policy, int rewardAgent) {
        int n = actions.length;
        List<Agent> agents = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            agents.add(Agent.of(2, actions[k], observes == null ? null : observes[k]));
        }
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] p = new Rational[n][st.size()][ac.size()][];
        Rational[][][] pol = new Rational[n][st.size()][];
        Rational[][] r = new Rational[st.size()][ac.size()];
        for (int s = 0; s < st.size(); s++) {
            int[] sd = st.decode(s);
            for (int a = 0; a < ac.size(); a++) {
                int[] ad = ac.decode(a);
                for (int j = 0; j < n; j++) {
                    Rational one = kernel.one(j, sd, ad);
                    p[j][s][a] = new Rational[] {Rational.ONE.subtract(one), one};
                }
                r[s][a] = Rational.of(sd[rewardAgent]);
            }
            for (int k = 0; k < n; k++) {
                if (actions[k] == 1) {
                    pol[k][s] = new Rational[] {Rational.ONE};
                } else {
                    Rational one = policy.one(k, sd);
                    pol[k][s] = new Rational[] {Rational.ONE.subtract(one), one};
                }
            }
        }
        return Instance.of(name, agents, FactoredKernel.of(p, st, ac), TabularPolicy.of(pol, agents, st), r);
    }

    /** x if the bit is 1, else y. */
    static Rational pick(int bit, Rational x, Rational y) {
        return bit == 1 ? x : y;
    }

    /** The function s -> s_i on joint states. */
    static Rational[] coordinate(Instance inst, int i) {
        Rational[] f = new Rational[inst.states().size()];
        for (int s = 0; s < f.length; s++) {
            f[s] = Rational.of(inst.states().digit(s, i));
        }
        return f;
    }
}
