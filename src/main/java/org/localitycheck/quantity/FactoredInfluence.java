package org.localitycheck.quantity;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.Scope;

/**
 * E^s, E^a, Pi, C^pi, H^pi and delta(r^pi) of a factored instance, each by enumeration over the agents the
 * quantity depends on, never over the joint space:
 * <ul>
 * <li>E^s_{j<-i} and E^a_{j<-k} are suprema over the configurations of the states and actions P_j reads
 * (zero outside them);</li>
 * <li>Pi_{k<-i} over the configurations of O_k;</li>
 * <li>C_{j<-i} over the configurations of N_j = S_j u (union of O_k, k in A_j), the agents P_j^pi(.|s) =
 * sum over a_{A_j} of P_j(.|s_{S_j}, a_{A_j}) prod_{k in A_j} pi_k(a_k|s_{O_k}) depends on (the actions
 * outside A_j sum out);</li>
 * <li>H = E^s + E^a Pi, whose row j is supported on N_j;</li>
 * <li>delta_i(r^pi) with r^pi = sum_m g_m, g_m(s) = sum over a_{Q_m} of r_m(s_{R_m}, a_{Q_m}) prod_{k in Q_m}
 * pi_k(a_k|s_{O_k}): the oscillation in i of the sum of the terms whose g_m depends on i, over the
 * configurations of the union of their supports.</li>
 * </ul>
 * Each supremum over s, s' with s_{-i} = s'_{-i} in the paper's definitions equals the supremum over these
 * local configurations, because the rows compared depend on s only through them.
 */
public final class FactoredInfluence<T> {
    /** Most configurations one quantity may enumerate, unless raised. */
    public static final long DEFAULT_ENUMERATION_LIMIT = 1L << 22;

    private final FactoredInstance instance;
    private final EntryArithmetic<T> ar;
    private final AgentMatrix<Rational> es;
    private final AgentMatrix<Rational> ea;
    private final AgentMatrix<T> pi;
    private final AgentMatrix<T> c;
    private final AgentMatrix<T> h;
    private final long limit;
    private final List<T[][]> policyRows;
    private T[] deltaReward;

    private FactoredInfluence(FactoredInstance instance, EntryArithmetic<T> ar, AgentMatrix<Rational> es,
            AgentMatrix<Rational> ea, AgentMatrix<T> pi, AgentMatrix<T> c, AgentMatrix<T> h, long limit,
            List<T[][]> policyRows) {
        this.instance = instance;
        this.ar = ar;
        this.es = es;
        this.ea = ea;
        this.pi = pi;
        this.c = c;
        this.h = h;
        this.limit = limit;
        this.policyRows = policyRows;
    }

    /** Thrown when a quantity would enumerate more local configurations than allowed. */
    public static final class TooLarge extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    public static <T> FactoredInfluence<T> of(FactoredInstance f, EntryArithmetic<T> ar, long limit) {
        int n = f.agentCount();
        int[] ms = f.stateSizes();
        int[] qs = f.actionSizes();
        int[][] esCols = new int[n][];
        Object[][] esVals = new Object[n][];
        int[][] eaCols = new int[n][];
        Object[][] eaVals = new Object[n][];
        for (int j = 0; j < n; j++) {
            Scope ls = f.kernelStates(j);
            Scope la = f.kernelActions(j);
            int[] sizes = new int[ls.length() + la.length()];
            for (int x = 0; x < ls.length(); x++) {
                sizes[x] = ls.space().localSize(x);
            }
            for (int x = 0; x < la.length(); x++) {
                sizes[ls.length() + x] = la.space().localSize(x);
            }
            JointSpace space = JointSpace.of(sizes);
            int actionConfigs = la.size();
            Rational[][] rows = new Rational[space.size()][];
            for (int cfg = 0; cfg < rows.length; cfg++) {
                Rational[] row = new Rational[f.states(j)];
                for (int x = 0; x < row.length; x++) {
                    row[x] = f.kernel(j, cfg / actionConfigs, cfg % actionConfigs, x);
                }
                rows[cfg] = row;
            }
            Rational[] sup = pairwiseSup(space, rows, EntryArithmetic.EXACT, EntryArithmetic.EXACT::totalVariation);
            esCols[j] = sortedAgents(ls);
            esVals[j] = sortedValues(ls, Arrays.copyOfRange(sup, 0, ls.length()));
            eaCols[j] = sortedAgents(la);
            eaVals[j] = sortedValues(la, Arrays.copyOfRange(sup, ls.length(), sup.length));
        }
        AgentMatrix<Rational> es = new AgentMatrix<>(esCols, esVals);
        AgentMatrix<Rational> ea = new AgentMatrix<>(eaCols, eaVals);

