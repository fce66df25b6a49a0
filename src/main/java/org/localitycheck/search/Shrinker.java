package org.localitycheck.search;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Param;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Agent;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.RandomRows;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.model.TabularPolicy;

/**
 * Reduces a violating case while it still violates: fewer agents, local states and actions; deterministic or
 * coarser rows; simpler rewards; simpler witnesses. Each step is kept only if the predicate (the same exact
 * check) still fails, so the result is a certified violation too. Deterministic: the same input gives the same
 * output.
 */
public final class Shrinker {
    private final BiPredicate<Instance, Witness> stillViolates;
    private final List<Param> params;
    private final boolean structural;
    private int budget;

    /**
     * @param structural whether the instance itself may change (false for claims about one worked example)
     * @param budget the largest number of candidate checks
     */
    public Shrinker(BiPredicate<Instance, Witness> stillViolates, List<Param> params, boolean structural, int budget) {
        this.stillViolates = stillViolates;
        this.params = params;
        this.structural = structural;
        this.budget = budget;
    }

    public record Result(Instance instance, Witness witness, int steps) {
    }

    public Result shrink(Instance inst, Witness w) {
        int steps = 0;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            long current = size(inst, w);
            for (Candidate c : candidates(inst, w)) {
                if (budget-- <= 0) {
                    break;
                }
                if (accept(c, current)) {
                    inst = c.instance;
                    w = c.witness;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(inst, w, steps);
    }

    private boolean accept(Candidate c, long currentSize) {
        if (size(c.instance, c.witness) >= currentSize) {
            return false; // strictly smaller only: the shrink cannot cycle
        }
        try {
            return stillViolates.test(c.instance, c.witness);
        } catch (RuntimeException invalid) {
            return false; // the candidate left the reading's domain (a parameter out of range, ...)
        }
    }

    private record Candidate(Instance instance, Witness witness) {
    }

    /**
     * The well-founded size the shrink decreases: agents, joint states and joint actions dominate, then the
     * bits of every number in the instance and the witness.
     */
    static long size(Instance inst, Witness w) {
        long bits = 0;
        for (Object v : w.values().values()) {
            if (v instanceof Rational) {
                bits += ((Rational) v).bitSize();
            } else if (v instanceof Rational[]) {
                for (Rational x : (Rational[]) v) {
                    bits += x.bitSize();
                }
            } else {
                bits += Math.abs((Integer) v);
            }
        }
        if (inst == null) {
            return bits;
        }
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                bits += inst.reward(s, a).bitSize();
                for (int j = 0; j < inst.agentCount(); j++) {
                    for (int x = 0; x < st.localSize(j); x++) {
                        bits += inst.kernel().get(j, s, a, x).bitSize();
                    }
                }
            }
            for (int k = 0; k < inst.agentCount(); k++) {
                for (int b = 0; b < ac.localSize(k); b++) {
                    bits += policyEntry(inst, k, s, b).bitSize();
                }
            }
        }
        return ((long) inst.agentCount() << 56) + ((long) st.size() << 44) + ((long) ac.size() << 36) + bits;
    }

    /** A tabular policy's probability, or a softmax policy's logit (its temperature counted once, at k = s = b = 0). */
    private static Rational policyEntry(Instance inst, int k, int s, int b) {
        if (inst.policy() instanceof TabularPolicy) {
            return ((TabularPolicy) inst.policy()).prob(k, s, b);
        }
        SoftmaxPolicy sp = (SoftmaxPolicy) inst.policy();
        Rational logit = sp.logit(k, s, b);
        return k == 0 && s == 0 && b == 0 ? logit.abs().add(sp.tau()) : logit;
    }

