package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.quantity.EntryArithmetic;
import org.localitycheck.quantity.FactoredCertificate;
import org.localitycheck.quantity.InfluenceGraph;
import org.localitycheck.quantity.NeumannCertificate;

/** Thm. 7 (2): cert_kappa(i) depends only on Ball_kappa(i) in G^pi (edge i -&gt; j when H_{j&lt;-i} &gt; 0). */
final class Thm7LocalityClaim extends BaseClaim {
    Thm7LocalityClaim() {
        super("thm7-locality", "Thm. 7 (2)", "cert_kappa at i depends only on Ball_kappa(i) in G^pi");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("kappa", Param.Kind.KAPPA), Param.of("b2", Param.Kind.WEIGHTS));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("directed-ball",
                        "replacing b outside the agents reachable from i in <= kappa steps of G^pi leaves cert_kappa(i) unchanged",
                        Expected.HOLDS, "((H^T)^t b)_i sums H_{j1<-i} H_{j2<-j1} ... b_{jt} along paths leaving i.",
                        (ctx, w) -> check(ctx, w, false)),
                Reading.of("reverse-ball",
                        "the same with the ball of agents that reach i in <= kappa steps (edges read the other way)",
                        Expected.REFUTED, "Messages flow along the edges leaving i; the reversed ball misses them.",
                        (ctx, w) -> check(ctx, w, true)).convention(),
                Reading.of("directed-ball-networks",
                        "on factored networks of 4 to 48 agents with tabular policies, replacing b outside the agents "
                                + "reachable from i in <= kappa steps of G^pi leaves cert_kappa(i) unchanged (four agents i "
                                + "per network; b and its replacement drawn from the network's seed, since the message "
                                + "passing is the same for every b >= 0 and delta(r^pi) can need an enumeration beyond the "
                                + "limit on these networks; agents whose ball is the whole network are skipped)",
                        Expected.HOLDS, "The message passing of Sec. 5 never reads beyond the ball, whatever the size.",
                        (Reading.FamilyCheck) (ctx, w) -> networks(ctx, w.integer("kappa"), false)));
    }

    /**
     * The directed (or, to show the check can fail, the reversed) ball on the case's network, checked on the
     * certificate compute writes ({@link FactoredCertificate#partialSums}). An agent whose ball holds every agent
     * changes nothing and is skipped; a network where every drawn agent is skipped is not applicable.
     */
    static Verdict networks(Context ctx, int kappa, boolean reverse) {
        var inf = NetworkCases.tabular(ctx);
        var h = inf.h();
        int n = h.size();
        List<List<Integer>> outs = new ArrayList<>();
        int[][] in = new int[n][];
        for (int j = 0; j < n; j++) {
            outs.add(new ArrayList<>());
        }
        for (int j = 0; j < n; j++) {
            List<Integer> o = new ArrayList<>();
            for (int p = 0; p < h.rowLength(j); p++) {
                if (!h.value(j, p).isZero()) {
                    outs.get(h.column(j, p)).add(j); // edge i -> j when H_{j<-i} > 0
                    o.add(h.column(j, p));
                }
            }
            in[j] = o.stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = outs.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        SplittableRandom rnd = new SplittableRandom(NetworkCases.seed(ctx));
        Rational[] b = new Rational[n];
        for (int j = 0; j < n; j++) {
            b[j] = Rational.of(rnd.nextInt(0, 20), rnd.nextInt(1, 7));
        }
        Rational[] full = FactoredCertificate.partialSums(h, b, kappa, EntryArithmetic.EXACT).get(kappa);
        List<Verdict> vs = new ArrayList<>();
        for (int q = 0; q < Math.min(4, n); q++) {
            int i = rnd.nextInt(n);
            int[] d = NetworkCases.distancesFrom(reverse ? in : out, i);
            Rational[] changed = b.clone();
            boolean any = false;
            for (int j = 0; j < n; j++) {
                if (d[j] > kappa) {
                    changed[j] = Rational.of(rnd.nextInt(1, 20), rnd.nextInt(1, 7));
                    any |= !changed[j].equals(b[j]);
                }
            }
            if (!any) {
                continue;
            }
            Rational cert = FactoredCertificate.partialSums(h, changed, kappa, EntryArithmetic.EXACT).get(kappa)[i];
            vs.add(Verdict.equal(cert, full[i], NetworkCases.where(inf.instance(), "i=" + i + ", kappa=" + kappa)));
        }
        return vs.isEmpty() ? Verdict.notApplicable("every drawn agent's ball holds the whole network") : Verdict.worst(vs);
    }

    static Verdict check(Context ctx, Witness w, boolean reverse) {
        int kappa = w.integer("kappa");
        int n = ctx.agents();
        int[][] d = InfluenceGraph.supportDistances(ctx.h());
        RationalVector b = ctx.deltaReward();
        Rational[] other = w.vector("b2");
        RationalVector cert = NeumannCertificate.partialSums(ctx.h(), b, kappa).get(kappa);
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rational[] changed = b.toArray();
            boolean moved = false;
            for (int j = 0; j < n; j++) {
                int dist = reverse ? d[j][i] : d[i][j];
                if (dist > kappa) {
                    changed[j] = other[j];
                    moved |= !other[j].equals(b.get(j));
                }
            }
            if (!moved) {
                continue; // nothing outside the ball, or nothing replaced there: the equality tests nothing
            }
            RationalVector c2 = NeumannCertificate.partialSums(ctx.h(), RationalVector.of(changed), kappa).get(kappa);
            vs.add(Verdict.equal(c2.get(i), cert.get(i), "i=" + i + ", kappa=" + kappa));
        }
        return Verdict.worst(vs);
    }
}
