package org.localitycheck.model;

import java.util.Arrays;

/**
 * One agent's local sizes and observation scope O_k. {@code observes} is null when the instance leaves the
 * scope out, which means every agent.
 */
public final class Agent {
    private final int states;
    private final int actions;
    private final int[] observes;

    private Agent(int states, int actions, int[] observes) {
        this.states = states;
        this.actions = actions;
        this.observes = observes;
    }

    public static Agent of(int states, int actions, int[] observes) {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("Agent.of: states " + states + " and actions " + actions
                    + " must be at least 1");
        }
        return new Agent(states, actions, observes == null ? null : observes.clone());
    }

    public static Agent of(int states, int actions) {
        return of(states, actions, null);
    }

    public int states() {
        return states;
    }

    public int actions() {
        return actions;
    }

    public boolean hasScope() {
        return observes != null;
    }

    /** The scope as written (null when absent). */
    public int[] observesAsWritten() {
        return observes == null ? null : observes.clone();
    }

    /** True when this agent's policy may depend on coordinate i. */
    public boolean observes(int i) {
        if (observes == null) {
            return true;
        }
        for (int o : observes) {
            if (o == i) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Agent)) {
            return false;
        }
        Agent a = (Agent) o;
        return states == a.states && actions == a.actions && Arrays.equals(observes, a.observes);
    }

    @Override
    public int hashCode() {
        return (states * 31 + actions) * 31 + Arrays.hashCode(observes);
    }
}
