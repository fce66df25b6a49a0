package org.localitycheck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;

/**
 * Seeded factored instances on an interaction graph (README, "Factored instances"). Agent j's next state is
 * a mixture: with weight 1 - c a kernel of its own state and action, with weight c/|N(j)| one of neighbour
 * i's state and action, for each neighbour, so that E^s and E^a are supported on j and N(j) and shrink with
 * the coupling c; and all of that with weight 1 - nu, the rest a fixed row of its own (the noise nu), which
 * scales E^s and E^a by 1 - nu. Each policy observes its agent and the neighbours: tabular, the same kind of mixture;
 * softmax, local logits g_k(s, b) = sum over observed i of w_{k,i}(s_i, b), with w = k/2 for k in -4..4 on
 * the agent itself and a fraction c of that on a neighbour. The reward is a sum of local terms r_j(s_j, a_j).
 */
public final class FactoredFamilies {
    /** The largest kernel table generated (instance@2's default size limit, 2^20 entries). */
    private static final double TABLE_LIMIT = 1 << 20;

    private FactoredFamilies() {
    }

    /** The shape of the generated instance. */
    public record Shape(int states, int actions, String policy, Rational coupling, Rational noise, Rational tau,
            boolean neighbourActions) {
        /** Two states and actions, coupling 1/4, noise 1/2, tau 1, kernels reading the neighbours' actions. */
        public static Shape binary(String policy) {
            return new Shape(2, 2, policy, Rational.of(1, 4), Rational.HALF, Rational.ONE, true);
        }
    }

