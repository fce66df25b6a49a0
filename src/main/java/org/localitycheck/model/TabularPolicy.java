package org.localitycheck.model;

import java.util.List;
import org.localitycheck.arith.Rational;

/** A tabular product policy: {@code prob(k, s, b) = pi_k(b | s)}, given over full joint states. */
public final class TabularPolicy implements Policy {
    private final Rational[][][] t;

    private TabularPolicy(Rational[][][] t) {
        this.t = t;
    }

    /** Checks shapes, rows, and that each table is constant along coordinates outside the agent's scope. */
    public static TabularPolicy of(Rational[][][] tables, List<Agent> agents, JointSpace states) {
        int n = agents.size();
        if (tables.length != n) {
            throw new InstanceException("policy.tables", "has " + tables.length + " entries, expected one per agent ("
                    + n + ")");
        }
        Rational[][][] c = new Rational[n][states.size()][];
        for (int k = 0; k < n; k++) {
            if (tables[k].length != states.size()) {
                throw new InstanceException("policy.tables[" + k + "]", "has " + tables[k].length
                        + " entries, expected one per joint state (" + states.size() + ")");
            }
            for (int s = 0; s < states.size(); s++) {
                int kk = k;
                int ss = s;
                c[k][s] = ProbabilityRows.check(tables[k][s], agents.get(k).actions(),
                        () -> "policy.tables[" + kk + "][" + ss + "]", () -> "(agent " + kk + ", joint state " + ss + ")");
            }
        }
        ScopeCheck.requireConstantOutsideScope(c, agents, states, "policy.tables");
        return new TabularPolicy(c);
    }

    @Override
    public String kind() {
        return "tabular";
    }

    public int agents() {
        return t.length;
    }

    public Rational prob(int k, int s, int b) {
        return t[k][s][b];
    }

    public Rational[] row(int k, int s) {
        return t[k][s].clone();
    }

    /**
     * prod_{k != skip} pi_k(a_k | s), the policy's weight of joint action {@code a} (its digits in {@code actions})
     * at joint state {@code s} with agent {@code skip} left out; {@code skip = -1} for pi(a | s) itself.
     */
    public Rational weight(JointSpace actions, int s, int a, int skip) {
        Rational w = Rational.ONE;
        for (int k = 0; k < actions.coordinates() && !w.isZero(); k++) {
            if (k != skip) {
                w = w.multiply(t[k][s][actions.digit(a, k)]);
            }
        }
        return w;
    }
}
