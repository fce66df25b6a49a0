package org.localitycheck.claim;

import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.PowerBound;

/**
 * Thm. 3 and App. B.3: if rho(H) &lt;= lambda &lt; 1 there is C &gt;= 1 independent of t with
 * ||delta((T^pi)^t f)||_inf &lt;= C lambda^t ||delta(f)||_inf.
 */
final class Thm3UniformClaim extends BaseClaim {
    Thm3UniformClaim() {
        super("thm3-uniform", "Thm. 3; App. B.3",
                "if rho(H^pi) <= lambda < 1 there is C >= 1 independent of t with ||delta((T^pi)^t f)|| <= C lambda^t ||delta(f)||");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("t", Param.Kind.TIME),
                Param.of("lambda", Param.Kind.LAMBDA));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal",
                        "for every lambda in [0, 1) with rho(H) <= lambda (lambda = rho(H) included) some C >= 1 bounds "
                                + "||delta(T^t f)|| by C lambda^t ||delta(f)|| for all t",
                        Expected.REFUTED,
                        "At lambda = rho(H) = 0 (H nilpotent but nonzero) C lambda^t = 0 for t >= 1, while delta(T f) "
                                + "need not vanish: no C exists, a finite certificate. B.3's 'standard bounds' give C "
                                + "lambda^t only for lambda > rho(H). At 0 < lambda = rho(H) a Jordan block can also "
                                + "break it, but no finite search certifies that.",
                        (ctx, w) -> check(ctx, w, true)),
                Reading.of("lambda-above-rho",
                        "for lambda in (rho(H), 1): ||delta(T^t f)|| <= C lambda^t ||delta(f)|| with C the least "
                                + "constant of ||((H)^T)^t||_inf <= C lambda^t",
                        Expected.HOLDS, "Lemma 2 iterated, and C_lambda = sup_t ||(H^T/lambda)^t|| is finite and "
                                + "computed exactly (quantity.PowerBound).",
                        (ctx, w) -> check(ctx, w, false)));
    }

    static Verdict check(Context ctx, Witness w, boolean allowEquality) {
        Rational lambda = w.rational("lambda");
        int t = w.integer("t");
        if (lambda.signum() < 0 || lambda.compareTo(Rational.ONE) >= 0) {
            return Verdict.notApplicable("lambda outside [0, 1)");
        }
        int cmp = ctx.compareRho(lambda);
        if (cmp > 0 || (cmp == 0 && !allowEquality)) {
            return Verdict.notApplicable("rho(H) " + (cmp > 0 ? ">" : "=") + " lambda");
        }
        FractionVector f = Checks.function(ctx, w, "f");
        Rational lhs = ctx.delta(Checks.iterate(ctx, f, t)).max();
        Rational df = ctx.delta(f).max();
        if (cmp == 0) {
            if (lambda.signum() == 0 && t >= 1) {
                return Verdict.atMost(lhs, Rational.ZERO, "t=" + t + ", lambda = rho(H) = 0: C lambda^t = 0 for every C");
            }
            return Verdict.notApplicable("lambda = rho(H) > 0: no finite certificate either way");
        }
        Optional<PowerBound.LeastConstant> c = PowerBound.leastConstant(ctx.h().transpose(), lambda);
        Rational rhs = c.orElseThrow().constant().multiply(lambda.pow(t)).multiply(df);
        return Verdict.atMost(lhs, rhs, "t=" + t + ", C=" + c.get().constant());
    }
}
