package org.localitycheck.model;

import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * A temperature-tau softmax product policy (Definition 4): pi_k(b | s) proportional to
 * exp(g_k(s, b) / tau). Parsed and kept; its probabilities are irrational in general and are evaluated by
 * enclosures (the softmax issue).
 */
public final class SoftmaxPolicy implements Policy {
    private final Rational tau;
    private final Rational[][][] logits;

    private SoftmaxPolicy(Rational tau, Rational[][][] logits) {
        this.tau = tau;
        this.logits = logits;
    }

    public static SoftmaxPolicy of(Rational tau, Rational[][][] logits, List<Agent> agents, JointSpace states) {
        if (tau.signum() <= 0) {
            throw new InstanceException("policy.tau", "is " + tau + ", the temperature must be positive");
        }
        int n = agents.size();
        if (logits.length != n) {
            throw new InstanceException("policy.logits", "has " + logits.length + " entries, expected one per agent ("
                    + n + ")");
        }
        Rational[][][] c = new Rational[n][states.size()][];
        for (int k = 0; k < n; k++) {
            if (logits[k].length != states.size()) {
                throw new InstanceException("policy.logits[" + k + "]", "has " + logits[k].length
                        + " entries, expected one per joint state (" + states.size() + ")");
            }
            for (int s = 0; s < states.size(); s++) {
                if (logits[k][s].length != agents.get(k).actions()) {
                    throw new InstanceException("policy.logits[" + k + "][" + s + "]", "has " + logits[k][s].length
                            + " entries, expected " + agents.get(k).actions() + " (agent " + k + ", joint state "
                            + s + ")");
                }
                c[k][s] = logits[k][s].clone();
                for (int b = 0; b < c[k][s].length; b++) {
                    Rational x = c[k][s][b].divide(tau);
                    if (x.abs().compareTo(Rational.of(InputLimits.MAX_SOFTMAX_EXPONENT)) > 0) {
                        throw new InstanceException("policy.logits[" + k + "][" + s + "][" + b + "]", "logit / tau is beyond +-"
                                + InputLimits.MAX_SOFTMAX_EXPONENT + ", where exp is not evaluated ("
                                + InputLimits.raise("locality-check.max-softmax-exponent") + ")");
                    }
                }
            }
        }
        ScopeCheck.requireConstantOutsideScope(c, agents, states, "policy.logits");
        return new SoftmaxPolicy(tau, c);
    }

    @Override
    public String kind() {
        return "softmax";
    }

    public Rational tau() {
        return tau;
    }

    public Rational logit(int k, int s, int b) {
        return logits[k][s][b];
    }

    public int agents() {
        return logits.length;
    }
}
