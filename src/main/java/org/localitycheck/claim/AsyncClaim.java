package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
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
 * remark that rho(H) &lt; 1 still certifies locality.
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
                Reading.of("rho-h-certifies",
                        "Sec. 3: 'locality is governed by the spectral radius of H^pi' also under asynchronous updates "
                                + "(App. B.6): if rho(H) < 1 then rho(M) < 1 for every site distribution nu with full "
                                + "support, so B.6's bounds apply",
                        Expected.HOLDS, "I - M = diag(nu) (I - H): x = (I - H)^{-1} 1 > 0 gives (I - M) x = nu > 0, so "
                                + "M x < x with x > 0 and rho(M) < 1 (Collatz-Wielandt). Only this direction is claimed; "
                                + "B.6's rate is rho(M), at least 1 - min nu even at H = 0.",
                        AsyncClaim::rhoHCertifies)
                        .provenBy("If rho(H) < 1, I - H is a nonsingular M-matrix, so x = (I - H)^{-1} 1 = sum_t H^t 1 "
                                + ">= 1 > 0. Then (I - M) x = diag(nu) (I - H) x = nu, so M x = x - nu < x entrywise "
                                + "(nu > 0), and for the nonnegative M this bounds rho(M) <= max_i (M x)_i / x_i < 1. The "
                                + "check computes x exactly, requires x > 0, and compares (M x)_i with x_i - nu_i for the "
                                + "M that AsynchronousChain builds."),
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

    static Verdict rhoHCertifies(Context ctx, Witness w) {
        RationalVector nu = nu(w);
        for (int i = 0; i < nu.size(); i++) {
            if (nu.get(i).signum() <= 0) {
                return Verdict.notApplicable("nu_" + i + " = 0: the site is never updated");
            }
        }
        if (SpectralRadius.compare(ctx.h(), Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        RationalMatrix resolvent = Checks.resolvent(ctx.h());
        if (resolvent == null) {
            return Verdict.fact(false, "I - H is singular although rho(H) < 1");
        }
        Rational[] ones = new Rational[nu.size()];
        Arrays.fill(ones, Rational.ONE);
        RationalVector x = resolvent.multiply(RationalVector.of(ones));
        RationalVector mx = AsynchronousChain.influence(ctx.h(), nu).multiply(x);
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            vs.add(Verdict.fact(x.get(i).signum() > 0, "x_" + i + " > 0, x = (I - H)^{-1} 1"));
            vs.add(Verdict.atMost(mx.get(i), x.get(i).subtract(nu.get(i)), "(M x)_" + i + " <= x_" + i + " - nu_" + i));
        }
        return Verdict.worst(vs);
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
