package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.FloatInterval;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.FactoredFamilies;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.quantity.AgentMatrix;
import org.localitycheck.quantity.EntryArithmetic;
import org.localitycheck.quantity.FactoredInfluence;

/**
 * The networks the "networks" readings are checked on: factored instances of 4 to 48 agents (rings, grids,
 * stars, random digraphs; {@link FactoredFamilies#networkCase}), far beyond what the joint engine can tabulate.
 * Each case's network is named by a seed taken from the case's instance (a hash of its canonical JSON), so a
 * stored case names its network (its name is in the verdict's location too) and the suite's count of distinct
 * instances counts distinct networks. Shrinking such a case changes the network as a whole: it is not minimal in
 * the network, and the independent checker has no code for these readings.
 */
final class NetworkCases {
    /** Enumeration limit for the networks' neighbourhoods (FactoredInfluence's default). */
    private static final long LIMIT = FactoredInfluence.DEFAULT_ENUMERATION_LIMIT;

    private NetworkCases() {
    }

    /** The seed of the case's network. */
    static int seed(Context ctx) {
        return ctx.instance() == null ? 0 : InstanceJson.canonical(ctx.instance().withName(null)).hashCode() & 0x3fffffff;
    }

    static FactoredInstance network(Context ctx, String policy) {
        return FactoredFamilies.networkCase(seed(ctx), policy);
    }

    /** The exact quantities of the case's network with a tabular policy. */
    static FactoredInfluence<Rational> tabular(Context ctx) {
        return influence(network(ctx, FactoredInstance.TABULAR), EntryArithmetic.EXACT);
    }

    /** The enclosed quantities of the case's network with a softmax policy. */
    static FactoredInfluence<FloatInterval> softmax(Context ctx) {
        return influence(network(ctx, FactoredInstance.SOFTMAX), EntryArithmetic.FLOAT);
    }

    /** A network beyond the enumeration limit makes the case undecided (an ArithmeticException), not a crash. */
    private static <T> FactoredInfluence<T> influence(FactoredInstance f, EntryArithmetic<T> ar) {
        try {
            return FactoredInfluence.of(f, ar, LIMIT);
        } catch (FactoredInfluence.TooLarge e) {
            throw new ArithmeticException("network " + f.name() + " beyond the enumeration limit: " + e.getMessage());
        }
    }

    /** The entry of row j at agent i, 0 outside the row's support. */
    static <T> T entry(AgentMatrix<T> m, int j, int i, T zero) {
        int p = m.position(j, i);
        return p < 0 ? zero : m.value(j, p);
    }

    /** Where a network verdict was taken: the network's name and the entry. */
    static String where(FactoredInstance f, String entry) {
        return f.name() + ": " + entry;
    }

    /**
     * lhs &lt;= rhs for enclosed sides: decided when the enclosures allow (a violation on the lower end of lhs,
     * a holds on its upper end), else an ArithmeticException (undecided: double-width enclosures cannot do better).
     */
    static Verdict atMost(RationalInterval lhs, RationalInterval rhs, String where) {
        if (lhs.upper().compareTo(rhs.lower()) <= 0) {
            return Verdict.atMost(lhs.upper(), rhs.lower(), where);
        }
        if (lhs.lower().compareTo(rhs.upper()) > 0) {
            return Verdict.atMost(lhs.lower(), rhs.upper(), where);
        }
        throw new ArithmeticException("undecided at double-width enclosures: " + where + ": " + lhs + " against " + rhs);
    }

    /** The distance from i to every agent along the edges of {@code adjacency} (MAX_VALUE when unreachable). */
    static int[] distancesFrom(int[][] adjacency, int i) {
        int[] d = new int[adjacency.length];
        Arrays.fill(d, Integer.MAX_VALUE);
        d[i] = 0;
        List<Integer> frontier = new ArrayList<>(List.of(i));
        while (!frontier.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int u : frontier) {
                for (int v : adjacency[u]) {
                    if (d[v] == Integer.MAX_VALUE) {
                        d[v] = d[u] + 1;
                        next.add(v);
                    }
                }
            }
            frontier = next;
        }
        return d;
    }
}
