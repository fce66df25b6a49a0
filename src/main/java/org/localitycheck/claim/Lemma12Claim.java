package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.Advantage;
import org.localitycheck.quantity.PoissonSolution;

/** Lemma 12: |Ahat(s, a) - A(s, a)| &lt;= 2 ||hhat - h||_inf for any hhat. */
final class Lemma12Claim extends BaseClaim {
    Lemma12Claim() {
        super("lemma12", "Lemma 12", "|Ahat(s,a) - A(s,a)| <= 2 ||hhat - h||_inf");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("hhat", Param.Kind.FUNCTION));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal", "for every (s, a): |Ahat(s, a) - A(s, a)| <= 2 ||hhat - h||_inf",
                Expected.HOLDS, "The difference is E[(hhat - h)(S')] - (hhat - h)(s).", Lemma12Claim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        if (ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("multichain");
        }
        PoissonSolution sol = ctx.poisson().get();
        FractionVector hhat = Checks.function(ctx, w, "hhat");
        FractionVector h = sol.poisson();
        FractionVector diff = hhat.subtract(h);
        Rational norm = Rational.ZERO;
        for (int s = 0; s < diff.size(); s++) {
            norm = norm.max(diff.get(s).abs());
        }
        Rational rhs = norm.multiply(Rational.TWO);
        List<Verdict> vs = new ArrayList<>();
        var inst = ctx.instance();
        for (int s = 0; s < inst.states().size(); s++) {
            for (int a = 0; a < inst.actions().size(); a++) {
                Rational ahat = Advantage.at(inst, sol.averageReward(), hhat, s, a);
                Rational adv = Advantage.at(inst, sol.averageReward(), h, s, a);
                vs.add(Verdict.atMost(ahat.subtract(adv).abs(), rhs, "s=" + s + ", a=" + a));
            }
        }
        return Verdict.worst(vs);
    }
}
