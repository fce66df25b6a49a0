package org.localitycheck.model;

import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;

/** The observation-scope rule: a per-agent table must not vary with a coordinate the agent does not observe. */
final class ScopeCheck {
    private ScopeCheck() {
    }

    static void requireConstantOutsideScope(Rational[][][] table, List<Agent> agents, JointSpace states,
            String name) {
        for (int k = 0; k < agents.size(); k++) {
            for (int i = 0; i < agents.size(); i++) {
                if (agents.get(k).observes(i)) {
                    continue;
                }
                for (int s = 0; s < states.size(); s++) {
                    if (states.digit(s, i) != 0) {
                        continue;
                    }
                    for (int v = 1; v < states.localSize(i); v++) {
                        int s2 = states.withDigit(s, i, v);
                        if (!Arrays.equals(table[k][s], table[k][s2])) {
                            throw new InstanceException(name + "[" + k + "][" + s2 + "]", "differs from " + name
                                    + "[" + k + "][" + s + "] though agent " + k + " does not observe agent " + i
                                    + " (joint states " + s + " and " + s2 + " differ only in agent " + i + ")");
                        }
                    }
                }
            }
        }
    }
}
