package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.quantity.WeightedInfluence;

/** App. B.7: delta^w_i(T f) &lt;= sum_j (W^{-1} H W)_{j&lt;-i} delta^w_j(f), and the weighted resolvent bound. */
final class WeightedClaim extends BaseClaim {
    WeightedClaim() {
        super("weighted", "App. B.7",
                "delta^w(T^pi f) <= (W^{-1} H W)-bound entrywise; delta^w(h) <= (I - H~)^{-1} delta^w(r^pi)");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("w", Param.Kind.WEIGHTS));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("one-step", "delta^w_i(T f) <= sum_j (W^{-1} H W)_{j<-i} delta^w_j(f), delta^w_i = w_i delta_i",
                        Expected.HOLDS, "Lemma 2 multiplied by w_i.", WeightedClaim::oneStep),
                Reading.of("resolvent-as-displayed",
                        "with H~ = (W^{-1} H W)^T, the operator of the one-step display: if rho(H~) < 1 then "
                                + "delta^w(h) <= (I - H~)^{-1} delta^w(r^pi)",
                        Expected.HOLDS, "The display's operator, summed along the Neumann series.",
                        (ctx, w) -> resolvent(ctx, w, true)),
                Reading.of("resolvent-untransposed",
                        "with H~ = W^{-1} H W taken as a matrix on column vectors: delta^w(h) <= (I - H~)^{-1} delta^w(r^pi)",
                        Expected.REFUTED,
                        "B.7 never writes H~ out; read without the transpose of its own display, the bound sums the "
                                + "wrong entries.",
                        (ctx, w) -> resolvent(ctx, w, false)).convention());
    }

    static Verdict oneStep(Context ctx, Witness w) {
        RationalVector weights = RationalVector.of(w.vector("w"));
        FractionVector f = Checks.function(ctx, w, "f");
        RationalMatrix conj = WeightedInfluence.conjugate(ctx.h(), weights);
        return Checks.entrywise(WeightedInfluence.weighted(ctx.delta(ctx.joint().apply(f)), weights),
                conj.transpose().multiply(WeightedInfluence.weighted(ctx.delta(f), weights)), "delta^w(Tf)");
    }

    static Verdict resolvent(Context ctx, Witness w, boolean transposed) {
        RationalVector weights = RationalVector.of(w.vector("w"));
        RationalMatrix conj = WeightedInfluence.conjugate(ctx.h(), weights);
        RationalMatrix ht = transposed ? conj.transpose() : conj;
        if (SpectralRadius.compare(ht, Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H~) >= 1");
        }
        if (ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("multichain");
        }
        return Checks.entrywise(WeightedInfluence.weighted(ctx.delta(ctx.poisson().get().poisson()), weights),
                Checks.resolvent(ht).multiply(WeightedInfluence.weighted(ctx.deltaReward(), weights)), "delta^w(h)");
    }
}
