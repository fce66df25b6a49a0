package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;

/** Thm. 3: delta(h^pi) &lt;= (I - (H^pi)^T)^{-1} delta(r^pi). */
final class Thm3ResolventClaim extends BaseClaim {
    Thm3ResolventClaim() {
        super("thm3-resolvent", "Thm. 3", "delta(h^pi) <= (I - (H^pi)^T)^{-1} delta(r^pi)");
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal", "under the theorem's hypothesis rho(H) < 1: delta(h) <= (I - H^T)^{-1} delta(r^pi)",
                        Expected.HOLDS, "h = sum_t T^t (r - rbar) and Lemma 2 termwise; the Neumann series converges.",
                        (ctx, w) -> check(ctx, true)),
                Reading.of("without-hypothesis",
                        "the same inequality wherever the chain is unichain and I - H^T is invertible, rho(H) >= 1 allowed",
                        Expected.REFUTED,
                        "Outside rho(H) < 1 the inverse need not be nonnegative and the series argument is void; "
                                + "this reading shows the hypothesis is needed.",
                        (ctx, w) -> check(ctx, false)));
    }

    static Verdict check(Context ctx, boolean requireHypothesis) {
        boolean below = ctx.compareRho(Rational.ONE) < 0;
        if (requireHypothesis && !below) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        if (!requireHypothesis && below) {
            return Verdict.notApplicable("rho(H) < 1: the literal reading's case");
        }
        if (ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("multichain");
        }
        RationalMatrix res = Checks.resolvent(ctx.h().transpose());
        if (res == null) {
            return Verdict.notApplicable("I - H^T is singular");
        }
        return Checks.entrywise(ctx.delta(ctx.poisson().get().poisson()), res.multiply(ctx.deltaReward()), "delta(h)");
    }
}
