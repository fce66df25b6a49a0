package org.localitycheck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * A factored instance ({@code locality-check/instance@2}): each agent's kernel tabulated over the agents it
 * reads, each policy over its observation scope, the reward a sum of local terms (or, for small networks, one
 * table over joint states and joint actions). Nothing here is of the size of the joint space unless the
 * reward is given jointly.
 */
public final class FactoredInstance {
    public static final String TABULAR = "tabular";
    public static final String SOFTMAX = "softmax";

    /** One reward term r_m(s_R, a_Q): {@code table[local state][local action]}. */
    public static final class RewardTerm {
        private final Scope states;
        private final Scope actions;
        private final Rational[][] table;

        private RewardTerm(Scope states, Scope actions, Rational[][] table) {
            this.states = states;
            this.actions = actions;
            this.table = table;
        }

        public Scope states() {
            return states;
        }

        public Scope actions() {
            return actions;
        }

        public Rational value(int localState, int localAction) {
            return table[localState][localAction];
        }
    }

    /** The parts of an instance as read, before the checks of {@link #of}. */
    public record Parts(String name, int[] states, int[] actions, int[][] kernelStates, int[][] kernelActions,
            Rational[][][][] kernel, int[][] observes, String policyKind, Rational tau, Rational[][][] policy,
            List<int[][]> termScopes, List<Rational[][]> termTables, Rational[][] jointReward) {
    }

    private final String name;
    private final int[] states;
    private final int[] actions;
    private final Scope[] kernelStates;
    private final Scope[] kernelActions;
    private final Rational[][][][] kernel;
    private final Scope[] observes;
    private final boolean[] observesWritten;
    private final String policyKind;
    private final Rational tau;
    private final Rational[][][] policy;
    private final List<RewardTerm> terms;
    private final Rational[][] jointReward;

    private FactoredInstance(Parts p, Scope[] kernelStates, Scope[] kernelActions, Rational[][][][] kernel,
            Scope[] observes, Rational[][][] policy, List<RewardTerm> terms, Rational[][] jointReward) {
        this.name = p.name();
        this.states = p.states().clone();
        this.actions = p.actions().clone();
        this.kernelStates = kernelStates;
        this.kernelActions = kernelActions;
        this.kernel = kernel;
        this.observes = observes;
        this.observesWritten = new boolean[states.length];
        for (int k = 0; k < states.length; k++) {
            observesWritten[k] = p.observes()[k] != null;
        }
        this.policyKind = p.policyKind();
        this.tau = p.tau();
        this.policy = policy;
        this.terms = terms;
        this.jointReward = jointReward;
    }

