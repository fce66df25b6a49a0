package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.quantity.EntryArithmetic;
import org.localitycheck.quantity.InfluenceGraph;

/**
 * App. B.4: with E^s, E^a, Pi sparse on an undirected graph of degree Delta, H has the graph's sparsity
 * pattern, blocks of H^t vanish below graph distance, and ||H^t|| &lt;= C(Delta) lambda^t.
 */
final class SparsityClaim extends BaseClaim {
    SparsityClaim() {
        super("sparsity", "App. B.4",
                "H has the graph's sparsity pattern; blocks of H^t vanish for t < graph distance; "
                        + "||H^t|| <= C(Delta) lambda^t with C depending only on the max degree");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("t", Param.Kind.TIME), Param.of("lambda", Param.Kind.LAMBDA), Param.of("m", Param.Kind.MEMBER));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("same-pattern",
                        "H_{j<-i} = 0 whenever i != j are not neighbours in the least graph meeting B.4's hypotheses",
                        Expected.REFUTED,
                        "E^a Pi reaches two hops: H_{j<-i} >= E^a_{j<-k} Pi_{k<-i} > 0 with j ~ k ~ i, j not ~ i.",
                        (ctx, w) -> blocks(ctx, 1, 1)),
                Reading.of("vanishing-blocks", "(H^t)_{j<-i} = 0 whenever dist(i, j) > t (B.4: vanishes for t < d)",
                        Expected.REFUTED, "The same two-hop reach: the support of H^t spreads 2t hops.",
                        (ctx, w) -> blocks(ctx, w.integer("t"), 1)),
                Reading.of("vanishing-blocks-two-hop", "(H^t)_{j<-i} = 0 whenever dist(i, j) > 2t (corrected)",
                        Expected.HOLDS,
                        "E^s spreads one hop and E^a Pi two, so H^t spreads at most 2t hops.",
                        (ctx, w) -> blocks(ctx, w.integer("t"), 2)).corrected(),
                Reading.of("literal-constant",
                        "if rho(H) <= lambda < 1 then ||(H^T)^t||_inf <= C(Delta) lambda^t for all t, for some C(Delta)",
                        Expected.REFUTED,
                        "At lambda = rho(H) = 0 with H != 0 nilpotent, t = 1 needs ||H^T|| <= 0: no constant exists.",
                        SparsityClaim::constant),
                Reading.of("degree-only-constant",
                        "'||(H^pi)^t||_{inf->inf} <= C(Delta) lambda^t' with C depending only on the maximum degree Delta: "
                                + "tested on paths (Delta = 2) of n = m + 1 agents with rho(H) = 0 and lambda = 1/2",
                        Expected.REFUTED,
                        "On a path where each agent copies the next one's state, H^pi = (E^s)^T is a shift: ||(H^pi)^t|| = 1 "
                                + "for t < n, so the least C is lambda^{-(n-1)} = 2^{n-1} at a fixed degree 2. The constant must "
                                + "depend on n (or lambda must exceed rho(H) by a margin that shrinks the constant), and so does "
                                + "the 'exponential decay in graph distance' B.4 draws from it.",
                        UniformityFamilies.check("path-shift", UniformityFamilies::pathShift))
                        .provenBy("Family: n = m + 1 binary agents, one action each; agent j < n - 1 has s'_j = s_{j+1}, the "
                                + "last is a fair coin. E^s is the shift (E^s_{j<-j+1} = 1), E^a = Pi = 0, so B.4's graph is the "
                                + "path (maximum degree 2 from n = 3) and rho(H) = 0. ((E^s)^T)^t has one 1 per row for t < n and "
                                + "vanishes from t = n, so sup_t ||(H^pi)^t||/lambda^t = lambda^{-(n-1)}; the check computes the "
                                + "least constant exactly (quantity.PowerBound) at each member and compares it with 2^{n-1}."),
                Reading.of("edp-uniform",
                        "Sec. 1 (L49) and Sec. 3 (L156): rho(H) < 1 gives the exponential decay property of L35: some K and "
                                + "mu < 1, independent of n, bound delta_i(h^pi) by K mu^{dist(i, supp delta(r))} ||delta(r)||_inf "
                                + "(dist in B.4's least graph); tested on paths (Delta = 2) of n = m + 1 agents with rho(H) = 0",
                        Expected.REFUTED,
                        "For a fixed n any decay holds with a large enough K, so the property has content only with constants "
                                + "independent of n, and then it fails: on the path shift the reward at agent 0 is felt undiminished "
                                + "by every agent (delta_i(h) = 1 at distance i), although rho(H) = 0.",
                        UniformityFamilies.check("path-shift-spatial", UniformityFamilies::spatialDecay))
                        .provenBy("Family: the path shift of degree-only-constant (agent j < n - 1 copies s_{j+1}, the last is "
                                + "a fair coin, one action each) with r = s_0: rho(H) = 0 and B.4's graph is the path. T^t s_0 = "
                                + "s_t for t < n and T^n s_0 = 1/2, so h = sum_i s_i + const and delta_i(h) = 1 for every i, at "
                                + "distance i from supp delta(r) = {0}; ||delta(r)||_inf = 1. So K >= mu^{-(n-1)} for every mu < "
                                + "1, which grows without bound in n. The check computes h exactly (quantity.PoissonSolution) at "
                                + "each member and compares the least K at mu = 1/2 with 2^{n-1}."),
                Reading.of("vanishing-blocks-two-hop-networks",
                        "(H^t)_{j<-i} = 0 whenever dist(i, j) > 2t (the corrected form) on factored networks of 4 to 48 agents "
                                + "with tabular policies",
                        Expected.HOLDS, "The corrected form's argument is local; checked where the joint engine cannot go.",
                        (Reading.FamilyCheck) (ctx, w) -> networkBlocks(ctx, w.integer("t"), 2)).corrected());
    }

    static Verdict blocks(Context ctx, int t, int hopsPerStep) {
        int[][] d = InfluenceGraph.sparsityDistances(ctx.es(), ctx.ea(), ctx.pi());
        RationalMatrix ht = ctx.h().pow(t);
        List<Verdict> vs = new ArrayList<>();
        int n = ctx.agents();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (d[i][j] != Integer.MAX_VALUE && d[i][j] <= (long) hopsPerStep * t) {
                    continue;
                }
                vs.add(Verdict.atMostZero(ht.get(j, i), "(H^" + t + ")[" + j + "][" + i + "], dist "
                        + (d[i][j] == Integer.MAX_VALUE ? "infinite" : Integer.toString(d[i][j]))));
            }
        }
        return vs.isEmpty() ? Verdict.notApplicable("every pair within reach") : Verdict.worst(vs);
    }

    /**
     * On the case's network: (H^t)_{j<-i} = 0 for every pair farther apart than hopsPerStep * t in the least graph of
     * B.4 (i ~ j when E^s, E^a or Pi has a nonzero entry between them, either way). H &gt;= 0, so (H^t)_{j<-i} &gt; 0
     * exactly when a walk of length t leads from i to j along the edges i -&gt; j of H_{j<-i} &gt; 0; the walks are
     * followed exactly, and a violation reports the entry's exact value.
     */
    static Verdict networkBlocks(Context ctx, int t, int hopsPerStep) {
        if (t == 0) {
            return Verdict.notApplicable("H^0 = I has no entry off the diagonal");
        }
        var inf = NetworkCases.tabular(ctx);
        int n = inf.h().size();
        List<Set<Integer>> graph = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            graph.add(new TreeSet<>());
        }
        for (var m : List.of(inf.es(), inf.ea(), inf.pi())) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < m.rowLength(j); p++) {
                    int i = m.column(j, p);
                    if (i != j && !m.value(j, p).isZero()) {
                        graph.get(j).add(i);
                        graph.get(i).add(j);
                    }
                }
            }
        }
        int[][] adjacency = new int[n][];
        for (int j = 0; j < n; j++) {
            adjacency[j] = graph.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] d = NetworkCases.distancesFrom(adjacency, i);
            Rational[] x = new Rational[n];
            Arrays.fill(x, Rational.ZERO);
            x[i] = Rational.ONE;
            for (int step = 0; step < t; step++) {
                x = inf.h().times(x, EntryArithmetic.EXACT);
            }
            for (int j = 0; j < n; j++) {
                if (d[j] != Integer.MAX_VALUE && d[j] <= (long) hopsPerStep * t) {
                    continue;
                }
                vs.add(Verdict.atMostZero(x[j], NetworkCases.where(inf.instance(), "(H^" + t + ")[" + j + "][" + i
                        + "], dist " + (d[j] == Integer.MAX_VALUE ? "infinite" : Integer.toString(d[j])))));
            }
        }
        return vs.isEmpty() ? Verdict.notApplicable("every pair within reach") : Verdict.worst(vs);
    }

    static Verdict constant(Context ctx, Witness w) {
        Rational lambda = w.rational("lambda");
        int t = w.integer("t");
        if (lambda.signum() != 0 || ctx.compareRho(lambda) != 0 || t < 1) {
            return Verdict.notApplicable("a finite certificate exists only at lambda = rho(H) = 0, t >= 1");
        }
        return Verdict.atMostZero(ctx.h().transpose().pow(t).normInf(),
                "t=" + t + ", lambda = rho(H) = 0: C lambda^t = 0 for every C");
    }
}
