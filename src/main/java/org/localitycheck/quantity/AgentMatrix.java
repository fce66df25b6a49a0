package org.localitycheck.quantity;

import org.localitycheck.arith.RationalInterval;

/**
 * An n x n matrix over agents stored by rows, row j holding the entries M_{j<-i} for the agents i of its
 * support (ascending); every other entry is zero. The influence matrices of a factored instance are sparse
 * this way, with supports given by the scopes.
 */
public final class AgentMatrix<T> {
    private final int[][] columns;
    private final Object[][] values;

    AgentMatrix(int[][] columns, Object[][] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The number of agents. */
    public int size() {
        return columns.length;
    }

    /** The support of row j, ascending; a copy. */
    public int[] columns(int j) {
        return columns[j].clone();
    }

    public int rowLength(int j) {
        return columns[j].length;
    }

    /** The agent of the entry at position p of row j. */
    public int column(int j, int p) {
        return columns[j][p];
    }

    @SuppressWarnings("unchecked")
    public T value(int j, int p) {
        return (T) values[j][p];
    }

    /** The entries as intervals with rational ends (points when exact). */
    public RationalInterval enclosure(int j, int p, EntryArithmetic<T> ar) {
        return ar.enclosure(value(j, p));
    }

    /** The number of stored entries. */
    public long entries() {
        long e = 0;
        for (int[] c : columns) {
            e += c.length;
        }
        return e;
    }
}
