package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.Softmax;
import org.localitycheck.quantity.TotalVariation;

/** Lemma 8: "for each tau and m &gt;= 2 there exist u != v attaining equality". */
final class Lemma8SharpClaim extends BaseClaim {
    Lemma8SharpClaim() {
        super("lemma8-sharp", "Lemma 8", "for each tau and m >= 2 there exist u != v attaining equality");
    }

    @Override
    public String family() {
        return "none";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("u", Param.Kind.LOGITS), Param.of("v", Param.Kind.LOGITS), Param.of("tau", Param.Kind.TAU),
                Param.of("eps", Param.Kind.EPSILON));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("attained", "some u != v has TV(soft_tau(u), soft_tau(v)) = ||u - v||_inf / (2 tau)",
                        Expected.OPEN,
                        "What is proven: the Jacobian bound (2) is attained (uniform r, m even, balanced signs), which makes "
                                + "1/(2 tau) the best constant. What is observed: no pair attains equality; every checked "
                                + "u != v is strictly below (reading 'strict'), and along u = 0, v = eps(1, -1, ...) the "
                                + "ratio 2 tau TV/||u - v|| tends to 1 as eps -> 0 (reading 'supremum-approached'). "
                                + "Equality for u != v would need the Jacobian to stay at its extreme along the whole "
                                + "segment, which moves r away from uniform; a finite search cannot prove that no pair "
                                + "attains it, so the literal claim is left open, leaning false.",
                        (ctx, w) -> Lemma8Claim.check(w, true)),
                Reading.of("strict", "for every drawn u != v: TV < ||u - v||_inf / (2 tau) strictly", Expected.HOLDS,
                        "Observed on every case, decided on enclosures.", (ctx, w) -> Lemma8Claim.check(w, true)),
                Reading.exists("supremum-approached",
                        "along u = 0, v = eps (1, -1, 1, -1) (m = 4) the ratio 2 tau TV / ||u - v||_inf exceeds 1 - 1/1000",
                        "The supremum 1 of the ratio is approached; the catalogue reports the largest ratio seen.",
                        Lemma8SharpClaim::approach));
    }

    static Verdict approach(Context ctx, Witness w) {
        Rational eps = w.rational("eps");
        Rational tau = w.rational("tau");
        Rational[] u = {Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO};
        Rational[] v = {eps, eps.negate(), eps, eps.negate()};
        Rational scale = tau.multiply(Rational.TWO).divide(eps);
        return Enclosed.atLeast(bits -> TotalVariation.of(Softmax.probabilities(u, tau, bits),
                Softmax.probabilities(v, tau, bits)).multiply(scale), Rational.parse("0.999"), "eps=" + eps + ", tau=" + tau);
    }
}
