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
    public List<Reading> readings() {
        return List.of(Reading.of("literal",
                "if rho(H) < 1 then the chain has one closed class (so the Poisson equation is solvable and its "
                        + "solutions differ by constants)",
                Expected.HOLDS, "delta(T^t f) -> 0 for every f forces T^t f to become constant: one closed class.",
                Thm3PoissonClaim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        if (ctx.compareRho(Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        return Verdict.fact(ctx.poisson().isPresent(), "rho(H) < 1 and the chain is "
                + (ctx.poisson().isPresent() ? "unichain" : "multichain"));
    }
}
