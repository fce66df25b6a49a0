package org.localitycheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.RandomRows;

/**
 * Families whose every number lies on a small grid ({0, 1/4, 1/2, 3/4, 1} or {0, 1/3, 2/3, 1}, or {0, 1} for
 * deterministic rows) with the structured starts where boundary cases live: one-state bandits, i.i.d. chains
 * (kernel and policy ignore the state), state-independent kernels or policies, near-deterministic rows, and one
 * agent driving another. Binary local states; 1 to 3 agents.
 */
final class SmallGridFamilies {
    static final Rational[][] GRIDS = {grid(4), grid(3)};
    private static final Rational[] DETERMINISTIC = {Rational.ZERO, Rational.ONE};
    private static final Rational[] NEAR_DETERMINISTIC = {Rational.ZERO, Rational.of(1, 8), Rational.of(7, 8), Rational.ONE};

    /** The structures of the small-grid family, drawn in turn. */
    enum Shape { GENERAL, STATE_FREE_KERNEL, STATE_FREE_POLICY, IID, NEAR_DETERMINISTIC, DRIVER }

    private SmallGridFamilies() {
    }

    /** {0, 1/d, ..., 1}. */
    static Rational[] grid(int d) {
        Rational[] g = new Rational[d + 1];
        for (int i = 0; i <= d; i++) {
            g[i] = Rational.of(i, d);
        }
        return g;
    }

    static Rational pick(SplittableRandom rnd, Rational[] g) {
        return g[rnd.nextInt(g.length)];
    }

    /** (1 - p, p): the law of a binary coordinate with P(1) = p. */
    static Rational[] bit(Rational p) {
        return new Rational[] {Rational.ONE.subtract(p), p};
    }

    /** A row on m points with entries on the grid: cut points drawn from the grid. */
    static Rational[] row(SplittableRandom rnd, int m, Rational[] g) {
        if (m == 1) {
            return new Rational[] {Rational.ONE};
        }
        if (m == 2) {
            return bit(pick(rnd, g));
        }
        Rational[] cuts = new Rational[m + 1];
        cuts[0] = Rational.ZERO;
        cuts[m] = Rational.ONE;
        for (int i = 1; i < m; i++) {
            cuts[i] = pick(rnd, g);
        }
        Arrays.sort(cuts, 1, m);
        Rational[] out = new Rational[m];
        for (int i = 0; i < m; i++) {
            out[i] = cuts[i + 1].subtract(cuts[i]);
        }
        return out;
    }