    private List<Candidate> candidates(Instance inst, Witness w) {
        List<Candidate> out = new ArrayList<>();
        // the structural steps rebuild tabular policies; a softmax instance keeps its structure and shrinks its witness
        if (structural && inst != null && inst.policy() instanceof TabularPolicy) {
            int n = inst.agentCount();
            for (int k = n - 1; k >= 0 && n > 1; k--) {
                int kk = k;
                add(out, () -> dropAgent(inst, w, kk));
            }
            for (int k = 0; k < n; k++) {
                for (int v = inst.agents().get(k).states() - 1; v >= 1; v--) {
                    int kk = k;
                    int vv = v;
                    add(out, () -> dropState(inst, w, kk, vv));
                }
                for (int b = inst.agents().get(k).actions() - 1; b >= 1; b--) {
                    int kk = k;
                    int bb = b;
                    add(out, () -> dropAction(inst, w, kk, bb));
                }
            }
            for (int j = 0; j < n; j++) {
                int jj = j;
                add(out, () -> new Candidate(mapKernel(inst, jj, Shrinker::argmax), w));
                for (int d : new int[] {1, 2, 3, 4}) {
                    add(out, () -> new Candidate(mapKernel(inst, jj, row -> round(row, d)), w));
                }
                add(out, () -> new Candidate(mapPolicy(inst, jj, row -> uniform(row.length)), w));
                add(out, () -> new Candidate(mapPolicy(inst, jj, Shrinker::argmax), w));
                for (int d : new int[] {2, 4}) {
                    add(out, () -> new Candidate(mapPolicy(inst, jj, row -> round(row, d)), w));
                }
            }
            add(out, () -> new Candidate(mapReward(inst, r -> Rational.ZERO), w));
            add(out, () -> new Candidate(mapReward(inst, r -> Rational.of(r.signum())), w));
            add(out, () -> new Candidate(mapReward(inst, r -> Rational.of(r.floor())), w));
        }
        for (Param p : params) {
            if (!w.has(p.name())) {
                continue;
            }
            switch (p.kind()) {
                case FUNCTION:
                    add(out, () -> new Candidate(inst, w.with(p.name(), mapAll(w.vector(p.name()), x -> Rational.of(x.floor())))));
                    add(out, () -> new Candidate(inst, w.with(p.name(), indicatorOfMax(w.vector(p.name())))));
                    break;
                case TIME:
                case KAPPA:
                    if (w.integer(p.name()) > 0) {
                        add(out, () -> new Candidate(inst, w.with(p.name(), w.integer(p.name()) - 1)));
                    }
                    break;
                case SCALAR:
                    add(out, () -> new Candidate(inst, w.with(p.name(), Rational.of(w.rational(p.name()).floor()))));
                    break;
                default:
                    break;
            }
        }
        // drop candidates equal to the current case
        out.removeIf(c -> c.instance == inst && c.witness.equals(w)
                || c.instance != null && c.instance != inst && c.witness.equals(w) && sameInstance(c.instance, inst));
        return out;
    }

    private static boolean sameInstance(Instance a, Instance b) {
        return InstanceJson.canonical(a.withName(null))
                .equals(InstanceJson.canonical(b.withName(null)));
    }

    private interface Maker {
        Candidate make();
    }

    private static void add(List<Candidate> out, Maker m) {
        try {
            Candidate c = m.make();
            if (c != null) {
                out.add(c);
            }
        } catch (RuntimeException invalid) {
            // the transformation does not apply to this instance
        }
    }

    // ------------------------------------------------------------------ instance transformations

