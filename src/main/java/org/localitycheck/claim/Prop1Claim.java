package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.quantity.ClosedLoop;
import org.localitycheck.quantity.TotalVariation;

/** Prop. 1 and App. B.1: C^pi &lt;= E^s + E^a Pi entrywise, and both intermediate bounds of B.1. */
final class Prop1Claim extends BaseClaim {
    Prop1Claim() {
        super("prop1", "Prop. 1; App. B.1", "C^pi <= E^s + E^a Pi(pi) entrywise, and both intermediate bounds of B.1");
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal", "C^pi_{j<-i} <= E^s_{j<-i} + sum_k E^a_{j<-k} Pi_{k<-i}", Expected.HOLDS,
                        "Triangle inequality through mu-tilde and the product coupling of B.1.",
                        (ctx, w) -> Checks.entrywise(ctx.c(), ctx.h(), "C")),
                Reading.of("state-route",
                        "TV(mu-tilde_j, nu_j) <= E^s_{j<-i} for all s, s' with s_{-i} = s'_{-i}, where "
                                + "mu-tilde_j = sum_a pi(a|s') P_j(.|s,a) and nu_j = sum_a pi(a|s') P_j(.|s',a)",
                        Expected.HOLDS, "Convexity of TV in the mixture with common weights.",
                        (ctx, w) -> routes(ctx, true)),
                Reading.of("action-route",
                        "TV(mu_j, mu-tilde_j) <= sum_k E^a_{j<-k} Pi_{k<-i} for all s, s' with s_{-i} = s'_{-i}",
                        Expected.HOLDS, "Independent maximal couplings of the agents' actions and the union bound.",
                        (ctx, w) -> routes(ctx, false)));
    }

    static Verdict routes(Context ctx, boolean stateRoute) {
        Instance inst = ctx.instance();
        JointSpace st = inst.states();
        int n = inst.agentCount();
        var eaPi = ctx.ea().multiply(ctx.pi());
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = 0; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    if (s2 == s) {
                        continue;
                    }
                    for (int j = 0; j < n; j++) {
                        Rational[] tilde = ClosedLoop.mixture(inst, j, s, s2);
                        String where = "j=" + j + ", i=" + i + ", s=" + s + ", s'=" + s2;
                        if (stateRoute) {
                            vs.add(Verdict.atMost(TotalVariation.of(tilde, ClosedLoop.mixture(inst, j, s2, s2)),
                                    ctx.es().get(j, i), where));
                        } else {
                            vs.add(Verdict.atMost(TotalVariation.of(ClosedLoop.mixture(inst, j, s, s), tilde),
                                    eaPi.get(j, i), where));
                        }
                    }
                }
            }
        }
        return Verdict.worst(vs);
    }
}