        List<T[][]> policyRows = new ArrayList<>();
        int[][] piCols = new int[n][];
        Object[][] piVals = new Object[n][];
        for (int k = 0; k < n; k++) {
            Scope o = f.observes(k);
            T[][] rows = newRows(ar, o.size());
            // configurations with the same row (the same logits) share one enclosed row, whose TV with itself is 0
            Map<List<Rational>, T[]> seen = new HashMap<>();
            for (int cfg = 0; cfg < rows.length; cfg++) {
                int c = cfg;
                int kk = k;
                rows[cfg] = seen.computeIfAbsent(Arrays.asList(f.policyRow(k, cfg)), key -> ar.policyRow(f, kk, c));
            }
            policyRows.add(rows);
            piCols[k] = sortedAgents(o);
            piVals[k] = sortedValues(o, pairwiseSup(o.space(), rows, ar, ar::totalVariation));
        }
        AgentMatrix<T> pi = new AgentMatrix<>(piCols, piVals);

        int[][] cCols = new int[n][];
        Object[][] cVals = new Object[n][];
        Object[][] hVals = new Object[n][];
        for (int j = 0; j < n; j++) {
            Scope nj = union(ms, "C row " + j + " (the agents P_j^pi depends on)", limit, f.kernelActions(j).size(),
                    support(f, f.kernelStates(j), f.kernelActions(j)));
            T[][] marginal = marginalRows(f, ar, j, nj, policyRows);
            cCols[j] = nj.agents();
            cVals[j] = pairwiseSup(nj.space(), marginal, ar, ar::totalVariation);
            hVals[j] = hRow(es, ea, pi, ar, j, cCols[j]);
        }
        AgentMatrix<T> c = new AgentMatrix<>(cCols, cVals);
        AgentMatrix<T> h = new AgentMatrix<>(cCols, hVals);
        return new FactoredInfluence<>(f, ar, es, ea, pi, c, h, limit, policyRows);
    }

    /** H_{j<-i} = E^s_{j<-i} + sum_k E^a_{j<-k} Pi_{k<-i} for the agents i of N_j. */
    private static <T> Object[] hRow(AgentMatrix<Rational> es, AgentMatrix<Rational> ea, AgentMatrix<T> pi,
            EntryArithmetic<T> ar, int j, int[] support) {
        Object[] row = new Object[support.length];
        for (int p = 0; p < support.length; p++) {
            row[p] = ar.of(Rational.ZERO);
        }
        for (int p = 0; p < es.rowLength(j); p++) {
            int at = Arrays.binarySearch(support, es.column(j, p));
            row[at] = ar.add(cast(row[at]), ar.of(es.value(j, p)));
        }
        for (int q = 0; q < ea.rowLength(j); q++) {
            int k = ea.column(j, q);
            T e = ar.of(ea.value(j, q));
            for (int p = 0; p < pi.rowLength(k); p++) {
                int at = Arrays.binarySearch(support, pi.column(k, p));
                row[at] = ar.add(cast(row[at]), ar.multiply(e, pi.value(k, p)));
            }
        }
        return row;
    }

    /** P_j^pi(. | c) for every configuration c of N_j. */
    private static <T> T[][] marginalRows(FactoredInstance f, EntryArithmetic<T> ar, int j, Scope nj,
            List<T[][]> policyRows) {
        Scope la = f.kernelActions(j);
        int[] ps = f.kernelStates(j).projectionFrom(nj);
        int[][] po = new int[la.length()][];
        for (int x = 0; x < la.length(); x++) {
            po[x] = f.actions(la.agent(x)) > 1 ? f.observes(la.agent(x)).projectionFrom(nj) : null;
        }
        T[][] kernelRows = newRows(ar, f.kernelStates(j).size() * la.size());
        for (int s = 0; s < f.kernelStates(j).size(); s++) {
            for (int a = 0; a < la.size(); a++) {
                T[] row = ar.newArray(f.states(j));
                for (int x = 0; x < row.length; x++) {
                    row[x] = ar.of(f.kernel(j, s, a, x));
                }
                kernelRows[s * la.size() + a] = row;
            }
        }
        T[][] out = newRows(ar, nj.size());
        for (int cfg = 0; cfg < out.length; cfg++) {
            T[] w = actionWeights(ar, la, po, policyRows, cfg);
            T[] row = ar.newArray(f.states(j));
            Arrays.fill(row, ar.of(Rational.ZERO));
            int base = ps[cfg] * la.size();
            for (int a = 0; a < w.length; a++) {
                T[] k = kernelRows[base + a];
                for (int x = 0; x < row.length; x++) {
                    row[x] = ar.add(row[x], ar.multiply(w[a], k[x]));
                }
            }
            out[cfg] = row;
        }
        return out;
    }