    public static FactoredInstance on(Networks.Graph g, Shape shape, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = g.agents();
        int[] ms = new int[n];
        int[] qs = new int[n];
        Arrays.fill(ms, shape.states());
        Arrays.fill(qs, shape.actions());
        int[][] reads = new int[n][];
        int[][] actionReads = new int[n][];
        Rational[][][][] kernel = new Rational[n][][][];
        Rational[][][] policy = new Rational[n][][];
        Rational c = shape.coupling();
        boolean softmax = FactoredInstance.SOFTMAX.equals(shape.policy());
        for (int j = 0; j < n; j++) {
            reads[j] = Networks.closed(g, j);
            double entries = Math.pow(shape.states(), reads[j].length + 1)
                    * Math.pow(shape.actions(), shape.neighbourActions() ? reads[j].length : 1);
            if (entries > TABLE_LIMIT) {
                throw new IllegalArgumentException("FactoredFamilies.on: agent " + j + " of " + g.name() + " reads "
                        + reads[j].length + " agents, so its kernel table would have about " + (long) entries
                        + " entries, above " + (long) TABLE_LIMIT + "; use fewer agents, fewer states or a sparser network");
            }
            actionReads[j] = shape.neighbourActions() ? reads[j] : new int[] {j};
            Scope scope = Scope.of(reads[j], ms);
            Scope acts = Scope.of(actionReads[j], qs);
            int self = scope.position(j);
            int others = reads[j].length - 1;
            // one local kernel per agent read: K_i(x | s_i, a_i)
            Rational[][][] local = new Rational[reads[j].length][][];
            for (int x = 0; x < reads[j].length; x++) {
                local[x] = new Rational[shape.states() * shape.actions()][];
                for (int y = 0; y < local[x].length; y++) {
                    local[x][y] = RandomRows.probability(rnd, shape.states(), 4, false);
                }
            }
            Rational[] fixed = RandomRows.probability(rnd, shape.states(), 4, false);
            Rational keep = Rational.ONE.subtract(shape.noise());
            kernel[j] = new Rational[scope.size()][acts.size()][];
            for (int s = 0; s < scope.size(); s++) {
                for (int a = 0; a < acts.size(); a++) {
                    Rational[] row = new Rational[shape.states()];
                    for (int y = 0; y < row.length; y++) {
                        row[y] = shape.noise().multiply(fixed[y]);
                    }
                    for (int x = 0; x < reads[j].length; x++) {
                        Rational w = keep.multiply(x == self ? (others == 0 ? Rational.ONE : Rational.ONE.subtract(c))
                                : c.divide(Rational.of(others)));
                        int ax = acts.position(reads[j][x]);
                        Rational[] k = local[x][scope.space().digit(s, x) * shape.actions()
                                + (ax < 0 ? 0 : acts.space().digit(a, ax))];
                        for (int y = 0; y < row.length; y++) {
                            row[y] = row[y].add(w.multiply(k[y]));
                        }
                    }
                    kernel[j][s][a] = row;
                }
            }
            policy[j] = softmax ? logits(rnd, scope, self, c, shape.actions()) : mixturePolicy(rnd, scope, self, c, shape);
        }
        List<int[][]> termScopes = new ArrayList<>();
        List<Rational[][]> termTables = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            termScopes.add(new int[][] {{j}, {j}});
            Rational[][] t = new Rational[shape.states()][shape.actions()];
            for (Rational[] row : t) {
                for (int b = 0; b < row.length; b++) {
                    row[b] = RandomRows.integer(rnd, 0, 4);
                }
            }
            termTables.add(t);
        }
        return FactoredInstance.of(new FactoredInstance.Parts(g.name() + "-" + shape.policy() + "-seed" + seed, ms, qs,
                reads, actionReads, kernel, reads, shape.policy(), softmax ? shape.tau() : null, policy, termScopes, termTables,
                null), Long.MAX_VALUE);
    }

    private static Rational[][] mixturePolicy(SplittableRandom rnd, Scope scope, int self, Rational c, Shape shape) {
        int others = scope.length() - 1;
        Rational[][][] local = new Rational[scope.length()][shape.states()][];
        for (Rational[][] l : local) {
            for (int v = 0; v < l.length; v++) {
                l[v] = RandomRows.probability(rnd, shape.actions(), 4, false);
            }
        }
        Rational[][] rows = new Rational[scope.size()][];
        for (int s = 0; s < scope.size(); s++) {
            Rational[] row = zeros(shape.actions());
            for (int x = 0; x < scope.length(); x++) {
                Rational w = x == self ? (others == 0 ? Rational.ONE : Rational.ONE.subtract(c))
                        : c.divide(Rational.of(others));
                Rational[] p = local[x][scope.space().digit(s, x)];
                for (int b = 0; b < row.length; b++) {
                    row[b] = row[b].add(w.multiply(p[b]));
                }
            }
            rows[s] = row;
        }
        return rows;
    }

    private static Rational[][] logits(SplittableRandom rnd, Scope scope, int self, Rational c, int actions) {
        Rational[][][] w = new Rational[scope.length()][][];
        for (int x = 0; x < scope.length(); x++) {
            w[x] = new Rational[scope.space().localSize(x)][actions];
            for (Rational[] row : w[x]) {
                for (int b = 0; b < actions; b++) {
                    Rational g = Rational.of(rnd.nextInt(9) - 4, 2);
                    row[b] = x == self ? g : g.multiply(c);
                }
            }
        }
        Rational[][] rows = new Rational[scope.size()][];
        for (int s = 0; s < scope.size(); s++) {
            Rational[] row = zeros(actions);
            for (int x = 0; x < scope.length(); x++) {
                for (int b = 0; b < actions; b++) {
                    row[b] = row[b].add(w[x][scope.space().digit(s, x)][b]);
                }
            }
            rows[s] = row;
        }
        return rows;
    }

    /**
     * The network of a network reading's case, from its seed: a ring of 6..48 agents, a grid of 2..6 by 2..6 (kernels
     * reading their own action only), a star of 4..6 or a random digraph of 6..40 agents reading 1..2 others, with 2 or 3 local states and
     * actions, coupling 1/8..1, noise 0..1/2 and tau 1/4..2, all drawn from the seed; the name says every choice.
     */
    public static FactoredInstance networkCase(int seed, String policy) {
        SplittableRandom rnd = new SplittableRandom(0x9E3779B97F4A7C15L ^ seed);
        Networks.Graph g = switch (rnd.nextInt(4)) {
            case 0 -> Networks.ring(6 + rnd.nextInt(43));
            case 1 -> Networks.grid(2 + rnd.nextInt(5), 2 + rnd.nextInt(5));
            case 2 -> Networks.star(4 + rnd.nextInt(3));
            default -> Networks.random(6 + rnd.nextInt(35), 1 + rnd.nextInt(2), rnd.split());
        };
        // a grid's kernels read the neighbours' states and their own action (a kernel reading five actions would
        // make C range over 13 agents' states times 32 action configurations per agent)
        boolean neighbourActions = !g.name().startsWith("grid");
        boolean small = g.name().startsWith("star") || g.name().startsWith("grid");
        int states = small || rnd.nextInt(4) > 0 ? 2 : 3;
        int actions = small || rnd.nextInt(4) > 0 ? 2 : 3;
        Rational[] couplings = {Rational.of(1, 8), Rational.of(1, 4), Rational.HALF, Rational.ONE};
        Rational[] noises = {Rational.ZERO, Rational.of(1, 4), Rational.HALF};
        Rational[] taus = {Rational.of(1, 4), Rational.HALF, Rational.ONE, Rational.TWO};
        Shape shape = new Shape(states, actions, policy, couplings[rnd.nextInt(4)], noises[rnd.nextInt(3)],
                taus[rnd.nextInt(4)], neighbourActions);
        FactoredInstance f = on(g, shape, rnd.nextLong());
        return f.withName("network-" + seed + "-" + g.name() + "-" + policy + "-m" + states + "-q" + actions + "-c"
                + shape.coupling() + "-nu" + shape.noise() + (neighbourActions ? "" : "-own-action") + (FactoredInstance.SOFTMAX.equals(policy) ? "-tau" + shape.tau() : ""));
    }

    private static Rational[] zeros(int m) {
        Rational[] r = new Rational[m];
        Arrays.fill(r, Rational.ZERO);
        return r;
    }
}
