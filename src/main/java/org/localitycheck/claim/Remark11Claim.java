package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.Softmax;
import org.localitycheck.quantity.TotalVariation;

/**
 * Remark 11: "The constant 1/(2 tau) in Lemma 10 is sharp, even for two actions with uniform logits up to a
 * perturbation on one coordinate."
 */
final class Remark11Claim extends BaseClaim {
    Remark11Claim() {
        super("remark11", "Remark 11",
                "1/(2 tau) is sharp even for two actions with uniform logits up to a perturbation on one coordinate");
    }

    @Override
    public String family() {
        return "none";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("tau", Param.Kind.TAU), Param.of("eps", Param.Kind.EPSILON));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("one-logit-entry",
                        "'one coordinate' = one logit entry: u = (0, 0), v = (eps, 0); sharp means sup 2 tau TV/eps = 1",
                        Expected.OPEN,
                        "Under this reading the claim is false, but not by a finite counterexample: TV = sigma(eps/tau) - "
                                + "1/2 <= eps/(4 tau) since the logistic slope is at most 1/4, so the ratio never exceeds "
                                + "1/2 (reading 'one-logit-entry-at-most-half' checks it on every case).",
                        Remark11Claim::halfRatio),
                Reading.of("one-logit-entry-at-most-half", "u = (0, 0), v = (eps, 0): 2 tau TV / eps <= 1/2",
                        Expected.HOLDS, "sigma' <= 1/4.", Remark11Claim::halfRatio),
                Reading.exists("one-state-coordinate",
                        "'one coordinate' = one state coordinate, whose change may move both logits: u = (0, 0), "
                                + "v = (eps, -eps) reaches 2 tau TV / eps > 0.999",
                        "Then both entries move by eps in opposite directions and the ratio tends to 1: sharp.",
                        Remark11Claim::bothEntries));
    }

    static Verdict halfRatio(Context ctx, Witness w) {
        Rational eps = w.rational("eps");
        Rational tau = w.rational("tau");
        Rational[] u = {Rational.ZERO, Rational.ZERO};
        Rational[] v = {eps, Rational.ZERO};
        Rational scale = tau.multiply(Rational.TWO).divide(eps);
        return Enclosed.atMost(bits -> TotalVariation.of(Softmax.probabilities(u, tau, bits),
                Softmax.probabilities(v, tau, bits)).multiply(scale), Rational.HALF, false, "eps=" + eps + ", tau=" + tau);
    }

    static Verdict bothEntries(Context ctx, Witness w) {
        Rational eps = w.rational("eps");
        Rational tau = w.rational("tau");
        Rational[] u = {Rational.ZERO, Rational.ZERO};
        Rational[] v = {eps, eps.negate()};
        Rational scale = tau.multiply(Rational.TWO).divide(eps);
        return Enclosed.atLeast(bits -> TotalVariation.of(Softmax.probabilities(u, tau, bits),
                Softmax.probabilities(v, tau, bits)).multiply(scale), Rational.parse("0.999"), "eps=" + eps + ", tau=" + tau);
    }
}
