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
                        Expected.REFUTED,
                        "A convention check: in context 'one coordinate' is a state coordinate (the next sentence's "
                                + "'one-coordinate logit oscillations L_{k<-i}' are over changes of state coordinate i; reading "
                                + "one-state-coordinate, which holds), but the phrase also parses as one entry of the logit "
                                + "vector. Under that parse the constant is not sharp: with one logit entry perturbed the "
                                + "supremum of the ratio is 1/2 (proof below), so the sharp constant would be 1/(4 tau). The "
                                + "proof's conclusion (ratio <= 1/2) is checked on every case.",
                        Remark11Claim::halfRatio).convention().provenBy(HALF_PROOF),
                Reading.of("one-logit-entry-at-most-half", "u = (0, 0), v = (eps, 0): 2 tau TV / eps <= 1/2",
                        Expected.HOLDS, "The conclusion of the proof of one-logit-entry.", Remark11Claim::halfRatio)
                        .convention().provenBy(HALF_PROOF),
                Reading.exists("one-state-coordinate",
                        "'one coordinate' = one state coordinate, whose change may move both logits: u = (0, 0), "
                                + "v = (eps, -eps) reaches 2 tau TV / eps > 0.999",
                        "Then both entries move by eps in opposite directions and the ratio tends to 1: sharp.",
                        Remark11Claim::bothEntries));
    }

    static final String HALF_PROOF = "With u = c(1, 1) and v = u + (eps, 0), soft_tau(v) = (sigma(eps/tau), 1 - sigma(eps/tau)) "
            + "with sigma the logistic function, so TV = sigma(eps/tau) - 1/2 = int_0^{eps/tau} sigma'(x) dx and sigma' = "
            + "sigma(1 - sigma) <= 1/4, with equality only at x = 0: TV < eps/(4 tau) for eps != 0, i.e. 2 tau TV/|eps| < 1/2, "
            + "and the ratio tends to 1/2 as eps -> 0. The supremum is 1/2, not 1.";

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
