package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalVector;
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
                        (ctx, w) -> check(ctx, w, true)).convention());
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
            for (int j = 0; j < n; j++) {
                int dist = reverse ? d[j][i] : d[i][j];
                if (dist > kappa) {
                    changed[j] = other[j];
                }
            }
            RationalVector c2 = NeumannCertificate.partialSums(ctx.h(), RationalVector.of(changed), kappa).get(kappa);
            vs.add(Verdict.equal(c2.get(i), cert.get(i), "i=" + i + ", kappa=" + kappa));
        }
        return Verdict.worst(vs);
    }
}
