package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;

/** Sec. 2 after the definition of C^pi, and App. B.3's first display: delta(T f) &lt;= (C^pi)^T delta(f). */
final class CGovernsClaim extends BaseClaim {
    CGovernsClaim() {
        super("c-governs", "Sec. 2 (after the definition of C^pi); App. B.3, first display",
                "delta(T^pi f) <= (C^pi)^T delta(f)");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal",
                "for every i: delta_i(T^pi f) <= sum_j C^pi_{j<-i} delta_j(f)",
                Expected.REFUTED,
                "C^pi sees only the next-state marginals P^pi_j. When one action drives several agents, the joint "
                        + "next state is a mixture of products, not the product of its marginals, and a change of "
                        + "s_i can move the correlation without moving any marginal. B.3 uses it as a step; "
                        + "Lemma 2's H-bound does not need it.",
                CGovernsClaim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        FractionVector f = Checks.function(ctx, w, "f");
        return Checks.entrywise(ctx.delta(ctx.joint().apply(f)), ctx.c().transpose().multiply(ctx.delta(f)),
                "delta(Tf)");
    }
}
