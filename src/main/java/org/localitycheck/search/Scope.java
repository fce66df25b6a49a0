package org.localitycheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * A small scope enumerated exhaustively: n identical agents with 1 or 2 local states and 1 or 2 local actions, full
 * observation, and every kernel entry P_j(1 | s, a), policy entry pi_k(1 | s) and reward on a grid. Instance number
 * c is the mixed-radix number of its grid indices (slot 0 most significant). Only one instance per orbit of the
 * symmetry group (permutations of agents, relabellings of each agent's local states and actions) is kept: the one
 * whose index vector is lexicographically least, so N counts instances distinct up to symmetry. The kernel and policy
 * grids are symmetric under p -&gt; 1 - p, which a relabelling applies.
 */
public final class Scope {
    /** Which coordinates a kernel row, a policy row or the reward may depend on. */
    public enum Dependence { FULL, ACTION_ONLY, STATE_ONLY }

    private final String name;
    private final String description;
    private final int n;
    private final int states;
    private final int actions;
    private final Rational[] kernelGrid;
    private final Dependence kernelDep;
    private final Rational[] policyGrid;
    private final Dependence policyDep;
    private final Rational[] rewardGrid;
    private final Dependence rewardDep;
    private final JointSpace st;
    private final JointSpace ac;
    /** Per slot: kind (0 kernel, 1 policy, 2 reward), agent, joint state (-1: any), joint action (-1: any). */
    private final int[][] slots;
    private final int[][] groupSlot;
    private final boolean[][] groupComplement;

    Scope(String name, String description, int n, int states, int actions, Rational[] kernelGrid, Dependence kernelDep,
            Rational[] policyGrid, Dependence policyDep, Rational[] rewardGrid, Dependence rewardDep) {
        this.name = name;
        this.description = description;
        this.n = n;
        this.states = states;
        this.actions = actions;
        this.kernelGrid = kernelGrid;
        this.kernelDep = kernelDep;
        this.policyGrid = policyGrid;
        this.policyDep = policyDep;
        this.rewardGrid = rewardGrid;
        this.rewardDep = rewardDep;
        List<Agent> agents = agents();
        this.st = Instance.stateSpace(agents);
        this.ac = Instance.actionSpace(agents);
        List<int[]> sl = new ArrayList<>();
        if (states > 1) {
            for (int j = 0; j < n; j++) {
                for (int s = 0; s < (kernelDep == Dependence.ACTION_ONLY ? 1 : st.size()); s++) {
                    for (int a = 0; a < (kernelDep == Dependence.STATE_ONLY ? 1 : ac.size()); a++) {
                        sl.add(new int[] {0, j, kernelDep == Dependence.ACTION_ONLY ? -1 : s,
                            kernelDep == Dependence.STATE_ONLY ? -1 : a});
                    }
                }
            }
        }
        if (actions > 1) {
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < (policyDep == Dependence.FULL ? st.size() : 1); s++) {
                    sl.add(new int[] {1, k, policyDep == Dependence.FULL ? s : -1, -1});
                }
            }
        }
        for (int s = 0; s < (rewardDep == Dependence.ACTION_ONLY ? 1 : st.size()); s++) {
            for (int a = 0; a < (rewardDep == Dependence.STATE_ONLY ? 1 : ac.size()); a++) {
                sl.add(new int[] {2, -1, rewardDep == Dependence.ACTION_ONLY ? -1 : s, rewardDep == Dependence.STATE_ONLY ? -1 : a});
            }
        }
        this.slots = sl.toArray(new int[0][]);
        List<int[]> gs = new ArrayList<>();
        List<boolean[]> gc = new ArrayList<>();
        for (int[] perm : permutations(n)) {
            for (int fs = 0; fs < (states > 1 ? 1 << n : 1); fs++) {
                for (int fa = 0; fa < (actions > 1 ? 1 << n : 1); fa++) {
                    int[] target = new int[slots.length];
                    boolean[] comp = new boolean[slots.length];
                    for (int i = 0; i < slots.length; i++) {
                        int[] x = slots[i];
                        int[] y = {x[0], x[1] < 0 ? -1 : perm[x[1]], x[2] < 0 ? -1 : map(st, x[2], perm, fs),
                            x[3] < 0 ? -1 : map(ac, x[3], perm, fa)};
                        target[i] = indexOf(y);
                        comp[i] = x[0] == 0 ? ((fs >> x[1]) & 1) == 1 : x[0] == 1 && ((fa >> x[1]) & 1) == 1;
                    }
                    gs.add(target);
                    gc.add(comp);
                }
            }
        }
        this.groupSlot = gs.toArray(new int[0][]);
        this.groupComplement = gc.toArray(new boolean[0][]);
    }

    public int agentCount() {
        return n;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Instances before symmetry reduction: the product of the slots' grid sizes. */
    public long size() {
        long total = 1;
        for (int[] x : slots) {
            total = Math.multiplyExact(total, grid(x[0]).length);
        }
        return total;
    }

    /** The group elements used for the reduction. */
    public int symmetries() {
        return groupSlot.length;
    }

    private Rational[] grid(int kind) {
        return kind == 0 ? kernelGrid : kind == 1 ? policyGrid : rewardGrid;
    }

    private List<Agent> agents() {
        List<Agent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Agent.of(states, actions));
        }
        return out;
    }

    /** The grid indices of instance number c. */
    int[] digits(long c) {
        int[] d = new int[slots.length];
        for (int i = slots.length - 1; i >= 0; i--) {
            int b = grid(slots[i][0]).length;
            d[i] = (int) (c % b);
            c /= b;
        }
        return d;
    }

    /** True when instance c is its orbit's least element (the one the enumeration keeps). */
    public boolean representative(long c) {
        int[] d = digits(c);
        int[] img = new int[d.length];
        for (int g = 0; g < groupSlot.length; g++) {
            for (int i = 0; i < d.length; i++) {
                int b = grid(slots[i][0]).length;
                img[groupSlot[g][i]] = groupComplement[g][i] ? b - 1 - d[i] : d[i];
            }
            int cmp = Arrays.compare(img, d);
            if (cmp < 0) {
                return false;
            }
        }
        return true;
    }

    /** Instance number c, or null when a row would not be a probability vector (never, with binary rows). */
    public Instance instance(long c) {
        int[] d = digits(c);
        List<Agent> agents = agents();
        Rational[][][][] k = new Rational[n][st.size()][ac.size()][];
        Rational[][][] pol = new Rational[n][st.size()][];
        Rational[][] r = new Rational[st.size()][ac.size()];
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < st.size(); s++) {
                for (int a = 0; a < ac.size(); a++) {
                    k[j][s][a] = states == 1 ? new Rational[] {Rational.ONE} : null;
                }
                pol[j][s] = actions == 1 ? new Rational[] {Rational.ONE} : null;
            }
        }
        for (int i = 0; i < slots.length; i++) {
            int[] x = slots[i];
            Rational v = grid(x[0])[d[i]];
            for (int s = 0; s < st.size(); s++) {
                if (x[2] >= 0 && x[2] != s) {
                    continue;
                }
                for (int a = 0; a < ac.size(); a++) {
                    if (x[3] >= 0 && x[3] != a) {
                        continue;
                    }
                    if (x[0] == 0) {
                        k[x[1]][s][a] = SmallGridFamilies.bit(v);
                    } else if (x[0] == 2) {
                        r[s][a] = v;
                    }
                }
                if (x[0] == 1) {
                    pol[x[1]][s] = SmallGridFamilies.bit(v);
                }
            }
        }
        return Instance.of(name + "-" + c, agents, FactoredKernel.of(k, st, ac),
                TabularPolicy.of(pol, agents, st), r);
    }

    private int indexOf(int[] y) {
        for (int i = 0; i < slots.length; i++) {
            if (Arrays.equals(slots[i], y)) {
                return i;
            }
        }
        throw new IllegalStateException("Scope " + name + ": the symmetry maps slot " + Arrays.toString(y)
                + " outside the scope");
    }

    /** The joint index after moving agent i's digit to position perm[i] and flipping the digits in the mask. */
    private static int map(JointSpace sp, int index, int[] perm, int flips) {
        int[] d = sp.decode(index);
        int[] e = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            int v = d[i];
            if (((flips >> i) & 1) == 1 && sp.localSize(i) == 2) {
                v = 1 - v;
            }
            e[perm[i]] = v;
        }
        return sp.encode(e);
    }

    static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int i, List<int[]> out) {
        if (i == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int v = 0; v < cur.length; v++) {
            if (!used[v]) {
                used[v] = true;
                cur[i] = v;
                permute(cur, used, i + 1, out);
                used[v] = false;
            }
        }
    }
}
