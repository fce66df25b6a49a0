package org.localitycheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Agent;
import org.localitycheck.model.Instance;
import org.localitycheck.model.RandomRows;

/**
 * Seeded instance families: random ones over small sizes and the adversarial ones where violations live
 * (deterministic kernels, single-action agents, copy chains, XOR couplings, one action driving several
 * agents, one-hot rewards) and the paper's worked examples. The same (family, seed) gives the same instance.
 */
public final class Families {
    /** Families for claims about every instance. */
    public static final List<String> GENERAL = List.of("random", "deterministic", "single-action", "copy-chain", "xor",
            "shared-action", "fan-in", "one-hot-reward", "leader-follower", "section3", "hub", "bandit", "small-grid", "small-grid");
    /** Families named by claims about one example. */
    public static final List<String> EXAMPLES = List.of("section3", "leader-follower", "hub");
    private static final int[] DENOMINATORS = {1, 2, 2, 3, 4, 4, 6, 8};

    private Families() {
    }

    public static Generated generate(String family, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        switch (family) {
            case "random":
                return of(random(rnd, false, false), family, seed);
            case "deterministic":
                return of(random(rnd, true, false), family, seed);
            case "single-action":
                return of(random(rnd, false, true), family, seed);
            case "copy-chain":
                return of(copyChain(rnd), family, seed);
            case "xor":
                return of(xor(rnd), family, seed);
            case "shared-action":
                return of(sharedAction(rnd), family, seed);
            case "fan-in":
                return of(fanIn(rnd), family, seed);
            case "softmax":
                return softmax(rnd, family, seed);
            case "hub-softmax":
                return hubSoftmax(rnd, family, seed, false);
            case "hub-softmax-balanced":
                return hubSoftmax(rnd, family, seed, true);
            case "bandit":
                return of(SmallGridFamilies.bandit(rnd), family, seed);
            case "biased-memoryless":
                return of(SmallGridFamilies.biasedMemoryless(rnd), family, seed);
            case "small-grid":
                return of(SmallGridFamilies.smallGrid(rnd), family, seed);
            case "memoryless":
                return of(memoryless(rnd), family, seed);
            case "one-hot-reward":
                return of(oneHot(random(rnd, rnd.nextBoolean(), false), rnd), family, seed);
            case "section3":
                return ExampleVariants.section3(rnd, family, seed);
            case "leader-follower":
                return of(leaderFollower(rnd), family, seed);
            case "hub":
                return of(ExampleVariants.hub(rnd), family, seed);
            default:
                throw new IllegalArgumentException("Families.generate: unknown family \"" + family + "\"");
        }
    }

    private static Generated of(InstanceBuilder b, String family, long seed) {
        return new Generated(b.build(family + "-" + Long.toUnsignedString(seed, 36)), Witness.empty(), family, seed);
    }

    /** Local sizes with joint states at most 12 and joint actions at most 8. */
    private static List<Agent> agents(SplittableRandom rnd, boolean singleAction) {
        int n = 1 + rnd.nextInt(3);
        List<Agent> agents = new ArrayList<>();
        int states = 1;
        int actions = 1;
        for (int i = 0; i < n; i++) {
            int s = Math.min(1 + rnd.nextInt(3), 12 / states);
            int a = singleAction || rnd.nextInt(4) == 0 ? 1 : Math.min(1 + rnd.nextInt(2), 8 / actions);
            s = Math.max(1, s);
            a = Math.max(1, a);
            states *= s;
            actions *= a;
            agents.add(Agent.of(s, a, scope(rnd, n, i)));
        }
        return agents;
    }

