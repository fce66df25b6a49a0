package org.localitycheck.quantity;

import java.util.Arrays;
import org.localitycheck.arith.Rational;
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

    /** The position of agent i in row j's support, or -1 (the entry is then 0). */
    public int position(int j, int i) {
        int p = Arrays.binarySearch(columns[j], i);
        return p < 0 ? -1 : p;
    }

    /** (M v)_j = sum_i M_{j<-i} v_i. */
    public T[] times(T[] v, EntryArithmetic<T> ar) {
        T[] out = zeros(v.length, ar);
        for (int j = 0; j < columns.length; j++) {
            for (int p = 0; p < columns[j].length; p++) {
                out[j] = ar.add(out[j], ar.multiply(value(j, p), v[columns[j][p]]));
            }
        }
        return out;
    }

    /** (M^T v)_i = sum_j M_{j<-i} v_j: one round of the certificate's message passing. */
    public T[] transposeTimes(T[] v, EntryArithmetic<T> ar) {
        T[] out = zeros(v.length, ar);
        for (int j = 0; j < columns.length; j++) {
            for (int p = 0; p < columns[j].length; p++) {
                int i = columns[j][p];
                out[i] = ar.add(out[i], ar.multiply(value(j, p), v[j]));
            }
        }
        return out;
    }

    private static <T> T[] zeros(int n, EntryArithmetic<T> ar) {
        T[] out = ar.newArray(n);
        Arrays.fill(out, ar.of(Rational.ZERO));
        return out;
    }
}
