package org.localitycheck.quantity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The closed communicating classes of the support graph of P^pi (Tarjan's algorithm). The chain has a
 * unique stationary distribution exactly when there is one closed class: this decides "multichain" on
 * the support alone, with no arithmetic.
 */
public final class RecurrentClasses {
    private RecurrentClasses() {
    }

    /** The number of closed classes of the support graph. */
    public static int count(JointKernel p) {
        return classify(p).closed;
    }

    /** recurrent[s]: s lies in a closed class; the stationary distributions vanish off these states. */
    public static boolean[] recurrent(JointKernel p) {
        Classes c = classify(p);
        boolean[] rec = new boolean[c.comp.length];
        for (int s = 0; s < rec.length; s++) {
            rec[s] = !c.leaves[c.comp[s]];
        }
        return rec;
    }

    /** Strong components of the support graph, which of them have an edge out, and how many do not. */
    private record Classes(int[] comp, boolean[] leaves, int closed) {
    }

    private static Classes classify(JointKernel p) {
        int n = p.size();
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            List<Integer> out = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                if (p.isPositive(s, t)) {
                    out.add(t);
                }
            }
            adj.add(out);
        }
        int[] comp = strongComponents(adj);
        int comps = 0;
        for (int c : comp) {
            comps = Math.max(comps, c + 1);
        }
        boolean[] leaves = new boolean[comps];
        for (int s = 0; s < n; s++) {
            for (int t : adj.get(s)) {
                if (comp[t] != comp[s]) {
                    leaves[comp[s]] = true;
                }
            }
        }
        int closed = 0;
        for (boolean l : leaves) {
            closed += l ? 0 : 1;
        }
        return new Classes(comp, leaves, closed);
    }

    public static boolean isMultichain(JointKernel p) {
        return count(p) != 1;
    }

    /** Iterative Tarjan: component index per vertex. */
    private static int[] strongComponents(List<List<Integer>> adj) {
        int n = adj.size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int counter = 0;
        int comps = 0;
        int[] callStack = new int[n];
        int[] edgePos = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            int csp = 0;
            callStack[csp++] = root;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            edgePos[root] = 0;
            while (csp > 0) {
                int v = callStack[csp - 1];
                if (edgePos[v] < adj.get(v).size()) {
                    int w = adj.get(v).get(edgePos[v]++);
                    if (index[w] == -1) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        edgePos[w] = 0;
                        callStack[csp++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    csp--;
                    if (csp > 0) {
                        int parent = callStack[csp - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            comp[w] = comps;
                        } while (w != v);
                        comps++;
                    }
                }
            }
        }
        return comp;
    }
}