    private static int[] scope(SplittableRandom rnd, int n, int self) {
        if (rnd.nextInt(3) == 0) {
            return null; // observes everything
        }
        List<Integer> o = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == self ? rnd.nextInt(4) != 0 : rnd.nextBoolean()) {
                o.add(i);
            }
        }
        return o.stream().mapToInt(Integer::intValue).toArray();
    }

    static InstanceBuilder random(SplittableRandom rnd, boolean deterministic, boolean singleAction) {
        InstanceBuilder b = new InstanceBuilder(agents(rnd, singleAction));
        int den = DENOMINATORS[rnd.nextInt(DENOMINATORS.length)];
        boolean dense = rnd.nextInt(3) == 0;
        for (int j = 0; j < b.n(); j++) {
            int m = b.states.localSize(j);
            for (int s = 0; s < b.states.size(); s++) {
                for (int a = 0; a < b.actions.size(); a++) {
                    b.kernel[j][s][a] = deterministic ? RandomRows.pointMass(m, rnd.nextInt(m))
                            : RandomRows.probability(rnd, m, den, dense);
                }
            }
        }
        randomPolicy(b, rnd, deterministic && rnd.nextBoolean());
        randomReward(b, rnd);
        return b;
    }

    /**
     * A kernel and a policy that ignore the state: every row of P^pi is the same, so T^pi f is constant after one step
     * and hhat_kappa = h up to a constant for every kappa (the truncation bias is exactly 0). Block updates then make
     * the policy depend on the state, and the bias of the next baseline is positive: the boundary of Cor. 15.
     */
    static InstanceBuilder memoryless(SplittableRandom rnd) {
        List<Agent> scoped = agents(rnd, false);
        List<Agent> full = new ArrayList<>();
        for (Agent a : scoped) {
            full.add(Agent.of(a.states(), a.actions()));
        }
        InstanceBuilder b = new InstanceBuilder(full);
        int den = DENOMINATORS[rnd.nextInt(DENOMINATORS.length)];
        for (int j = 0; j < b.n(); j++) {
            for (int a = 0; a < b.actions.size(); a++) {
                Rational[] row = RandomRows.probability(rnd, b.states.localSize(j), den, rnd.nextBoolean());
                for (int s = 0; s < b.states.size(); s++) {
                    b.kernel[j][s][a] = row.clone();
                }
            }
        }
        for (int k = 0; k < b.n(); k++) {
            Rational[] row = RandomRows.probability(rnd, b.agents.get(k).actions(), den, false);
            for (int s = 0; s < b.states.size(); s++) {
                b.policy[k][s] = row.clone();
            }
        }
        randomReward(b, rnd);
        return b;
    }

    /** A tabular policy honouring each agent's scope: drawn on the observed sub-state, then spread. */
    static void randomPolicy(InstanceBuilder b, SplittableRandom rnd, boolean deterministic) {
        int den = DENOMINATORS[rnd.nextInt(DENOMINATORS.length)];
        for (int k = 0; k < b.n(); k++) {
            int m = b.agents.get(k).actions();
            Map<Integer, Rational[]> byView = new HashMap<>();
            int[] observed = observed(b, k);
            for (int s = 0; s < b.states.size(); s++) {
                int view = b.states.project(s, observed);
                Rational[] row = byView.get(view);
                if (row == null) {
                    row = deterministic ? RandomRows.pointMass(m, rnd.nextInt(m)) : RandomRows.probability(rnd, m, den, false);
                    byView.put(view, row);
                }
                b.policy[k][s] = row.clone();
            }
        }
    }

    static int[] observed(InstanceBuilder b, int k) {
        List<Integer> o = new ArrayList<>();
        for (int i = 0; i < b.n(); i++) {
            if (b.agents.get(k).observes(i)) {
                o.add(i);
            }
        }
        return o.stream().mapToInt(Integer::intValue).toArray();
    }

    static void randomReward(InstanceBuilder b, SplittableRandom rnd) {
        int kind = rnd.nextInt(3);
        int coord = rnd.nextInt(b.n());
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = kind == 0 ? RandomRows.integer(rnd, -2, 2)
                        : kind == 1 ? Rational.of(b.states.digit(s, coord)) : Rational.of(rnd.nextInt(3), 2);
            }
        }
    }

    static InstanceBuilder oneHot(InstanceBuilder b, SplittableRandom rnd) {
        int hot = rnd.nextInt(b.states.size());
        int hotAction = rnd.nextInt(b.actions.size());
        boolean allActions = rnd.nextBoolean();
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = s == hot && (allActions || a == hotAction) ? Rational.ONE : Rational.ZERO;
            }
        }
        return b;
    }

    private static List<Agent> binary(int n, SplittableRandom rnd, boolean actions) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(Agent.of(2, actions ? 2 : 1, rnd.nextBoolean() ? null : scope(rnd, n, i)));
        }
        return agents;
    }

    /** s'_j = s_{j-1} with probability p_j, otherwise a coin; agent 0 keeps or flips its state. */
    static InstanceBuilder copyChain(SplittableRandom rnd) {
        int n = 2 + rnd.nextInt(2);
        InstanceBuilder b = new InstanceBuilder(binary(n, rnd, rnd.nextBoolean()));
        Rational[] p = new Rational[n];
        for (int j = 0; j < n; j++) {
            p[j] = Rational.of(rnd.nextInt(5), 4);
        }
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                for (int j = 0; j < n; j++) {
                    int src = j == 0 ? b.states.digit(s, 0) : b.states.digit(s, j - 1);
                    b.kernel[j][s][a] = mix(p[j], src);
                }
            }
        }
        randomPolicy(b, rnd, false);
        randomReward(b, rnd);
        return b;
    }

    /** With probability p the bit x, otherwise a fair coin. */
    private static Rational[] mix(Rational p, int x) {
        Rational half = Rational.ONE.subtract(p).multiply(Rational.HALF);
        return x == 1 ? new Rational[] {half, p.add(half)} : new Rational[] {p.add(half), half};
    }

    /** s'_j = s_{j-1} XOR a_j (or XOR s_{j+1}), with noise p. */
    static InstanceBuilder xor(SplittableRandom rnd) {
        int n = 2 + rnd.nextInt(2);
        InstanceBuilder b = new InstanceBuilder(binary(n, rnd, true));
        Rational p = Rational.of(2 + rnd.nextInt(3), 4);
        boolean withAction = rnd.nextBoolean();
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                for (int j = 0; j < n; j++) {
                    int left = b.states.digit(s, (j + n - 1) % n);
                    int other = withAction ? b.actions.digit(a, j) : b.states.digit(s, (j + 1) % n);
                    b.kernel[j][s][a] = mix(p, left ^ other);
                }
            }
        }
        randomPolicy(b, rnd, rnd.nextInt(3) == 0);
        randomReward(b, rnd);
        return b;
    }

    /**
     * One agent's action drives several agents' next states: s'_1 = a_0 and s'_2 = a_0 XOR (s_0 AND
     * switch), each with noise; a state coordinate can move the correlation between next states without
     * moving their marginals.
     */
    static InstanceBuilder sharedAction(SplittableRandom rnd) {
        int n = 3;
        List<Agent> agents = new ArrayList<>();
        agents.add(Agent.of(2, 2, rnd.nextBoolean() ? new int[] {} : null));
        agents.add(Agent.of(2, 1, new int[] {}));
        agents.add(Agent.of(2, 1, new int[] {}));
        InstanceBuilder b = new InstanceBuilder(agents);
        Rational p1 = Rational.of(2 + rnd.nextInt(3), 4);
        Rational p2 = Rational.of(2 + rnd.nextInt(3), 4);
        boolean keep = rnd.nextBoolean();
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                int a0 = b.actions.digit(a, 0);
                int s0 = b.states.digit(s, 0);
                b.kernel[0][s][a] = keep ? RandomRows.pointMass(2, s0) : RandomRows.uniform(2);
                b.kernel[1][s][a] = mix(p1, a0);
                b.kernel[2][s][a] = mix(p2, a0 ^ s0);
            }
        }
        randomPolicy(b, rnd, false);
        if (rnd.nextBoolean()) {
            for (int s = 0; s < b.states.size(); s++) {
                b.policy[0][s] = RandomRows.uniform(2); // the shared action's marginal then ignores the state
            }
        }
        randomReward(b, rnd);
        return b;
    }

    /**
     * Fan-in: agent 0's next state copies agent i's current state with probability p_i (i &gt;= 1), otherwise
     * it is a coin; the other agents are coins or keep their state. Rows of H then sum to far more than its
     * columns.
     */
    static InstanceBuilder fanIn(SplittableRandom rnd) {
        int n = 3 + rnd.nextInt(2);
        InstanceBuilder b = new InstanceBuilder(binary(n, rnd, false));
        Rational[] p = new Rational[n];
        Rational total = Rational.ZERO;
        for (int i = 1; i < n; i++) {
            p[i] = Rational.of(1 + rnd.nextInt(2), 4L * (n - 1));
            total = total.add(p[i]);
        }
        boolean sourcesKeep = rnd.nextInt(3) == 0;
        Rational keep = Rational.of(rnd.nextInt(3), 4);
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                Rational one = Rational.ONE.subtract(total).multiply(Rational.HALF);
                for (int i = 1; i < n; i++) {
                    one = one.add(b.states.digit(s, i) == 1 ? p[i] : Rational.ZERO);
                }
                b.kernel[0][s][a] = new Rational[] {Rational.ONE.subtract(one), one};
                for (int i = 1; i < n; i++) {
                    b.kernel[i][s][a] = sourcesKeep ? mix(keep, b.states.digit(s, i)) : RandomRows.uniform(2);
                }
            }
        }
        randomPolicy(b, rnd, false);
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = Rational.of(b.states.digit(s, 0));
            }
        }
        return b;
    }

    private static final Rational[] TAUS = {Rational.parse("1/4"), Rational.HALF, Rational.ONE, Rational.TWO,
        Rational.of(4), Rational.of(8)};

    /** A random kernel with a softmax policy: logits drawn per observed view, so scopes hold. */
    static Generated softmax(SplittableRandom rnd, String family, long seed) {
        InstanceBuilder b = random(rnd, false, false);
        Rational tau = TAUS[rnd.nextInt(TAUS.length)];
        Rational[][][] logits = new Rational[b.n()][b.states.size()][];
        for (int k = 0; k < b.n(); k++) {
            int m = b.agents.get(k).actions();
            Map<Integer, Rational[]> byView = new HashMap<>();
            int[] observed = observed(b, k);
            for (int s = 0; s < b.states.size(); s++) {
                Rational[] row = byView.computeIfAbsent(b.states.project(s, observed), v -> {
                    Rational[] g = new Rational[m];
                    for (int x = 0; x < m; x++) {
                        g[x] = Rational.of(rnd.nextInt(9) - 4, 1 + rnd.nextInt(2));
                    }
                    return g;
                });
                logits[k][s] = row.clone();
            }
        }
        return new Generated(b.buildSoftmax(family + "-" + Long.toUnsignedString(seed, 36), tau, logits), Witness.empty(),
                family, seed);
    }

    /** App. E.2 with a softmax hub: g_1(s, 1) = sum_i c_i s_i, g_1(s, 0) = 0, so L_{1&lt;-i} = |c_i|; spokes uniform. */
    /**
     * The hub of App. E.2 under a softmax policy whose logit for action 1 is sum_i c_i s_i; {@code balanced} splits it
     * as (-g/2, g/2), the same policy with half the logit Lipschitz constants, where Lemma 10's bound is reached up to
     * a factor tending to 1 (with one entry moving the ratio stays below 1/2, Remark 11).
     */
    static Generated hubSoftmax(SplittableRandom rnd, String family, long seed, boolean balanced) {
        int n = 3 + rnd.nextInt(3);
        Rational[] c = new Rational[n];
        Rational[] choices = {Rational.ZERO, Rational.HALF, Rational.ONE, Rational.TWO};
        boolean ignore = rnd.nextInt(5) == 0;
        for (int i = 0; i < n; i++) {
            c[i] = ignore ? Rational.ZERO : choices[rnd.nextInt(choices.length)];
        }
        Instance tab = PaperExamples.hub(zeros(n)); // the hub structure; its tabular policy is replaced below
        InstanceBuilder b = InstanceBuilder.from(tab);
        Rational[][][] logits = new Rational[n][b.states.size()][];
        for (int s = 0; s < b.states.size(); s++) {
            Rational g = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                g = g.add(c[i].multiply(Rational.of(b.states.digit(s, i))));
            }
            logits[0][s] = balanced ? new Rational[] {g.multiply(Rational.HALF).negate(), g.multiply(Rational.HALF)}
                    : new Rational[] {Rational.ZERO, g};
            for (int j = 1; j < n; j++) {
                logits[j][s] = new Rational[] {Rational.ZERO, Rational.ZERO};
            }
        }
        Rational tau = TAUS[rnd.nextInt(TAUS.length)];
        return new Generated(b.buildSoftmax(family + "-n" + n, tau, logits), Witness.empty(), family, seed);
    }

    private static Rational[] zeros(int n) {
        Rational[] z = new Rational[n];
        Arrays.fill(z, Rational.ZERO);
        return z;
    }

    /** App. E.1 with a random leader kernel (constant, self-copy, flip or random) and random policies. */
    static InstanceBuilder leaderFollower(SplittableRandom rnd) {
        InstanceBuilder b = new InstanceBuilder(List.of(Agent.of(2, 2), Agent.of(2, 2)));
        int leader = rnd.nextInt(4);
        Rational[] constant = RandomRows.probability(rnd, 2, 4, false);
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                int s1 = b.states.digit(s, 0);
                b.kernel[0][s][a] = leader == 0 ? constant.clone() : leader == 1 ? RandomRows.pointMass(2, s1)
                        : leader == 2 ? RandomRows.pointMass(2, 1 - s1) : RandomRows.probability(rnd, 2, 4, false);
                b.kernel[1][s][a] = RandomRows.pointMass(2, s1);
            }
        }
        randomPolicy(b, rnd, false);
        randomReward(b, rnd);
        return b;
    }

}
