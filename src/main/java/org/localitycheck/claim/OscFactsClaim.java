package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.quantity.Oscillation;

/** App. D.1: osc(f) &lt;= sum_i delta_i(f) &lt;= n ||delta(f)||_inf, and inf_c ||f - c||_inf = osc(f)/2. */
final class OscFactsClaim extends BaseClaim {
    OscFactsClaim() {
        super("osc-facts", "App. D.1", "osc(f) <= sum_i delta_i(f) <= n ||delta(f)||_inf; inf_c ||f - c||_inf = osc(f)/2");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("c", Param.Kind.SCALAR));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal",
                "osc(f) <= sum_i delta_i(f) <= n max_i delta_i(f); ||f - c*||_inf = osc(f)/2 at c* = (max + min)/2 "
                        + "and ||f - c||_inf >= osc(f)/2 at the drawn c",
                Expected.HOLDS, "Change one coordinate at a time between an argmax and an argmin.", OscFactsClaim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        FractionVector f = Checks.function(ctx, w, "f");
        RationalVector d = ctx.delta(f);
        Rational osc = Oscillation.osc(f);
        Rational max = f.get(0);
        Rational min = f.get(0);
        for (int s = 0; s < f.size(); s++) {
            max = max.max(f.get(s));
            min = min.min(f.get(s));
        }
        Rational mid = max.add(min).multiply(Rational.HALF);
        Rational c = w.rational("c");
        Rational atMid = Rational.ZERO;
        Rational atC = Rational.ZERO;
        for (int s = 0; s < f.size(); s++) {
            atMid = atMid.max(f.get(s).subtract(mid).abs());
            atC = atC.max(f.get(s).subtract(c).abs());
        }
        Rational half = Oscillation.distanceToConstants(f);
        return Verdict.worst(List.of(
                Verdict.atMost(osc, d.sum(), "osc <= sum delta"),
                Verdict.atMost(d.sum(), d.max().multiply(Rational.of(ctx.agents())), "sum delta <= n max delta"),
                Verdict.equal(atMid, half, "||f - c*|| = osc/2"),
                Verdict.atMost(half, atC, "osc/2 <= ||f - c||")));
    }
}
