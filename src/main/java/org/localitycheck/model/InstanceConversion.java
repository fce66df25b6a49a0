package org.localitycheck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * instance@2 to instance@1 (expansion over joint states and joint actions, where the joint size allows) and
 * instance@1 to instance@2 (each kernel over the agents it depends on, the reward as one joint table).
 */
public final class InstanceConversion {
    private InstanceConversion() {
    }

    /** joint states x joint actions of a factored instance, or -1 beyond 2^62. */
    public static long jointSize(FactoredInstance f) {
        long s = Scope.configurations(all(f.agentCount()), f.stateSizes());
        long a = Scope.configurations(all(f.agentCount()), f.actionSizes());
        if (s < 0 || a < 0) {
            return -1;
        }
        return s * a;
    }

    /** The instance@1 of a factored instance; an InstanceException when the joint size is above the limit. */
    public static Instance expand(FactoredInstance f, long sizeLimit) {
        long size = jointSize(f);
        if (size < 0 || size > sizeLimit) {
            throw new InstanceException("agents", "expanding " + f.agentCount() + " agents to joint states and joint "
                    + "actions needs a table of " + (size < 0 ? "more than 2^62" : Long.toString(size)) + " entries, above "
                    + "the size limit " + sizeLimit + " (raise it with --max-size)");
        }
        int n = f.agentCount();
        Scope states = Scope.all(f.stateSizes());
        Scope actions = Scope.all(f.actionSizes());
        List<Agent> agents = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            agents.add(Agent.of(f.states(k), f.actions(k), f.observesWritten(k) ? f.observes(k).agents() : null));
        }
        Rational[][][][] kernel = new Rational[n][states.size()][actions.size()][];
        for (int j = 0; j < n; j++) {
            int[] ps = f.kernelStates(j).projectionFrom(states);
            int[] pa = f.kernelActions(j).projectionFrom(actions);
            for (int s = 0; s < states.size(); s++) {
                for (int a = 0; a < actions.size(); a++) {
                    Rational[] row = new Rational[f.states(j)];
                    for (int x = 0; x < row.length; x++) {
                        row[x] = f.kernel(j, ps[s], pa[a], x);
                    }
                    kernel[j][s][a] = row;
                }
            }
        }
        Rational[][][] tables = new Rational[n][states.size()][];
        for (int k = 0; k < n; k++) {
            int[] po = f.observes(k).projectionFrom(states);
            for (int s = 0; s < states.size(); s++) {
                tables[k][s] = f.policyRow(k, po[s]);
            }
        }
        JointSpace st = Instance.stateSpace(agents);
        Policy policy = FactoredInstance.SOFTMAX.equals(f.policyKind())
                ? SoftmaxPolicy.of(f.tau(), tables, agents, st)
                : TabularPolicy.of(tables, agents, st);
        Rational[][] reward = new Rational[states.size()][actions.size()];
        if (f.hasJointReward()) {
            for (int s = 0; s < states.size(); s++) {
                for (int a = 0; a < actions.size(); a++) {
                    reward[s][a] = f.jointReward(s, a);
                }
            }
        } else {
            for (Rational[] row : reward) {
                Arrays.fill(row, Rational.ZERO);
            }
            for (FactoredInstance.RewardTerm t : f.rewardTerms()) {
                int[] ps = t.states().projectionFrom(states);
                int[] pa = t.actions().projectionFrom(actions);
                for (int s = 0; s < states.size(); s++) {
                    for (int a = 0; a < actions.size(); a++) {
                        reward[s][a] = reward[s][a].add(t.value(ps[s], pa[a]));
                    }
                }
            }
        }
        return Instance.of(f.name(), agents, FactoredKernel.of(kernel, st, Instance.actionSpace(agents)), policy, reward);
    }

    /**
     * The instance@2 of an instance@1: each kernel over exactly the agents whose state or action it depends
     * on, each policy over its observation scope as written, the reward as one joint table.
     */
    public static FactoredInstance factor(Instance inst) {
        int n = inst.agentCount();
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int[] ms = new int[n];
        int[] qs = new int[n];
        for (int k = 0; k < n; k++) {
            ms[k] = inst.agents().get(k).states();
            qs[k] = inst.agents().get(k).actions();
        }
        int[][] kStates = new int[n][];
        int[][] kActions = new int[n][];
        Rational[][][][] kernel = new Rational[n][][][];
        for (int j = 0; j < n; j++) {
            kStates[j] = dependsOnState(inst, j);
            kActions[j] = dependsOnAction(inst, j);
            Scope ls = Scope.of(kStates[j], ms);
            Scope la = Scope.of(kActions[j], qs);
            kernel[j] = new Rational[ls.size()][la.size()][];
            for (int c = 0; c < ls.size(); c++) {
                int s = embed(st, ls, c);
                for (int d = 0; d < la.size(); d++) {
                    kernel[j][c][d] = inst.kernel().row(j, s, embed(ac, la, d));
                }
            }
        }
        int[][] observes = new int[n][];
        Rational[][][] policy = new Rational[n][][];
        String kind = inst.policy().kind();
        Rational tau = inst.policy() instanceof SoftmaxPolicy ? ((SoftmaxPolicy) inst.policy()).tau() : null;
        for (int k = 0; k < n; k++) {
            observes[k] = inst.agents().get(k).observesAsWritten();
            Scope o = observes[k] == null ? Scope.all(ms) : Scope.of(observes[k], ms);
            policy[k] = new Rational[o.size()][];
            for (int c = 0; c < o.size(); c++) {
                int s = embed(st, o, c);
                if (inst.policy() instanceof TabularPolicy) {
                    policy[k][c] = ((TabularPolicy) inst.policy()).row(k, s);
                } else {
                    Rational[] g = new Rational[qs[k]];
                    for (int b = 0; b < g.length; b++) {
                        g[b] = ((SoftmaxPolicy) inst.policy()).logit(k, s, b);
                    }
                    policy[k][c] = g;
                }
            }
        }
        return FactoredInstance.of(new FactoredInstance.Parts(inst.name(), ms, qs, kStates, kActions, kernel, observes,
                kind, tau, policy, List.of(), List.of(), inst.rewardTable()), Long.MAX_VALUE);
    }

    /** The joint index whose coordinates in the scope are those of configuration c, the others 0. */
    private static int embed(JointSpace space, Scope scope, int c) {
        int idx = 0;
        for (int x = 0; x < scope.length(); x++) {
            idx = space.withDigit(idx, scope.agent(x), scope.space().digit(c, x));
        }
        return idx;
    }

    private static int[] dependsOnState(Instance inst, int j) {
        return dependsOn(inst.states(), inst.actions().size(), (s, t, a) -> !Arrays.equals(inst.kernel().row(j, s, a),
                inst.kernel().row(j, t, a)));
    }

    private static int[] dependsOnAction(Instance inst, int j) {
        return dependsOn(inst.actions(), inst.states().size(), (a, b, s) -> !Arrays.equals(inst.kernel().row(j, s, a),
                inst.kernel().row(j, s, b)));
    }

    /** Whether P_j's rows differ at two indices of {@code space} that differ in one coordinate, the other index fixed. */
    private interface Differs {
        boolean at(int x, int y, int other);
    }

    /**
     * The coordinates of {@code space} some pair of indices differing only there tells apart, for some value
     * 0..others-1 of the other index.
     */
    private static int[] dependsOn(JointSpace space, int others, Differs differs) {
        List<Integer> deps = new ArrayList<>();
        for (int i = 0; i < space.coordinates(); i++) {
            boolean depends = false;
            for (int x = 0; x < space.size() && !depends; x++) {
                for (int v = space.digit(x, i) + 1; v < space.localSize(i) && !depends; v++) {
                    int y = space.withDigit(x, i, v);
                    for (int o = 0; o < others && !depends; o++) {
                        depends = differs.at(x, y, o);
                    }
                }
            }
            if (depends) {
                deps.add(i);
            }
        }
        return deps.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, x -> x);
        return a;
    }
}