    /** One-state agents (1 to 3, 2 or 3 actions): the chain is trivial and only the policy and r(a) matter. */
    static InstanceBuilder bandit(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(3);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(Agent.of(1, i == 0 && rnd.nextInt(4) == 0 ? 3 : 2));
        }
        InstanceBuilder b = new InstanceBuilder(agents);
        Rational[] g = GRIDS[rnd.nextInt(GRIDS.length)];
        for (int a = 0; a < b.actions.size(); a++) {
            for (int j = 0; j < n; j++) {
                b.kernel[j][0][a] = new Rational[] {Rational.ONE};
            }
            b.reward[0][a] = pick(rnd, g);
        }
        for (int k = 0; k < n; k++) {
            b.policy[k][0] = row(rnd, agents.get(k).actions(), g);
        }
        return b;
    }

    /** Start probabilities from nearly deterministic to uniform. */
    private static final Rational[] BIASED = {Rational.of(1, 10000), Rational.of(1, 1000), Rational.of(1, 100), Rational.of(1, 20), Rational.of(1, 4),
        Rational.HALF, Rational.of(3, 4), Rational.of(19, 20), Rational.of(99, 100), Rational.of(999, 1000)};

    /**
     * An i.i.d. start (kernel rows depend on the action only, policies ignore the state: the truncation bias is 0 at
     * the start) with nearly deterministic policies, next states that follow the actions, and rewards of size up to 4
     * built from features s_i, a_i and 1{a_i = s_j}: one block update then makes the chain state-dependent while the
     * start pays no bias, the boundary of Cor. 15 (a violation needs a biased start and rewards large against tau).
     */
    static InstanceBuilder biasedMemoryless(SplittableRandom rnd) {
        boolean lure = rnd.nextBoolean();
        int n = lure ? 2 : 2 + (rnd.nextInt(4) == 0 ? 1 : 0);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(Agent.of(2, 2));
        }
        InstanceBuilder b = new InstanceBuilder(agents);
        Rational[] g = GRIDS[rnd.nextInt(GRIDS.length)];
        for (int j = 0; j < n; j++) {
            boolean follow = lure || rnd.nextInt(3) != 0;
            Rational[] byAction = new Rational[b.actions.size()];
            for (int a = 0; a < byAction.length; a++) {
                byAction[a] = follow ? Rational.of(b.actions.digit(a, j)) : pick(rnd, g);
            }
            for (int s = 0; s < b.states.size(); s++) {
                for (int a = 0; a < b.actions.size(); a++) {
                    b.kernel[j][s][a] = bit(byAction[a]);
                }
            }
            Rational[] row = bit(pick(rnd, rnd.nextBoolean() ? BIASED : g));
            for (int s = 0; s < b.states.size(); s++) {
                b.policy[j][s] = row.clone();
            }
        }
        int[] cs = new int[3 * n];
        int[] partner = new int[n];
        for (int i = 0; i < n; i++) {
            partner[i] = rnd.nextInt(n);
        }
        if (lure) {
            // a lure: agent i is paid for its state, and for copying agent j's state into its action, while agent j's
            // action costs a little now; the truncated surrogate of a memoryless start sees the cost, not the payoff
            int i = rnd.nextInt(n);
            int j = (i + 1 + rnd.nextInt(n - 1)) % n;
            partner[i] = j;
            cs[3 * i] = 1 << (1 + rnd.nextInt(3));
            cs[3 * i + 2] = 1 << rnd.nextInt(3);
            cs[3 * j + 1] = -(1 + rnd.nextInt(2));
            Rational[] start = bit(pick(rnd, BIASED));
            for (int s = 0; s < b.states.size(); s++) {
                b.policy[i][s] = start.clone();
                b.policy[j][s] = RandomRows.uniform(2);
            }
        } else {
            for (int i = 0; i < cs.length; i++) {
                cs[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(9) - 4 : 0;
            }
        }
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                int r = 0;
                for (int i = 0; i < n; i++) {
                    r += cs[3 * i] * b.states.digit(s, i) + cs[3 * i + 1] * b.actions.digit(a, i)
                            + cs[3 * i + 2] * (b.actions.digit(a, i) == b.states.digit(s, partner[i]) ? 1 : 0);
                }
                b.reward[s][a] = Rational.of(r);
            }
        }
        return b;
    }

    /** Binary agents with every number on a grid, in one of the {@link Shape}s. */
    static InstanceBuilder smallGrid(SplittableRandom rnd) {
        Shape shape = Shape.values()[rnd.nextInt(Shape.values().length)];
        int drawn = 1 + rnd.nextInt(shape == Shape.DRIVER ? 2 : 3); // drawn for every shape: the same seed, the same instance
        int n = shape == Shape.DRIVER ? 2 : drawn;
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int actions = n == 3 && rnd.nextBoolean() ? 1 : 1 + (rnd.nextInt(5) == 0 ? 0 : 1);
            agents.add(Agent.of(2, actions, scope(rnd, n, i)));
        }
        InstanceBuilder b = new InstanceBuilder(agents);
        Rational[] g = GRIDS[rnd.nextInt(GRIDS.length)];
        Rational[] kg = shape == Shape.NEAR_DETERMINISTIC ? NEAR_DETERMINISTIC : rnd.nextInt(4) == 0 ? DETERMINISTIC : g;
        boolean stateFreeKernel = shape == Shape.STATE_FREE_KERNEL || shape == Shape.IID;
        boolean stateFreePolicy = shape == Shape.STATE_FREE_POLICY || shape == Shape.IID;
        for (int j = 0; j < n; j++) {
            Rational[] byAction = new Rational[b.actions.size()];
            for (int a = 0; a < byAction.length; a++) {
                byAction[a] = pick(rnd, kg);
            }
            for (int s = 0; s < b.states.size(); s++) {
                for (int a = 0; a < b.actions.size(); a++) {
                    Rational p;
                    if (shape == Shape.DRIVER && j == 1) {
                        // agent 1 follows agent 0's action (or state when it has one action) through a grid channel
                        int src = b.agents.get(0).actions() > 1 ? b.actions.digit(a, 0) : b.states.digit(s, 0);
                        p = src == 1 ? byAction[0].max(byAction[byAction.length - 1]) : byAction[0].min(byAction[byAction.length - 1]);
                    } else {
                        p = stateFreeKernel ? byAction[a] : pick(rnd, kg);
                    }
                    b.kernel[j][s][a] = bit(p);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int m = agents.get(k).actions();
            int[] observed = Families.observed(b, k);
            Rational[] fixed = row(rnd, m, g);
            Map<Integer, Rational[]> byView = new HashMap<>();
            for (int s = 0; s < b.states.size(); s++) {
                Rational[] r = stateFreePolicy ? fixed : byView.computeIfAbsent(b.states.project(s, observed), v -> row(rnd, m, g));
                b.policy[k][s] = r.clone();
            }
        }
        int kind = rnd.nextInt(3);
        int coord = rnd.nextInt(n);
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = kind == 0 ? pick(rnd, g) : kind == 1 ? Rational.of(b.states.digit(s, coord))
                        : Rational.of(b.actions.digit(a, coord) == b.states.digit(s, coord) ? 1 : 0);
            }
        }
        return b;
    }

    /** Full observation, the agent itself, nothing, or the others. */
    private static int[] scope(SplittableRandom rnd, int n, int self) {
        switch (rnd.nextInt(4)) {
            case 0:
                return null;
            case 1:
                return new int[] {self};
            case 2:
                return new int[] {};
            default:
                int[] others = new int[n - 1];
                for (int i = 0, c = 0; i < n; i++) {
                    if (i != self) {
                        others[c++] = i;
                    }
                }
                return others;
        }
    }
}
