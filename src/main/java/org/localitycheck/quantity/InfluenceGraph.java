package org.localitycheck.quantity;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.localitycheck.arith.RationalMatrix;

/** Graph distances on agents: undirected (App. B.4's sparsity graph) and directed (G^pi of Sec. 5). */
public final class InfluenceGraph {
    private InfluenceGraph() {
    }

    /**
     * The least undirected graph satisfying App. B.4's hypotheses for E^s, E^a, Pi: {i, j} is an edge when
     * any of the three matrices has a nonzero (i, j) or (j, i) entry, i != j. Returns all-pairs distances
     * (Integer.MAX_VALUE when unreachable).
     */
    public static int[][] sparsityDistances(RationalMatrix es, RationalMatrix ea, RationalMatrix pi) {
        int n = es.rows();
        boolean[][] adj = new boolean[n][n];
        for (RationalMatrix m : new RationalMatrix[] {es, ea, pi}) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && !m.get(i, j).isZero()) {
                        adj[i][j] = true;
                        adj[j][i] = true;
                    }
                }
            }
        }
        return distances(adj);
    }

    /**
     * Directed distances in G^pi: an edge i -&gt; j when H_{j&lt;-i} &gt; 0 (Sec. 5). dist[i][j] is the least
     * number of edges from i to j.
     */
    public static int[][] supportDistances(RationalMatrix h) {
        int n = h.rows();
        boolean[][] adj = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                adj[i][j] = !h.get(j, i).isZero();
            }
        }
        return distances(adj);
    }

    private static int[][] distances(boolean[][] adj) {
        int n = adj.length;
        int[][] d = new int[n][n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(d[s], Integer.MAX_VALUE);
            d[s][s] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int v = 0; v < n; v++) {
                    if (adj[u][v] && d[s][v] == Integer.MAX_VALUE) {
                        d[s][v] = d[s][u] + 1;
                        q.add(v);
                    }
                }
            }
        }
        return d;
    }
}
