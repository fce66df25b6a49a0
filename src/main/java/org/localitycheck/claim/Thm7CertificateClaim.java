package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.quantity.NeumannCertificate;
import org.localitycheck.quantity.PowerBound;

/**
 * Thm. 7 (1): delta(h) &lt;= sum_t (H^pi)^t b, and ||delta(h) - cert_kappa||_inf &lt;= C/(1-lambda) lambda^{kappa+1}
 * ||b||_inf, with Theorem 7's H^pi = (E^s + E^a Pi)^T and ||(H^pi)^t||_inf &lt;= C lambda^t.
 */
final class Thm7CertificateClaim extends BaseClaim {
    Thm7CertificateClaim() {
        super("thm7-certificate", "Thm. 7 (1)",
                "delta(h) <= sum_t (H^pi)^t b, and ||delta(h) - cert_kappa||_inf <= C/(1-lambda) lambda^{kappa+1} ||b||_inf");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("kappa", Param.Kind.KAPPA), Param.of("lambda", Param.Kind.LAMBDA));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("one-sided", "if rho(H) < 1: delta(h) <= sum_{t>=0} ((E^s + E^a Pi)^T)^t b entrywise",
                        Expected.HOLDS, "Lemma 2 termwise on h = sum_t T^t (r - rbar).", Thm7CertificateClaim::oneSided),
                Reading.of("neumann-equality",
                        "Sec. 5, Step 1: 'Recall from Theorem 3 that delta(h^pi) can be written as a Neumann series in powers "
                                + "of (H^pi)^T applied to b': delta(h) = sum_t ((E^s + E^a Pi)^T)^t b when rho(H) < 1",
                        Expected.REFUTED,
                        "Theorem 3 gives only <=; the oscillations of h are often strictly smaller than the series (the "
                                + "one-step bound is loose whenever paths of influence cancel or overlap), so the certificate "
                                + "is an upper bound, not a representation of delta(h). Step 1 goes on to use it only as "
                                + "that upper bound: false as written, a slip of notation (two-sided is the substantive "
                                + "error built on it).",
                        (ctx, w) -> {
                            if (ctx.instance() == null || ctx.isSoftmax() || ctx.compareRho(Rational.ONE) >= 0
                                    || ctx.poisson().isEmpty()) {
                                return Verdict.notApplicable("needs a unichain tabular instance with rho(H) < 1");
                            }
                            var series = Checks.resolvent(ctx.h().transpose()).multiply(ctx.deltaReward());
                            var dh = ctx.delta(ctx.poisson().get().poisson());
                            List<Verdict> vs = new ArrayList<>();
                            for (int i = 0; i < ctx.agents(); i++) {
                                vs.add(Verdict.equal(dh.get(i), series.get(i), "delta_" + i + "(h) against the series"));
                            }
                            return Verdict.worst(vs);
                        }).slip(),
                Reading.of("two-sided",
                        "||delta(h) - cert_kappa||_inf <= C/(1-lambda) lambda^{kappa+1} ||b||_inf with C least for "
                                + "||(H^pi)^t||_inf <= C lambda^t, H^pi = (E^s + E^a Pi)^T, lambda in (rho, 1)",
                        Expected.REFUTED,
                        "The proof bounds only the tail sum_{t>kappa}; delta(h) can sit far below cert_kappa (H is an "
                                + "upper bound), and then the difference is large though the tail is small.",
                        (ctx, w) -> difference(ctx, w, false)),
                Reading.of("upper-tail",
                        "the one-sided form the proof gives: delta(h) - cert_kappa <= C/(1-lambda) lambda^{kappa+1} "
                                + "||b||_inf entrywise",
                        Expected.HOLDS, "delta(h) <= sum_t (H^T)^t b, and the tail past kappa is bounded by C.",
                        (ctx, w) -> difference(ctx, w, true)).corrected());
    }

    static Verdict oneSided(Context ctx, Witness w) {
        if (ctx.compareRho(Rational.ONE) >= 0 || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("rho(H) >= 1 or multichain");
        }
        return Checks.entrywise(ctx.delta(ctx.poisson().get().poisson()),
                Checks.resolvent(ctx.h().transpose()).multiply(ctx.deltaReward()), "delta(h)");
    }

    static Verdict difference(Context ctx, Witness w, boolean upperOnly) {
        Rational lambda = w.rational("lambda");
        int kappa = w.integer("kappa");
        if (lambda.compareTo(Rational.ONE) >= 0 || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("lambda >= 1 or multichain");
        }
        Optional<PowerBound.LeastConstant> c = PowerBound.leastConstant(ctx.h().transpose(), lambda);
        if (c.isEmpty()) {
            return Verdict.notApplicable("lambda <= rho(H)");
        }
        RationalVector dh = ctx.delta(ctx.poisson().get().poisson());
        RationalVector cert = NeumannCertificate.partialSums(ctx.h(), ctx.deltaReward(), kappa).get(kappa);
        RationalVector diff = dh.subtract(cert);
        Rational lhs = upperOnly ? diff.max() : diff.normInf();
        Rational rhs = c.get().constant().divide(Rational.ONE.subtract(lambda)).multiply(lambda.pow(kappa + 1))
                .multiply(ctx.deltaReward().normInf());
        return Verdict.atMost(lhs, rhs, "kappa=" + kappa + ", C=" + c.get().constant());
    }

}
