package org.localitycheck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Interaction graphs over agents: for each agent j, its neighbours N(j) (j itself excluded), ascending. */
public final class Networks {
    private Networks() {
    }

    /** The neighbour lists of a topology named in README ("ring", "grid", "star", "random"). */
    public record Graph(String name, int[][] neighbours) {
        public int agents() {
            return neighbours.length;
        }
    }

    /** A ring: j - 1 and j + 1 modulo n. */
    public static Graph ring(int n) {
        int[][] nb = new int[n][];
        for (int j = 0; j < n; j++) {
            TreeSet<Integer> s = new TreeSet<>();
            if (n > 1) {
                s.add(Math.floorMod(j - 1, n));
                s.add(Math.floorMod(j + 1, n));
            }
            s.remove(j);
            nb[j] = toArray(s);
        }
        return new Graph("ring-" + n, nb);
    }

    /** A rows x cols grid without wrap-around, agent r * cols + c; each agent's up, down, left and right. */
    public static Graph grid(int rows, int cols) {
        int[][] nb = new int[rows * cols][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                TreeSet<Integer> s = new TreeSet<>();
                if (r > 0) {
                    s.add((r - 1) * cols + c);
                }
                if (r + 1 < rows) {
                    s.add((r + 1) * cols + c);
                }
                if (c > 0) {
                    s.add(r * cols + c - 1);
                }
                if (c + 1 < cols) {
                    s.add(r * cols + c + 1);
                }
                nb[r * cols + c] = toArray(s);
            }
        }
        return new Graph("grid-" + rows + "x" + cols, nb);
    }

    /** A star: agent 0 the hub, every other agent a leaf joined to it. */
    public static Graph star(int n) {
        int[][] nb = new int[n][];
        int[] leaves = new int[Math.max(0, n - 1)];
        Arrays.setAll(leaves, x -> x + 1);
        nb[0] = leaves;
        for (int j = 1; j < n; j++) {
            nb[j] = new int[] {0};
        }
        return new Graph("star-" + n, nb);
    }

    /** Each agent reads {@code degree} distinct other agents drawn uniformly (a directed random graph). */
    public static Graph random(int n, int degree, SplittableRandom rnd) {
        int d = Math.min(degree, n - 1);
        int[][] nb = new int[n][];
        for (int j = 0; j < n; j++) {
            TreeSet<Integer> s = new TreeSet<>();
            while (s.size() < d) {
                int i = rnd.nextInt(n);
                if (i != j) {
                    s.add(i);
                }
            }
            nb[j] = toArray(s);
        }
        return new Graph("random-" + n + "-d" + d, nb);
    }

    /** j and its neighbours, ascending. */
    public static int[] closed(Graph g, int j) {
        List<Integer> l = new ArrayList<>();
        for (int i : g.neighbours()[j]) {
            l.add(i);
        }
        l.add(j);
        return l.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] toArray(TreeSet<Integer> s) {
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