    /**
     * Checks every rule of instance@2 (README, "Factored instances"): scopes name distinct agents, tables have
     * the shapes their scopes give and at most {@code sizeLimit} entries, kernel rows and tabular policy rows
     * are probability vectors, softmax temperatures are positive and logits bounded. Arrays are copied.
     */
    public static FactoredInstance of(Parts p, long sizeLimit) {
        int n = p.states().length;
        if (n == 0) {
            throw new InstanceException("agents", "is empty, at least one agent is required");
        }
        Scope[] ks = new Scope[n];
        Scope[] ka = new Scope[n];
        Rational[][][][] kernel = new Rational[n][][][];
        for (int j = 0; j < n; j++) {
            String at = "agents[" + j + "].kernel";
            ks[j] = scope(p.kernelStates()[j], p.states(), at + ".states");
            ka[j] = scope(p.kernelActions()[j], p.actions(), at + ".actions");
            limit(at + ".table", (long) ks[j].size() * ka[j].size() * p.states()[j], sizeLimit,
                    "local states x local actions x next states");
            Rational[][][] t = p.kernel()[j];
            requireLength(t.length, ks[j].size(), at + ".table", "one per configuration of the states it reads");
            kernel[j] = new Rational[t.length][][];
            for (int s = 0; s < t.length; s++) {
                requireLength(t[s].length, ka[j].size(), at + ".table[" + s + "]",
                        "one per configuration of the actions it reads");
                kernel[j][s] = new Rational[t[s].length][];
                for (int a = 0; a < t[s].length; a++) {
                    int jj = j;
                    int ss = s;
                    int aa = a;
                    kernel[j][s][a] = ProbabilityRows.check(t[s][a], p.states()[j],
                            () -> "agents[" + jj + "].kernel.table[" + ss + "][" + aa + "]",
                            () -> "(agent " + jj + ", local state " + ss + ", local action " + aa + ")");
                }
            }
        }
        boolean softmax = SOFTMAX.equals(p.policyKind());
        if (!softmax && !TABULAR.equals(p.policyKind())) {
            throw new InstanceException("policy.kind", "is \"" + p.policyKind() + "\"; expected \"tabular\" or \"softmax\"");
        }
        if (softmax && (p.tau() == null || p.tau().signum() <= 0)) {
            throw new InstanceException("policy.tau", "is " + p.tau() + ", the temperature must be positive");
        }
        Scope[] obs = new Scope[n];
        Rational[][][] pol = new Rational[n][][];
        for (int k = 0; k < n; k++) {
            String at = "agents[" + k + "]";
            int[] o = p.observes()[k];
            if (o == null) {
                o = new int[n];
                Arrays.setAll(o, x -> x);
            }
            obs[k] = scope(o, p.states(), at + ".observes" + (p.observes()[k] == null ? " (absent: every agent)" : ""));
            limit(at + ".policy", (long) obs[k].size() * p.actions()[k], sizeLimit, "observed configurations x actions");
            Rational[][] t = p.policy()[k];
            requireLength(t.length, obs[k].size(), at + ".policy", "one per configuration of the agents it observes");
            pol[k] = new Rational[t.length][];
            for (int c = 0; c < t.length; c++) {
                int kk = k;
                int cc = c;
                if (softmax) {
                    requireLength(t[c].length, p.actions()[k], at + ".policy[" + c + "]", "one logit per action");
                    for (int b = 0; b < t[c].length; b++) {
                        if (t[c][b].divide(p.tau()).abs().compareTo(Rational.of(InputLimits.MAX_SOFTMAX_EXPONENT)) > 0) {
                            throw new InstanceException(at + ".policy[" + c + "][" + b + "]", "logit / tau is beyond +-"
                                    + InputLimits.MAX_SOFTMAX_EXPONENT + ", where exp is not evaluated ("
                                    + InputLimits.raise("locality-check.max-softmax-exponent") + ")");
                        }
                    }
                    pol[k][c] = t[c].clone();
                } else {
                    pol[k][c] = ProbabilityRows.check(t[c], p.actions()[k], () -> "agents[" + kk + "].policy[" + cc + "]",
                            () -> "(agent " + kk + ", observed configuration " + cc + ")");
                }
            }
        }
        List<RewardTerm> terms = null;
        Rational[][] joint = null;
        if (p.jointReward() != null) {
            long size = Scope.configurations(allAgents(n), p.states());
            long acts = Scope.configurations(allAgents(n), p.actions());
            if (size < 0 || acts < 0 || size * acts > sizeLimit) {
                throw new InstanceException("reward.joint", "a joint reward table needs joint states x joint actions "
                        + "<= the size limit " + sizeLimit + "; give the reward as local terms instead");
            }
            joint = new Rational[p.jointReward().length][];
            requireLength(joint.length, (int) size, "reward.joint", "one per joint state");
            for (int s = 0; s < joint.length; s++) {
                requireLength(p.jointReward()[s].length, (int) acts, "reward.joint[" + s + "]", "one per joint action");
                joint[s] = p.jointReward()[s].clone();
            }
        } else {
            terms = new ArrayList<>();
            for (int m = 0; m < p.termScopes().size(); m++) {
                String at = "reward.terms[" + m + "]";
                Scope rs = scope(p.termScopes().get(m)[0], p.states(), at + ".states");
                Scope ra = scope(p.termScopes().get(m)[1], p.actions(), at + ".actions");
                limit(at + ".table", (long) rs.size() * ra.size(), sizeLimit, "local states x local actions");
                Rational[][] t = p.termTables().get(m);
                requireLength(t.length, rs.size(), at + ".table", "one per configuration of its states");
                Rational[][] c = new Rational[t.length][];
                for (int s = 0; s < t.length; s++) {
                    requireLength(t[s].length, ra.size(), at + ".table[" + s + "]", "one per configuration of its actions");
                    c[s] = t[s].clone();
                }
                terms.add(new RewardTerm(rs, ra, c));
            }
            terms = List.copyOf(terms);
        }
        return new FactoredInstance(p, ks, ka, kernel, obs, pol, terms, joint);
    }

