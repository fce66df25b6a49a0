package org.localitycheck.claim;

import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.quantity.AsynchronousChain;
import org.localitycheck.quantity.JointKernel;
import org.localitycheck.quantity.PoissonSolution;

/**
 * App. B.6: delta(K f) &lt;= M^T delta(f), M = (I - diag nu) + diag nu H, the Poisson bound with M, and Sec. 3's
 * remark that rho(H) still decides.
 */
final class AsyncClaim extends BaseClaim {
    AsyncClaim() {
        super("async", "App. B.6",
                "delta(K^pi f) <= (M^pi)^T delta(f), M = (I - diag nu) + diag nu H; delta(h) <= (I - M^T)^{-1} delta(r^pi)");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("nu", Param.Kind.SITE_DISTRIBUTION), Param.of("m", Param.Kind.MEMBER));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("one-step", "delta(K f) <= M^T delta(f) entrywise", Expected.HOLDS,
                        "For the updated site j != i the change of s_i costs delta_i(f) plus C_{j<-i} delta_j(f); "
                                + "for j = i only the marginal moves. C <= H gives the bound.",
                        AsyncClaim::oneStep),
                Reading.of("poisson",
                        "if rho(M) < 1: the asynchronous chain's Poisson solution h satisfies delta(h) <= (I - M^T)^{-1} delta(r^pi)",
                        Expected.HOLDS, "The one-step bound summed along the Neumann series.", AsyncClaim::poisson),
                Reading.of("same-condition",
                        "Sec. 3: 'locality is governed by the spectral radius of H^pi' also under asynchronous updates: "
                                + "for every site distribution nu with full support, rho(M) < 1 exactly when rho(H) < 1",
                        Expected.HOLDS, "I - M = diag(nu) (I - H), and a positive diagonal scaling keeps a Z-matrix a "
                                + "nonsingular M-matrix or not (I - H x > 0 for some x > 0 iff diag(nu) (I - H) x > 0).",
                        AsyncClaim::sameCondition),
                Reading.of("uniform-at-rho",
                        "B.6: 'if rho(M^pi) <= lambda < 1 then ||delta(K^t f)|| <= C lambda^t ||delta(f)||' with C independent "
                                + "of t; tested on a Jordan chain updated asynchronously, at lambda = rho(M) = 3/4",
                        Expected.REFUTED,
                        "As for Thm. 3 at lambda = rho: a Jordan block of M makes the ratio grow like t (exactly m at t = 3m).",
                        UniformityFamilies.check("jordan-async", UniformityFamilies::jordanAsync))
                        .provenBy("Family: the Jordan chain (thm3-uniform/jordan-at-rho) with nu = (1/2, 1/2): M = [[3/4, 1/4], "
                                + "[0, 3/4]]; K(x s_0 + y s_1) = (3x/4) s_0 + ((x + 3y)/4) s_1 + const, so delta(K^t s_0) = "
                                + "(3/4)^t (1, t/3) and the ratio at t = 3m is m, computed exactly at each member."));
    }

    static RationalVector nu(Witness w) {
        return RationalVector.of(w.vector("nu"));
    }

    static Verdict oneStep(Context ctx, Witness w) {
        RationalVector nu = nu(w);
        FractionVector f = Checks.function(ctx, w, "f");
        JointKernel k = AsynchronousChain.kernel(ctx.loop(), nu);
        RationalMatrix m = AsynchronousChain.influence(ctx.h(), nu);
        return Checks.entrywise(ctx.delta(k.apply(f)), m.transpose().multiply(ctx.delta(f)), "delta(Kf)");
    }

    static Verdict sameCondition(Context ctx, Witness w) {
        RationalVector nu = nu(w);
        for (int i = 0; i < nu.size(); i++) {
            if (nu.get(i).signum() <= 0) {
                return Verdict.notApplicable("nu_" + i + " = 0: the site is never updated");
            }
        }
        boolean asynchronous = SpectralRadius.compare(AsynchronousChain.influence(ctx.h(), nu), Rational.ONE) < 0;
        boolean synchronous = SpectralRadius.compare(ctx.h(), Rational.ONE) < 0;
        return Verdict.fact(asynchronous == synchronous, "rho(M) < 1 is " + asynchronous + ", rho(H) < 1 is " + synchronous);
    }

    static Verdict poisson(Context ctx, Witness w) {
        RationalVector nu = nu(w);
        RationalMatrix m = AsynchronousChain.influence(ctx.h(), nu);
        if (SpectralRadius.compare(m, Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(M) >= 1");
        }
        Optional<PoissonSolution> sol = PoissonSolution.of(AsynchronousChain.kernel(ctx.loop(), nu),
                ctx.loop().rewardUnderPolicy());
        if (sol.isEmpty()) {
            return Verdict.fact(false, "rho(M) < 1 but the asynchronous chain is multichain");
        }
        return Checks.entrywise(ctx.delta(sol.get().poisson()), Checks.resolvent(m.transpose()).multiply(ctx.deltaReward()),
                "delta(h_K)");
    }
}
