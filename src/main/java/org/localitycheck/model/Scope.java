package org.localitycheck.model;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A list of distinct agents with their local sizes, and the configurations over them numbered in
 * lexicographic order, the first agent listed the most significant digit (as FORMATS.md numbers joint
 * states). The local tables of instance@2 are indexed by these numbers.
 */
public final class Scope {
    private final int[] agents;
    private final JointSpace space;

    private Scope(int[] agents, JointSpace space) {
        this.agents = agents;
        this.space = space;
    }

    /** The scope over {@code agents} (in this order), with local sizes {@code sizes[agent]}. */
    public static Scope of(int[] agents, int[] sizes) {
        int[] local = new int[agents.length];
        for (int x = 0; x < agents.length; x++) {
            local[x] = sizes[agents[x]];
        }
        return new Scope(agents.clone(), JointSpace.of(local));
    }

    /** Every agent 0..n-1 in order. */
    public static Scope all(int[] sizes) {
        int[] a = new int[sizes.length];
        Arrays.setAll(a, x -> x);
        return of(a, sizes);
    }

    /** The agents of all the given scopes, ascending. */
    public static int[] unionOf(Scope... parts) {
        TreeSet<Integer> set = new TreeSet<>();
        for (Scope p : parts) {
            for (int a : p.agents) {
                set.add(a);
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The number of configurations, or -1 when it exceeds 2^31 - 1. */
    public static long configurations(int[] agents, int[] sizes) {
        long w = 1;
        for (int a : agents) {
            w *= sizes[a];
            if (w > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return w;
    }

    public int[] agents() {
        return agents.clone();
    }

    public int length() {
        return agents.length;
    }

    public int agent(int position) {
        return agents[position];
    }

    /** The position of {@code agent} in this scope, or -1. */
    public int position(int agent) {
        for (int x = 0; x < agents.length; x++) {
            if (agents[x] == agent) {
                return x;
            }
        }
        return -1;
    }

    public boolean contains(int agent) {
        return position(agent) >= 0;
    }

    /** The number of configurations. */
    public int size() {
        return space.size();
    }

    public JointSpace space() {
        return space;
    }

    /**
     * For every configuration of {@code outer}, which holds every agent of this scope, the number of its
     * restriction to this scope.
     */
    public int[] projectionFrom(Scope outer) {
        int[] at = new int[agents.length];
        for (int x = 0; x < agents.length; x++) {
            at[x] = outer.position(agents[x]);
            if (at[x] < 0) {
                throw new IllegalArgumentException("Scope.projectionFrom: agent " + agents[x] + " of "
                        + Arrays.toString(agents) + " is not in " + Arrays.toString(outer.agents));
            }
        }
        int[] p = new int[outer.size()];
        for (int c = 0; c < p.length; c++) {
            int r = 0;
            for (int x = 0; x < agents.length; x++) {
                r = r * space.localSize(x) + outer.space.digit(c, at[x]);
            }
            p[c] = r;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope && Arrays.equals(agents, ((Scope) o).agents) && space.equals(((Scope) o).space);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(agents);
    }

    @Override
    public String toString() {
        return Arrays.toString(agents);
    }
}