    /**
     * prod_{x} pi_{agent x}(a_x | observed configuration) for every configuration a of the action scope, in
     * its lexicographic order (first agent most significant), built one agent at a time.
     */
    private static <T> T[] actionWeights(EntryArithmetic<T> ar, Scope actions, int[][] observedAt,
            List<T[][]> policyRows, int cfg) {
        T[] w = ar.newArray(1);
        w[0] = ar.of(Rational.ONE);
        for (int x = 0; x < actions.length(); x++) {
            // an agent with one action plays it at every configuration (observedAt null)
            T[] p = policyRows.get(actions.agent(x))[observedAt[x] == null ? 0 : observedAt[x][cfg]];
            T[] next = ar.newArray(w.length * p.length);
            for (int d = 0; d < w.length; d++) {
                for (int b = 0; b < p.length; b++) {
                    next[d * p.length + b] = ar.multiply(w[d], p[b]);
                }
            }
            w = next;
        }
        return w;
    }

    private static <T> T[] deltaReward(FactoredInstance f, EntryArithmetic<T> ar, long limit, List<T[][]> policyRows) {
        int n = f.agentCount();
        int[] ms = f.stateSizes();
        List<FactoredInstance.RewardTerm> terms = f.rewardTermsOrJoint();
        List<Scope> supports = new ArrayList<>();
        List<T[]> g = new ArrayList<>();
        for (int m = 0; m < terms.size(); m++) {
            FactoredInstance.RewardTerm t = terms.get(m);
            Scope nm = union(ms, "reward term " + m + " under the policy", limit, t.actions().size(),
                    support(f, t.states(), t.actions()));
            int[] pr = t.states().projectionFrom(nm);
            int[][] po = new int[t.actions().length()][];
            for (int x = 0; x < po.length; x++) {
                po[x] = f.actions(t.actions().agent(x)) > 1 ? f.observes(t.actions().agent(x)).projectionFrom(nm) : null;
            }
            T[] values = ar.newArray(nm.size());
            for (int cfg = 0; cfg < values.length; cfg++) {
                T[] w = actionWeights(ar, t.actions(), po, policyRows, cfg);
                T v = ar.of(Rational.ZERO);
                for (int a = 0; a < w.length; a++) {
                    v = ar.add(v, ar.multiply(w[a], ar.of(t.value(pr[cfg], a))));
                }
                values[cfg] = v;
            }
            supports.add(nm);
            g.add(values);
        }
        T[] delta = ar.newArray(n);
        for (int i = 0; i < n; i++) {
            List<Integer> touching = new ArrayList<>();
            for (int m = 0; m < supports.size(); m++) {
                if (supports.get(m).contains(i) && ms[i] > 1) {
                    touching.add(m);
                }
            }
            if (touching.isEmpty()) {
                delta[i] = ar.of(Rational.ZERO);
                continue;
            }
            Scope[] parts = touching.stream().map(supports::get).toArray(Scope[]::new);
            Scope ui = union(ms, "delta_" + i + "(r^pi)", limit, 1, parts);
            T[][] total = newRows(ar, ui.size());
            List<int[]> proj = new ArrayList<>();
            for (int m : touching) {
                proj.add(supports.get(m).projectionFrom(ui));
            }
            for (int cfg = 0; cfg < total.length; cfg++) {
                T v = ar.of(Rational.ZERO);
                for (int x = 0; x < touching.size(); x++) {
                    v = ar.add(v, g.get(touching.get(x))[proj.get(x)[cfg]]);
                }
                T[] one = ar.newArray(1);
                one[0] = v;
                total[cfg] = one;
            }
            delta[i] = supAlong(ui.space(), ui.position(i), total, ar, (u, w) -> ar.abs(ar.subtract(u[0], w[0])));
        }
        return delta;
    }

