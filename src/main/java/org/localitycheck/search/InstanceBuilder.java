package org.localitycheck.search;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/** Mutable arrays for building an instance, checked once at {@link #build}. */
final class InstanceBuilder {
    final List<Agent> agents;
    final JointSpace states;
    final JointSpace actions;
    final Rational[][][][] kernel;
    final Rational[][][] policy;
    final Rational[][] reward;

    InstanceBuilder(List<Agent> agents) {
        this.agents = new ArrayList<>(agents);
        this.states = Instance.stateSpace(agents);
        this.actions = Instance.actionSpace(agents);
        int n = agents.size();
        this.kernel = new Rational[n][states.size()][actions.size()][];
        this.policy = new Rational[n][states.size()][];
        this.reward = new Rational[states.size()][actions.size()];
        for (Rational[] row : reward) {
            java.util.Arrays.fill(row, Rational.ZERO);
        }
    }

    int n() {
        return agents.size();
    }

    Instance build(String name) {
        return Instance.of(name, agents, FactoredKernel.of(kernel, states, actions),
                TabularPolicy.of(policy, agents, states), reward);
    }
}
