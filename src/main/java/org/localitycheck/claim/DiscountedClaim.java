package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.quantity.DiscountedValue;

/** Sec. 3, Extension: the discounted operator contracts oscillations by gamma H^T; decay rate gamma rho(H). */
final class DiscountedClaim extends BaseClaim {
    DiscountedClaim() {
        super("discounted", "Sec. 3, Extension: Discounted setting",
                "the gamma-discounted operator contracts oscillations by gamma (H^pi)^T; decay rate gamma rho(H)");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("gamma", Param.Kind.GAMMA));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("one-step", "delta(T_gamma f - T_gamma 0) = delta(gamma T f) <= gamma H^T delta(f)",
                        Expected.HOLDS, "Lemma 2 scaled by gamma.", DiscountedClaim::oneStep),
                Reading.of("strictly-tighter",
                        "'lambda = gamma rho(H^pi) is a strictly tighter bound than the standard lambda = gamma': "
                                + "gamma rho(H) < gamma",
                        Expected.REFUTED,
                        "The sentence states no hypothesis, and the discounted setting needs none (gamma < 1 contracts by "
                                + "itself); but rho(H) >= max_i E^s_{i<-i}, which is 1 for an agent that keeps its state, so "
                                + "in ordinary models gamma rho(H) >= gamma (an agent that keeps its state: H = 1; whose "
                                + "policy and kernel both read its state: H = 2). Read with Thm. 3's decay hypothesis "
                                + "rho(H) < 1 as a standing assumption (the worked example takes rho(H) = 0.5) it holds "
                                + "trivially: an error under one of two readings.",
                        (ctx, w) -> Verdict.fact(ctx.compareRho(Rational.ONE) < 0, "gamma rho(H) < gamma, i.e. rho(H) < 1"))
                        .ambiguity(),
                Reading.of("true-rate",
                        "'the true decay rate is a product of gamma and rho(H^pi)': where rho(H) < 1 and the chain forgets "
                                + "its state in one step (every row of P^pi the same, so delta(T_gamma^t f) = 0 for t >= 1: true "
                                + "rate 0), gamma rho(H) = 0",
                        Expected.REFUTED,
                        "gamma rho(H) bounds the decay rate; it is not the rate. H counts every route by which a coordinate "
                                + "could act, also when the routes cancel: an agent whose policy reads its state and whose "
                                + "kernel undoes what the policy read forgets its state in one step while E^s, E^a and Pi are "
                                + "positive, inside the regime rho(H) < 1.",
                        DiscountedClaim::trueRate),
                Reading.of("value",
                        "if gamma rho(H) < 1: delta(V_gamma) <= (I - gamma H^T)^{-1} delta(r^pi), V_gamma = sum_t gamma^t T^t r^pi",
                        Expected.HOLDS, "The discounted Neumann series with Lemma 2 termwise.", DiscountedClaim::value));
    }

    static Verdict trueRate(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax()) {
            return Verdict.notApplicable("needs a tabular instance");
        }
        int states = ctx.instance().states().size();
        for (int s = 1; s < states; s++) {
            for (int y = 0; y < states; y++) {
                if (!ctx.joint().get(s, y).equals(ctx.joint().get(0, y))) {
                    return Verdict.notApplicable("the chain does not forget its state in one step");
                }
            }
        }
        if (ctx.compareRho(Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H) >= 1: outside the regime the sentence speaks of");
        }
        return Verdict.fact(ctx.compareRho(Rational.ZERO) <= 0, "memoryless chain with rho(H) < 1: rho(H) = 0?");
    }

    static Verdict oneStep(Context ctx, Witness w) {
        Rational gamma = w.rational("gamma");
        FractionVector f = Checks.function(ctx, w, "f");
        return Checks.entrywise(ctx.delta(ctx.joint().apply(f)).scale(gamma),
                ctx.h().transpose().scale(gamma).multiply(ctx.delta(f)), "delta(gamma T f)");
    }

    static Verdict value(Context ctx, Witness w) {
        Rational gamma = w.rational("gamma");
        RationalMatrix gh = ctx.h().transpose().scale(gamma);
        if (SpectralRadius.compare(gh, Rational.ONE) >= 0) {
            return Verdict.notApplicable("gamma rho(H) >= 1");
        }
        FractionVector v = DiscountedValue.of(ctx.joint(), ctx.loop().rewardUnderPolicy(), gamma);
        return Checks.entrywise(ctx.delta(v), Checks.resolvent(gh).multiply(ctx.deltaReward()), "delta(V_gamma)");
    }
}