    private static int[] allAgents(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, x -> x);
        return a;
    }

    private static Scope scope(int[] agents, int[] sizes, String place) {
        boolean[] seen = new boolean[sizes.length];
        for (int x = 0; x < agents.length; x++) {
            if (agents[x] < 0 || agents[x] >= sizes.length) {
                throw new InstanceException(place + "[" + x + "]", "is " + agents[x] + ", not an agent index 0.."
                        + (sizes.length - 1));
            }
            if (seen[agents[x]]) {
                throw new InstanceException(place + "[" + x + "]", "repeats agent " + agents[x]);
            }
            seen[agents[x]] = true;
        }
        if (Scope.configurations(agents, sizes) < 0) {
            throw new InstanceException(place, "has more than 2^31 configurations");
        }
        return Scope.of(agents, sizes);
    }

    private static void limit(String place, long size, long sizeLimit, String what) {
        if (size > sizeLimit) {
            throw new InstanceException(place, what + " = " + size + " exceeds the size limit " + sizeLimit
                    + " (raise it with --max-size)");
        }
    }

    private static void requireLength(int length, int expected, String place, String what) {
        if (length != expected) {
            throw new InstanceException(place, "has " + length + " entries, expected " + expected + " (" + what + ")");
        }
    }

    public String name() {
        return name;
    }

    /** The same instance under another name. */
    public FactoredInstance withName(String newName) {
        List<int[][]> scopes = new ArrayList<>();
        List<Rational[][]> tables = new ArrayList<>();
        if (terms != null) {
            for (RewardTerm t : terms) {
                scopes.add(new int[][] {t.states.agents(), t.actions.agents()});
                tables.add(t.table);
            }
        }
        int n = states.length;
        int[][] ks = new int[n][];
        int[][] ka = new int[n][];
        int[][] obs = new int[n][];
        for (int j = 0; j < n; j++) {
            ks[j] = kernelStates[j].agents();
            ka[j] = kernelActions[j].agents();
            obs[j] = observesWritten[j] ? observes[j].agents() : null;
        }
        return new FactoredInstance(new Parts(newName, states, actions, ks, ka, kernel, obs, policyKind, tau, policy, scopes,
                tables, jointReward), kernelStates, kernelActions, kernel, observes, policy, terms, jointReward);
    }

    public int agentCount() {
        return states.length;
    }

    /** Local state counts m_0..m_{n-1}. */
    public int[] stateSizes() {
        return states.clone();
    }

    /** Local action counts. */
    public int[] actionSizes() {
        return actions.clone();
    }

    public int states(int j) {
        return states[j];
    }

    public int actions(int j) {
        return actions[j];
    }

    /** The agents whose states P_j reads. */
    public Scope kernelStates(int j) {
        return kernelStates[j];
    }

    /** The agents whose actions P_j reads. */
    public Scope kernelActions(int j) {
        return kernelActions[j];
    }

    /** P_j(x | s, a) for the local configurations {@code ls} of {@link #kernelStates} and {@code la}. */
    public Rational kernel(int j, int ls, int la, int x) {
        return kernel[j][ls][la][x];
    }

    /** The observation scope O_k (every agent when the instance leaves it out). */
    public Scope observes(int k) {
        return observes[k];
    }

    /** False when agents[k].observes was left out (every agent). */
    public boolean observesWritten(int k) {
        return observesWritten[k];
    }

    /** "tabular" or "softmax". */
    public String policyKind() {
        return policyKind;
    }

    /** The softmax temperature; null for a tabular policy. */
    public Rational tau() {
        return tau;
    }

    /** pi_k(. | c) (tabular) or the logits g_k(c, .) (softmax) at the observed configuration c; a copy. */
    public Rational[] policyRow(int k, int c) {
        return policy[k][c].clone();
    }

    /** The local reward terms, or null when the reward is one joint table. */
    public List<RewardTerm> rewardTerms() {
        return terms;
    }

    /** The reward as terms: the local ones, or the joint table as one term over every agent's state and action. */
    public List<RewardTerm> rewardTermsOrJoint() {
        if (terms != null) {
            return terms;
        }
        return List.of(new RewardTerm(Scope.all(states), Scope.all(actions), jointReward));
    }

    public boolean hasJointReward() {
        return jointReward != null;
    }

    /** r(s, a) of the joint table, by joint indices. */
    public Rational jointReward(int s, int a) {
        return jointReward[s][a];
    }
}
