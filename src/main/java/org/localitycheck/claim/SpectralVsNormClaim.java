package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.quantity.Sensitivities;

/** Sec. 1, 3: rho(H) &lt;= ||H||_inf, and the spectral test is strictly weaker than the norm test. */
final class SpectralVsNormClaim extends BaseClaim {
    SpectralVsNormClaim() {
        super("spectral-vs-norm", "Sec. 1, Sec. 3",
                "rho(H) <= ||H||_inf always, and strictly weaker: instances with rho(H) < 1 <= ||H||_inf");
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("rho-below-norm", "rho(H) <= ||H||_inf", Expected.HOLDS,
                        "Every eigenvalue is bounded by every induced norm. An auxiliary fact: the paper never compares "
                                + "rho(H) with ||H||_inf (its claim is against prior work's ||C||_inf, reading "
                                + "prior-norm-certifies).",
                        (ctx, w) -> Verdict.fact(SpectralRadius.compare(ctx.h(), ctx.h().normInf()) <= 0,
                                "rho(H) vs ||H||_inf = " + ctx.h().normInf())).convention(),
                Reading.of("prior-norm-certifies",
                        "Sec. 3 (and Abstract, Sec. 1): prior work's norm condition is 'one way to certify' the spectral "
                                + "one: ||C^sup||_inf < 1 implies rho(H^pi) < 1, with C^sup_{j<-i} = sup over s ~_i s' and all "
                                + "joint actions a, a' of TV(P_j(.|s,a), P_j(.|s',a')), and with E^s + E^a (the matrix "
                                + "hub/action-supremum-norm uses for App. E.2's ||C||_inf = 1): both norms below 1 imply "
                                + "rho(H^pi) < 1",
                        Expected.REFUTED,
                        "H = E^s + E^a Pi can exceed every action-supremum matrix: Pi_{k<-i} is up to 1 for every i a "
                                + "policy reads (a deterministic a_k = XOR of the states), so a weak action coupling of each "
                                + "agent is counted once per state coordinate in H but once in C^sup. Then ||C^sup|| < 1 "
                                + "while rho(H) >= 1: the spectral test is not implied by the norm test.",
                        SpectralVsNormClaim::priorCertifies),
                Reading.exists("strictly-weaker", "some instance has rho(H) < 1 <= ||H||_inf",
                        "An example is enough; the search records how many it met. Auxiliary, as rho-below-norm: the "
                                + "paper's comparison is prior-norm-certifies.",
                        (ctx, w) -> Verdict.fact(ctx.compareRho(Rational.ONE) < 0
                                && ctx.h().normInf().compareTo(Rational.ONE) >= 0, "||H||_inf = " + ctx.h().normInf()))
                        .convention());
    }

    static Verdict priorCertifies(Context ctx, Witness w) {
        Rational norm = Sensitivities.actionSupremum(ctx.instance()).normInf();
        Rational hubNorm = ctx.es().add(ctx.ea()).normInf();
        if (norm.compareTo(Rational.ONE) >= 0 || hubNorm.compareTo(Rational.ONE) >= 0) {
            return Verdict.notApplicable("||C^sup||_inf = " + norm + ", ||E^s + E^a||_inf = " + hubNorm + ": not both below 1");
        }
        return Verdict.fact(ctx.compareRho(Rational.ONE) < 0, "||C^sup||_inf = " + norm + " and ||E^s + E^a||_inf = " + hubNorm
                + " below 1; rho(H) < 1?");
    }
}
