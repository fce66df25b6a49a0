package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.Oscillation;

/** Prop. 18, Remark 19: p(f) = max_i delta_i(f) is a seminorm, and p(f) = 0 iff f is constant. */
final class SeminormClaim extends BaseClaim {
    SeminormClaim() {
        super("seminorm", "Prop. 18, Remark 19 (App. E.3)",
                "p(f) = max_i delta_i(f) is a seminorm; p(f) = 0 iff f is constant");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("g", Param.Kind.FUNCTION),
                Param.of("c", Param.Kind.SCALAR));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal",
                "p(f) >= 0, p(cf) = |c| p(f), p(f+g) <= p(f) + p(g), and p(f) = 0 exactly when f is constant",
                Expected.HOLDS, "App. E.3's proof is elementary; checked on every generated f, g, c.",
                SeminormClaim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        var st = ctx.instance().states();
        FractionVector f = Checks.function(ctx, w, "f");
        FractionVector g = Checks.function(ctx, w, "g");
        Rational c = w.rational("c");
        Rational pf = Oscillation.seminorm(st, f);
        Rational pg = Oscillation.seminorm(st, g);
        Rational[] cf = new Rational[f.size()];
        for (int s = 0; s < f.size(); s++) {
            cf[s] = f.get(s).multiply(c);
        }
        Rational pcf = Oscillation.seminorm(st, FractionVector.of(cf));
        boolean constant = f.oscillation().isZero();
        return Verdict.worst(List.of(
                Verdict.fact(pf.signum() >= 0, "p(f) >= 0"),
                Verdict.equal(pcf, c.abs().multiply(pf), "p(cf) = |c| p(f)"),
                Verdict.atMost(Oscillation.seminorm(st, f.add(g)), pf.add(pg), "p(f+g) <= p(f) + p(g)"),
                Verdict.fact(pf.isZero() == constant, "p(f) = 0 iff f constant")));
    }
}
