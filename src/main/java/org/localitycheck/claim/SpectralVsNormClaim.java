package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.SpectralRadius;

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
                        "Every eigenvalue is bounded by every induced norm.",
                        (ctx, w) -> Verdict.fact(SpectralRadius.compare(ctx.h(), ctx.h().normInf()) <= 0,
                                "rho(H) vs ||H||_inf = " + ctx.h().normInf())),
                Reading.exists("strictly-weaker", "some instance has rho(H) < 1 <= ||H||_inf",
                        "An example is enough; the search records how many it met.",
                        (ctx, w) -> Verdict.fact(ctx.compareRho(Rational.ONE) < 0
                                && ctx.h().normInf().compareTo(Rational.ONE) >= 0, "||H||_inf = " + ctx.h().normInf())));
    }
}
