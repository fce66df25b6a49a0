package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.SpectralRadius;

/**
 * App. E.2: rho(E^a X) = sum_{j&gt;1} X_{1&lt;-j} for the hub's rank-one structure; locality when
 * tau &gt; (n-1) L_max / 2; rho(H) = 0 when the hub ignores its inputs; the action-supremum test gives norm 1.
 */
final class HubClaim extends BaseClaim {
    HubClaim() {
        super("hub", "App. E.2",
                "rho(E^a L/(2 tau)) = (1/(2 tau)) sum_{j>1} L_{1<-j}; locality certified when tau > (n-1) L_max/2; "
                        + "rho(H) = 0 when L = 0; action-supremum test gives ||C||_inf = 1");
    }

    @Override
    public String family() {
        return "hub";
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("rank-one-formula",
                        "with a tabular hub policy: rho(H) = rho(E^a Pi) = sum_{j>1} Pi_{1<-j} exactly",
                        Expected.HOLDS, "E^a Pi = u v^T with u = 1{j > 1} and v the hub's row of Pi: rho = v . u.",
                        HubClaim::rankOne),
                Reading.of("zero-when-ignoring", "if the hub's policy ignores every state (Pi_{1<-.} = 0) then rho(H) = 0",
                        Expected.HOLDS, "Then H = 0.", HubClaim::zeroWhenIgnoring),
                Reading.of("action-supremum-norm", "the action-supremum matrix E^s + E^a has ||.||_inf = 1",
                        Expected.HOLDS, "Each spoke's row of E^a holds a single 1; E^s = 0.",
                        (ctx, w) -> Verdict.equal(ctx.es().add(ctx.ea()).normInf(), Rational.ONE, "||E^s + E^a||_inf")),
                Reading.pending("softmax-temperature",
                        "rho(E^a L/(2 tau)) = (1/(2 tau)) sum_{j>1} L_{1<-j} and locality when tau > (n-1) L_max / 2",
                        "needs softmax policies with rigorous enclosures (softmax issue)"));
    }

    static Verdict rankOne(Context ctx, Witness w) {
        Rational sum = Rational.ZERO;
        for (int j = 1; j < ctx.agents(); j++) {
            sum = sum.add(ctx.pi().get(0, j));
        }
        return Verdict.fact(SpectralRadius.compare(ctx.h(), sum) == 0, "rho(H) vs sum_{j>1} Pi_{1<-j} = " + sum);
    }

    static Verdict zeroWhenIgnoring(Context ctx, Witness w) {
        for (int j = 0; j < ctx.agents(); j++) {
            if (!ctx.pi().get(0, j).isZero()) {
                return Verdict.notApplicable("the hub observes some state");
            }
        }
        return Verdict.fact(SpectralRadius.compare(ctx.h(), Rational.ZERO) == 0, "rho(H) vs 0");
    }
}