    /** Fixes agent k's state and action to 0 and removes the agent. */
    static Candidate dropAgent(Instance inst, Witness w, int k) {
        List<Agent> old = inst.agents();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (i == k) {
                continue;
            }
            int[] o = old.get(i).observesAsWritten();
            int[] no = null;
            if (o != null) {
                no = Arrays.stream(o).filter(x -> x != k).map(x -> x > k ? x - 1 : x).toArray();
            }
            agents.add(Agent.of(old.get(i).states(), old.get(i).actions(), no));
        }
        InstanceBuilder b = new InstanceBuilder(agents);
        JointSpace os = inst.states();
        JointSpace oa = inst.actions();
        int[] stateMap = new int[b.states.size()];
        for (int s = 0; s < stateMap.length; s++) {
            stateMap[s] = insert(b.states, os, s, k);
        }
        int[] actionMap = new int[b.actions.size()];
        for (int a = 0; a < actionMap.length; a++) {
            actionMap[a] = insert(b.actions, oa, a, k);
        }
        TabularPolicy pol = (TabularPolicy) inst.policy();
        for (int j = 0; j < b.n(); j++) {
            int oj = j >= k ? j + 1 : j;
            for (int s = 0; s < stateMap.length; s++) {
                for (int a = 0; a < actionMap.length; a++) {
                    b.kernel[j][s][a] = inst.kernel().row(oj, stateMap[s], actionMap[a]);
                }
                b.policy[j][s] = pol.row(oj, stateMap[s]);
            }
        }
        for (int s = 0; s < stateMap.length; s++) {
            for (int a = 0; a < actionMap.length; a++) {
                b.reward[s][a] = inst.reward(stateMap[s], actionMap[a]);
            }
        }
        return new Candidate(b.build(inst.name()), mapWitness(w, stateMap, k));
    }

    /** Old joint index of a new joint index with coordinate k (value 0) inserted. */
    private static int insert(JointSpace small, JointSpace big, int idx, int k) {
        int[] d = new int[big.coordinates()];
        for (int i = 0, c = 0; i < d.length; i++) {
            d[i] = i == k ? 0 : small.digit(idx, c++);
        }
        return big.encode(d);
    }

    /** Removes local state v of agent k; P_k's mass on v moves to state 0. */
    static Candidate dropState(Instance inst, Witness w, int k, int v) {
        List<Agent> agents = new ArrayList<>(inst.agents());
        Agent ak = agents.get(k);
        agents.set(k, Agent.of(ak.states() - 1, ak.actions(), ak.observesAsWritten()));
        InstanceBuilder b = new InstanceBuilder(agents);
        JointSpace os = inst.states();
        int[] stateMap = new int[b.states.size()];
        for (int s = 0; s < stateMap.length; s++) {
            int[] d = b.states.decode(s);
            if (d[k] >= v) {
                d[k]++;
            }
            stateMap[s] = os.encode(d);
        }
        TabularPolicy pol = (TabularPolicy) inst.policy();
        for (int j = 0; j < b.n(); j++) {
            for (int s = 0; s < stateMap.length; s++) {
                for (int a = 0; a < b.actions.size(); a++) {
                    Rational[] row = inst.kernel().row(j, stateMap[s], a);
                    b.kernel[j][s][a] = j == k ? merge(row, v) : row;
                }
                b.policy[j][s] = pol.row(j, stateMap[s]);
            }
        }
        for (int s = 0; s < stateMap.length; s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = inst.reward(stateMap[s], a);
            }
        }
        return new Candidate(b.build(inst.name()), mapWitness(w, stateMap, -1));
    }

    /** Removes local action c of agent k; pi_k's mass on c moves to action 0. */
    static Candidate dropAction(Instance inst, Witness w, int k, int c) {
        List<Agent> agents = new ArrayList<>(inst.agents());
        Agent ak = agents.get(k);
        agents.set(k, Agent.of(ak.states(), ak.actions() - 1, ak.observesAsWritten()));
        InstanceBuilder b = new InstanceBuilder(agents);
        JointSpace oa = inst.actions();
        int[] actionMap = new int[b.actions.size()];
        for (int a = 0; a < actionMap.length; a++) {
            int[] d = b.actions.decode(a);
            if (d[k] >= c) {
                d[k]++;
            }
            actionMap[a] = oa.encode(d);
        }
        TabularPolicy pol = (TabularPolicy) inst.policy();
        for (int j = 0; j < b.n(); j++) {
            for (int s = 0; s < b.states.size(); s++) {
                for (int a = 0; a < actionMap.length; a++) {
                    b.kernel[j][s][a] = inst.kernel().row(j, s, actionMap[a]);
                }
                Rational[] row = pol.row(j, s);
                b.policy[j][s] = j == k ? merge(row, c) : row;
            }
        }
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < actionMap.length; a++) {
                b.reward[s][a] = inst.reward(s, actionMap[a]);
            }
        }
        return new Candidate(b.build(inst.name()), w);
    }

    private static Rational[] merge(Rational[] row, int v) {
        Rational[] r = new Rational[row.length - 1];
        for (int x = 0, y = 0; x < row.length; x++) {
            if (x != v) {
                r[y++] = row[x];
            }
        }
        r[0] = r[0].add(row[v]);
        return r;
    }

    private static Witness mapWitness(Witness w, int[] stateMap, int droppedAgent) {
        Witness out = w;
        for (Map.Entry<String, Object> e : w.values().entrySet()) {
            if (!(e.getValue() instanceof Rational[])) {
                continue;
            }
            Rational[] v = (Rational[]) e.getValue();
            if (v.length >= stateMap.length && isJointFunction(e.getKey())) {
                Rational[] f = new Rational[stateMap.length];
                for (int s = 0; s < f.length; s++) {
                    f[s] = v[stateMap[s]];
                }
                out = out.with(e.getKey(), f);
            } else if (droppedAgent >= 0 && !isJointFunction(e.getKey())) {
                Rational[] r = new Rational[v.length - 1];
                for (int i = 0, c = 0; i < v.length; i++) {
                    if (i != droppedAgent) {
                        r[c++] = v[i];
                    }
                }
                if (e.getKey().equals("nu")) {
                    Rational sum = Rational.ZERO;
                    for (Rational x : r) {
                        sum = sum.add(x);
                    }
                    for (int i = 0; i < r.length; i++) {
                        r[i] = r[i].divide(sum);
                    }
                }
                out = out.with(e.getKey(), r);
            }
        }
        return out;
    }

    /** Witness vectors named f, g or hhat are functions on joint states; the others are vectors over agents. */
    private static boolean isJointFunction(String name) {
        return name.equals("f") || name.equals("g") || name.equals("hhat");
    }

    private interface RowMap {
        Rational[] apply(Rational[] row);
    }

    private static Instance mapKernel(Instance inst, int j, RowMap f) {
        InstanceBuilder b = copy(inst);
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.kernel[j][s][a] = f.apply(b.kernel[j][s][a]);
            }
        }
        return b.build(inst.name());
    }

    private static Instance mapPolicy(Instance inst, int k, RowMap f) {
        InstanceBuilder b = copy(inst);
        for (int s = 0; s < b.states.size(); s++) {
            b.policy[k][s] = f.apply(b.policy[k][s]);
        }
        return b.build(inst.name());
    }

    private static Instance mapReward(Instance inst, UnaryOperator<Rational> f) {
        InstanceBuilder b = copy(inst);
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = f.apply(b.reward[s][a]);
            }
        }
        return b.build(inst.name());
    }

    private static InstanceBuilder copy(Instance inst) {
        return InstanceBuilder.from(inst);
    }

    static Rational[] argmax(Rational[] row) {
        int best = 0;
        for (int x = 1; x < row.length; x++) {
            if (row[x].compareTo(row[best]) > 0) {
                best = x;
            }
        }
        return RandomRows.pointMass(row.length, best);
    }

    static Rational[] uniform(int m) {
        return RandomRows.uniform(m);
    }

    /** The row rounded to multiples of 1/d by largest remainders (sums stay 1, entries stay >= 0). */
    static Rational[] round(Rational[] row, int d) {
        int m = row.length;
        BigInteger[] floors = new BigInteger[m];
        Rational[] rem = new Rational[m];
        int total = 0;
        for (int x = 0; x < m; x++) {
            Rational scaled = row[x].multiply(Rational.of(d));
            floors[x] = scaled.floor();
            rem[x] = scaled.subtract(Rational.of(floors[x]));
            total += floors[x].intValueExact();
        }
        Integer[] order = new Integer[m];
        for (int x = 0; x < m; x++) {
            order[x] = x;
        }
        Arrays.sort(order, (a, b) -> rem[b].compareTo(rem[a]) != 0 ? rem[b].compareTo(rem[a]) : a - b);
        Rational[] r = new Rational[m];
        for (int x = 0; x < m; x++) {
            r[x] = Rational.of(floors[x], BigInteger.valueOf(d));
        }
        for (int q = 0; q < d - total; q++) {
            int x = order[q];
            r[x] = r[x].add(Rational.of(1, d));
        }
        return r;
    }

    private static Rational[] mapAll(Rational[] v, UnaryOperator<Rational> f) {
        Rational[] r = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = f.apply(v[i]);
        }
        return r;
    }

    private static Rational[] indicatorOfMax(Rational[] v) {
        Rational max = v[0];
        for (Rational x : v) {
            max = max.max(x);
        }
        Rational[] r = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].equals(max) ? Rational.ONE : Rational.ZERO;
        }
        return r;
    }
}