    /**
     * For each coordinate x of the space, the largest distance between the rows of two configurations that
     * differ only in x (zero when x has one value).
     */
    static <T> T[] pairwiseSup(JointSpace space, T[][] rows, EntryArithmetic<T> ar, BiFunction<T[], T[], T> distance) {
        T[] sup = ar.newArray(space.coordinates());
        for (int x = 0; x < sup.length; x++) {
            sup[x] = supAlong(space, x, rows, ar, distance);
        }
        return sup;
    }

    /** The largest distance between the rows of two configurations that differ only in coordinate x. */
    static <T> T supAlong(JointSpace space, int x, T[][] rows, EntryArithmetic<T> ar, BiFunction<T[], T[], T> distance) {
        T best = ar.of(Rational.ZERO);
        int m = space.localSize(x);
        for (int cfg = 0; cfg < rows.length; cfg++) {
            int d = space.digit(cfg, x);
            for (int v = d + 1; v < m; v++) {
                best = ar.max(best, distance.apply(rows[cfg], rows[space.withDigit(cfg, x, v)]));
            }
        }
        return best;
    }

    /**
     * The scopes a mixture over the actions of {@code actions} depends on besides {@code states}: the observation
     * scopes of the agents with more than one action (an agent with one action plays it whatever it observes).
     */
    private static Scope[] support(FactoredInstance f, Scope states, Scope actions) {
        List<Scope> parts = new ArrayList<>();
        parts.add(states);
        for (int x = 0; x < actions.length(); x++) {
            if (f.actions(actions.agent(x)) > 1) {
                parts.add(f.observes(actions.agent(x)));
            }
        }
        return parts.toArray(new Scope[0]);
    }

    /**
     * The union of the scopes, refused when enumerating it costs more than the limit: its configurations times
     * {@code perConfiguration}, the action configurations summed at each.
     */
    private static Scope union(int[] sizes, String what, long limit, int perConfiguration, Scope... parts) {
        int[] agents = Scope.unionOf(parts);
        long configs = Scope.configurations(agents, sizes);
        double work = (double) configs * perConfiguration;
        if (configs < 0 || work > limit) {
            throw new TooLarge(what + " ranges over the configurations of agents " + shortList(agents) + ": "
                    + (configs < 0 ? "more than 2^31" : Long.toString(configs))
                    + (perConfiguration > 1 ? " x " + perConfiguration + " action configurations" : "")
                    + ", above the enumeration limit " + limit + " (raise it with --max-local)");
        }
        return Scope.of(agents, sizes);
    }

    private static String shortList(int[] agents) {
        String s = Arrays.toString(agents);
        return s.length() <= 80 ? s : s.substring(0, 70) + "... (" + agents.length + " agents)";
    }

    private static int[] sortedAgents(Scope s) {
        int[] a = s.agents();
        Arrays.sort(a);
        return a;
    }

    /** The values of a scope's positions, reordered to ascending agents. */
    private static Object[] sortedValues(Scope s, Object[] byPosition) {
        Integer[] idx = new Integer[s.length()];
        for (int x = 0; x < idx.length; x++) {
            idx[x] = x;
        }
        Arrays.sort(idx, (a, b) -> Integer.compare(s.agent(a), s.agent(b)));
        Object[] out = new Object[s.length()];
        for (int x = 0; x < idx.length; x++) {
            out[x] = byPosition[idx[x]];
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[][] newRows(EntryArithmetic<T> ar, int count) {
        return (T[][]) Array.newInstance(ar.newArray(0).getClass(), count);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    public FactoredInstance instance() {
        return instance;
    }

    public EntryArithmetic<T> arithmetic() {
        return ar;
    }

    public AgentMatrix<Rational> es() {
        return es;
    }

    public AgentMatrix<Rational> ea() {
        return ea;
    }

    public AgentMatrix<T> pi() {
        return pi;
    }

    public AgentMatrix<T> c() {
        return c;
    }

    public AgentMatrix<T> h() {
        return h;
    }

    /**
     * delta(r^pi), computed on the first call (it can need larger enumerations than the matrices: a
     * {@link TooLarge} names them); a copy.
     */
    public synchronized T[] deltaReward() {
        if (deltaReward == null) {
            deltaReward = deltaReward(instance, ar, limit, policyRows);
        }
        return deltaReward.clone();
    }
}
