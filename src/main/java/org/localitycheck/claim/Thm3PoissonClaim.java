package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/** Thm. 3: rho(H) &lt; 1 implies the Poisson equation has a solution, unique up to an additive constant. */
final class Thm3PoissonClaim extends BaseClaim {
    Thm3PoissonClaim() {
        super("thm3-poisson", "Thm. 3",
                "rho(H^pi) < 1 implies the Poisson equation has a solution, unique up to an additive constant");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("c", Param.Kind.SCALAR));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("any-constant",
                "App. B.3: 'let g^pi = r^pi - rbar^pi where rbar^pi is any constant'; then h = sum_t T^t g solves h - T h = g. "
                        + "Checked: for the drawn constant c, h - T h = r^pi - c has a solution, which needs d (r^pi - c) = 0",
                Expected.REFUTED,
                "Summing h - T h = r^pi - c against the stationary law d gives 0 = d r^pi - c: only c = rbar^pi works, and "
                        + "for any other c the series sum_t T^t (r^pi - c) diverges (its terms tend to the constant "
                        + "d r^pi - c). The proof shows convergence in the oscillation seminorm only.",
                Thm3PoissonClaim::anyConstant),
                Reading.of("literal",
                "if rho(H) < 1 then the chain has one closed class (so the Poisson equation is solvable and its "
                        + "solutions differ by constants)",
                Expected.HOLDS, "delta(T^t f) -> 0 for every f forces T^t f to become constant: one closed class.",
                Thm3PoissonClaim::check));
    }

    static Verdict anyConstant(Context ctx, Witness w) {
        if (ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("multichain: no stationary law to sum against");
        }
        Rational gap = ctx.poisson().get().averageReward().subtract(w.rational("c")).abs();
        return Verdict.atMostZero(gap, "|d r^pi - c|, which a solution forces to 0");
    }

    static Verdict check(Context ctx, Witness w) {
        if (ctx.compareRho(Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        return Verdict.fact(ctx.poisson().isPresent(), "rho(H) < 1 and the chain is "
                + (ctx.poisson().isPresent() ? "unichain" : "multichain"));
    }
}
