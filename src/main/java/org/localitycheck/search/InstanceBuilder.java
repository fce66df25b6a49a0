package org.localitycheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.SoftmaxPolicy;
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
            Arrays.fill(row, Rational.ZERO);
        }
    }

    /** A mutable copy of an instance with a tabular policy. */
    static InstanceBuilder from(Instance inst) {
        InstanceBuilder b = new InstanceBuilder(inst.agents());
        TabularPolicy pol = (TabularPolicy) inst.policy();
        for (int j = 0; j < b.n(); j++) {
            for (int s = 0; s < b.states.size(); s++) {
                for (int a = 0; a < b.actions.size(); a++) {
                    b.kernel[j][s][a] = inst.kernel().row(j, s, a);
                }
                b.policy[j][s] = pol.row(j, s);
            }
        }
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = inst.reward(s, a);
            }
        }
        return b;
    }

    int n() {
        return agents.size();
    }

    Instance buildSoftmax(String name, Rational tau, Rational[][][] logits) {
        return Instance.of(name, agents, FactoredKernel.of(kernel, states, actions),
                SoftmaxPolicy.of(tau, logits, agents, states), reward);
    }

    Instance build(String name) {
        return Instance.of(name, agents, FactoredKernel.of(kernel, states, actions),
                TabularPolicy.of(policy, agents, states), reward);
    }
}
