package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
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
                Reading.of("value",
                        "if gamma rho(H) < 1: delta(V_gamma) <= (I - gamma H^T)^{-1} delta(r^pi), V_gamma = sum_t gamma^t T^t r^pi",
                        Expected.HOLDS, "The discounted Neumann series with Lemma 2 termwise.", DiscountedClaim::value));
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
        if (org.localitycheck.arith.SpectralRadius.compare(gh, Rational.ONE) >= 0) {
            return Verdict.notApplicable("gamma rho(H) >= 1");
        }
        FractionVector v = DiscountedValue.of(ctx.joint(), ctx.loop().rewardUnderPolicy(), gamma);
        return Checks.entrywise(ctx.delta(v), Checks.resolvent(gh).multiply(ctx.deltaReward()), "delta(V_gamma)");
    }
}
