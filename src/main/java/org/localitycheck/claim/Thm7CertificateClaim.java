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
                        (ctx, w) -> difference(ctx, w, false, false)),
                Reading.of("two-sided-internal",
                        "Thm. 7 (1) with the theorem's own H^pi := (E^s + E^a Pi)^T in the certificate too: "
                                + "||delta(h) - sum_{t<=kappa} ((H^pi)^T)^t b||_inf <= C/(1-lambda) lambda^{kappa+1} "
                                + "||b||_inf, the certificate then being sum_t (E^s + E^a Pi)^t b; C least for "
                                + "||(H^pi)^t||_inf <= C lambda^t, lambda in (rho, 1)",
                        Expected.REFUTED,
                        "Thm. 7 redefines H^pi as the transpose, and Step 1 wrote the certificate with (H^pi)^T, so read "
                                + "inside the theorem the certificate follows influence against its direction: with a coin "
                                + "agent copied by another and r = the copy's state, it stays (0, 1) for every kappa while "
                                + "delta(h) = (1, 1), so the left side stays 1 as the right side vanishes. two-sided reads "
                                + "Step 1's orientation and is refuted too.",
                        (ctx, w) -> difference(ctx, w, false, true)).ambiguity(),
                Reading.of("upper-tail",
                        "the one-sided form the proof gives: delta(h) - cert_kappa <= C/(1-lambda) lambda^{kappa+1} "
                                + "||b||_inf entrywise",
                        Expected.HOLDS, "delta(h) <= sum_t (H^T)^t b, and the tail past kappa is bounded by C.",
                        (ctx, w) -> difference(ctx, w, true, false)).corrected());
    }

    static Verdict oneSided(Context ctx, Witness w) {
        if (ctx.compareRho(Rational.ONE) >= 0 || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("rho(H) >= 1 or multichain");
        }
        return Checks.entrywise(ctx.delta(ctx.poisson().get().poisson()),
                Checks.resolvent(ctx.h().transpose()).multiply(ctx.deltaReward()), "delta(h)");
    }

    /**
     * Thm. 7 (1) at the witness's kappa and lambda; {@code internal}: the certificate with Thm. 7's own H^pi in place of
     * Step 1's, i.e. sum_t (E^s + E^a Pi)^t b.
     */
    static Verdict difference(Context ctx, Witness w, boolean upperOnly, boolean internal) {
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
        RationalVector cert = NeumannCertificate.partialSums(internal ? ctx.h().transpose() : ctx.h(), ctx.deltaReward(),
                kappa).get(kappa);
        RationalVector diff = dh.subtract(cert);
        Rational lhs = upperOnly ? diff.max() : diff.normInf();
        Rational rhs = c.get().constant().divide(Rational.ONE.subtract(lambda)).multiply(lambda.pow(kappa + 1))
                .multiply(ctx.deltaReward().normInf());
        return Verdict.atMost(lhs, rhs, "kappa=" + kappa + ", C=" + c.get().constant());
    }

}
