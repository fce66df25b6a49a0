package org.localitycheck.model;

import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * A small factored MDP with a product policy and a reward: the object of FORMATS.md's
 * {@code locality-check/instance@1}.
 */
public final class Instance {
    private final String name;
    private final List<Agent> agents;
    private final JointSpace states;
    private final JointSpace actions;
    private final FactoredKernel kernel;
    private final Policy policy;
    private final Rational[][] reward;

    private Instance(String name, List<Agent> agents, JointSpace states, JointSpace actions, FactoredKernel kernel,
            Policy policy, Rational[][] reward) {
        this.name = name;
        this.agents = agents;
        this.states = states;
        this.actions = actions;
        this.kernel = kernel;
        this.policy = policy;
        this.reward = reward;
    }

    public static JointSpace stateSpace(List<Agent> agents) {
        return JointSpace.of(agents.stream().mapToInt(Agent::states).toArray());
    }

    public static JointSpace actionSpace(List<Agent> agents) {
        return JointSpace.of(agents.stream().mapToInt(Agent::actions).toArray());
    }

    /**
     * At least one agent, and every observation list names agents that exist, each once. Readers call it before they
     * read the policy, whose checks rest on the lists (a list naming agent -1 is reported as such, not as a policy that
     * varies where it should not).
     */
    public static void checkAgents(List<Agent> agents) {
        if (agents.isEmpty()) {
            throw new InstanceException("agents", "is empty, at least one agent is required");
        }
        for (int k = 0; k < agents.size(); k++) {
            int[] o = agents.get(k).observesAsWritten();
            if (o == null) {
                continue;
            }
            boolean[] seen = new boolean[agents.size()];
            for (int x = 0; x < o.length; x++) {
                if (o[x] < 0 || o[x] >= agents.size()) {
                    throw new InstanceException("agents[" + k + "].observes[" + x + "]", "is " + o[x]
                            + ", not an agent index 0.." + (agents.size() - 1));
                }
                if (seen[o[x]]) {
                    throw new InstanceException("agents[" + k + "].observes[" + x + "]", "repeats agent " + o[x]);
                }
                seen[o[x]] = true;
            }
        }
    }

    /**
     * An instance from checked parts. The kernel and policy carry their own checks; here the reward's
     * shape and the scopes' indices are checked.
     */
    public static Instance of(String name, List<Agent> agents, FactoredKernel kernel, Policy policy,
            Rational[][] reward) {
        checkAgents(agents);
        JointSpace st = stateSpace(agents);
        JointSpace ac = actionSpace(agents);
        if (reward.length != st.size()) {
            throw new InstanceException("reward", "has " + reward.length + " entries, expected one per joint state ("
                    + st.size() + ")");
        }
        Rational[][] r = new Rational[st.size()][];
        for (int s = 0; s < st.size(); s++) {
            if (reward[s].length != ac.size()) {
                throw new InstanceException("reward[" + s + "]", "has " + reward[s].length
                        + " entries, expected one per joint action (" + ac.size() + ")");
            }
            r[s] = reward[s].clone();
        }
        return new Instance(name, List.copyOf(agents), st, ac, kernel, policy, r);
    }

    public String name() {
        return name;
    }

    public List<Agent> agents() {
        return agents;
    }

    public int agentCount() {
        return agents.size();
    }

    public JointSpace states() {
        return states;
    }

    public JointSpace actions() {
        return actions;
    }

    public FactoredKernel kernel() {
        return kernel;
    }

    public Policy policy() {
        return policy;
    }

    /** The tabular policy; UnsupportedOperationException naming the operation when it is softmax. */
    public TabularPolicy tabularPolicy(String operation) {
        if (!(policy instanceof TabularPolicy)) {
            throw new UnsupportedOperationException(operation + ": softmax policies are not supported yet "
                    + "(their probabilities are irrational; enclosures come with the softmax issue)");
        }
        return (TabularPolicy) policy;
    }

    public Rational reward(int s, int a) {
        return reward[s][a];
    }

    public Rational[][] rewardTable() {
        Rational[][] c = new Rational[reward.length][];
        for (int s = 0; s < reward.length; s++) {
            c[s] = reward[s].clone();
        }
        return c;
    }

    public Instance withName(String newName) {
        return new Instance(newName, agents, states, actions, kernel, policy, reward);
    }
}
