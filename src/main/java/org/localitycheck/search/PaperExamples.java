package org.localitycheck.search;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.RandomRows;
import org.localitycheck.model.TabularPolicy;

/**
 * The paper's worked examples as instances (agents numbered from 0: the paper's agent 1 is agent 0).
 * Where the paper leaves a part unspecified (a constant kernel's value, the other agents' policies, the
 * reward) the choice is written down here and in the instance name.
 */
public final class PaperExamples {
    private PaperExamples() {
    }

    /**
     * Section 3: two binary agents; P_1 constant (uniform); P_2(s'_2 = 1 | s, a) = 1{a_1 = 1}; agent 1
     * observes only itself with pi_1(1 | s_1) = (1 - alpha)/2 + alpha s_1, so Pi_{1&lt;-1} = alpha; agent 2 plays
     * uniformly; reward r(s, a) = 1{s_2 = 1}.
     */
    public static Instance section3(Rational alpha) {
        if (alpha.signum() < 0 || alpha.compareTo(Rational.ONE) > 0) {
            throw new IllegalArgumentException("PaperExamples.section3: alpha must lie in [0, 1], got " + alpha);
        }
        List<Agent> agents = List.of(Agent.of(2, 2, new int[] {0}), Agent.of(2, 2, new int[] {}));
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[2][st.size()][ac.size()][];
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                k[0][s][a] = RandomRows.uniform(2);
                k[1][s][a] = RandomRows.pointMass(2, ac.digit(a, 0));
            }
        }
        Rational low = Rational.ONE.subtract(alpha).multiply(Rational.HALF);
        Rational[][][] pol = new Rational[2][st.size()][];
        for (int s = 0; s < st.size(); s++) {
            Rational p1 = st.digit(s, 0) == 1 ? low.add(alpha) : low;
            pol[0][s] = new Rational[] {Rational.ONE.subtract(p1), p1};
            pol[1][s] = RandomRows.uniform(2);
        }
        return Instance.of("section3-alpha-" + alpha, agents, FactoredKernel.of(k, st, ac),
                TabularPolicy.of(pol, agents, st), indicatorReward(st, ac, 1));
    }

    /**
     * App. E.1: leader (agent 0) and follower (agent 1), binary states and actions. The follower's next state
     * copies the leader's current state: P_2(s'_2 = 1 | s, a) = 1{s_1 = 1}. The paper leaves P_1 open:
     * {@code leaderKernel} is "constant" (uniform), "self-copy" (s'_1 = s_1) or "flip" (s'_1 = 1 - s_1).
     * Both agents play uniformly; reward 1{s_2 = 1}.
     */
    public static Instance leaderFollower(String leaderKernel) {
        List<Agent> agents = List.of(Agent.of(2, 2), Agent.of(2, 2));
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[2][st.size()][ac.size()][];
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                int s1 = st.digit(s, 0);
                switch (leaderKernel) {
                    case "constant":
                        k[0][s][a] = RandomRows.uniform(2);
                        break;
                    case "self-copy":
                        k[0][s][a] = RandomRows.pointMass(2, s1);
                        break;
                    case "flip":
                        k[0][s][a] = RandomRows.pointMass(2, 1 - s1);
                        break;
                    default:
                        throw new IllegalArgumentException("PaperExamples.leaderFollower: leader kernel \""
                                + leaderKernel + "\" is not constant, self-copy or flip");
                }
                k[1][s][a] = RandomRows.pointMass(2, s1);
            }
        }
        Rational[][][] pol = new Rational[2][st.size()][];
        for (int s = 0; s < st.size(); s++) {
            pol[0][s] = RandomRows.uniform(2);
            pol[1][s] = RandomRows.uniform(2);
        }
        return Instance.of("leader-follower-" + leaderKernel, agents, FactoredKernel.of(k, st, ac),
                TabularPolicy.of(pol, agents, st), indicatorReward(st, ac, 1));
    }

    /**
     * App. E.2 with a tabular hub policy: n binary agents; P_1 constant (uniform); for j &gt; 1,
     * P_j(s'_j = 1 | s, a) = 1{a_1 = 1}. The hub (agent 0) plays pi_1(1 | s) = 1/2 + sum_i c_i (s_i - 1/2)
     * with the given nonnegative c_i summing to at most 1, so Pi_{1&lt;-i} = c_i; the spokes play uniformly
     * and observe nothing. Reward: 1{s_2 = 1}.
     */
    public static Instance hub(Rational[] c) {
        int n = c.length;
        if (n < 3) {
            throw new IllegalArgumentException("PaperExamples.hub: n must be at least 3, got " + n);
        }
        Rational total = Rational.ZERO;
        for (Rational x : c) {
            if (x.signum() < 0) {
                throw new IllegalArgumentException("PaperExamples.hub: sensitivities must be nonnegative, got " + x);
            }
            total = total.add(x);
        }
        if (total.compareTo(Rational.ONE) > 0) {
            throw new IllegalArgumentException("PaperExamples.hub: sensitivities sum to " + total + ", above 1");
        }
        List<Agent> agents = new ArrayList<>();
        agents.add(Agent.of(2, 2));
        for (int j = 1; j < n; j++) {
            agents.add(Agent.of(2, 2, new int[] {}));
        }
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[n][st.size()][ac.size()][];
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                k[0][s][a] = RandomRows.uniform(2);
                for (int j = 1; j < n; j++) {
                    k[j][s][a] = RandomRows.pointMass(2, ac.digit(a, 0));
                }
            }
        }
        Rational[][][] pol = new Rational[n][st.size()][];
        for (int s = 0; s < st.size(); s++) {
            Rational p1 = Rational.HALF;
            for (int i = 0; i < n; i++) {
                p1 = p1.add(c[i].multiply(Rational.of(st.digit(s, i)).subtract(Rational.HALF)));
            }
            pol[0][s] = new Rational[] {Rational.ONE.subtract(p1), p1};
            for (int j = 1; j < n; j++) {
                pol[j][s] = RandomRows.uniform(2);
            }
        }
        return Instance.of("hub-n" + n, agents, FactoredKernel.of(k, st, ac), TabularPolicy.of(pol, agents, st),
                indicatorReward(st, ac, 1));
    }

    /** One agent, two states, one action: P(1|0) = p, P(0|1) = q; reward 1{s = 1}. */
    public static Instance twoStateChain(Rational p, Rational q) {
        List<Agent> agents = List.of(Agent.of(2, 1));
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[1][2][1][];
        k[0][0][0] = new Rational[] {Rational.ONE.subtract(p), p};
        k[0][1][0] = new Rational[] {q, Rational.ONE.subtract(q)};
        Rational[][][] pol = {{{Rational.ONE}, {Rational.ONE}}};
        return Instance.of("two-state-chain", agents, FactoredKernel.of(k, st, ac), TabularPolicy.of(pol, agents, st),
                indicatorReward(st, ac, 0));
    }

    /** r(s, a) = 1{s_agent = 1}. */
    static Rational[][] indicatorReward(JointSpace st, JointSpace ac, int agent) {
        Rational[][] r = new Rational[st.size()][ac.size()];
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                r[s][a] = st.digit(s, agent) == 1 ? Rational.ONE : Rational.ZERO;
            }
        }
        return r;
    }
}
