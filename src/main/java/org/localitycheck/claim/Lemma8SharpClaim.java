package org.localitycheck.claim;

import java.util.ArrayList;
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
                Reading.exists("attained", "some u != v has TV(soft_tau(u), soft_tau(v)) = ||u - v||_inf / (2 tau)",
                        "False: no pair attains equality (proof below), so 1/(2 tau) is the best constant only as a "
                                + "supremum (reading 'supremum-approached'). The proof's conclusion, strict inequality, is "
                                + "checked on every case: a case attaining equality would be a witness.",
                        Lemma8SharpClaim::attains).expecting(Expected.REFUTED).provenBy(STRICT_PROOF),
                Reading.of("strict", "for every u != v: TV < ||u - v||_inf / (2 tau) strictly", Expected.HOLDS,
                        "The conclusion of the proof below, decided on enclosures on every case.",
                        (ctx, w) -> Lemma8Claim.check(w, true)).convention().provenBy(STRICT_PROOF),
                Reading.exists("supremum-approached",
                        "along u = 0, v = eps (1, -1, 1, -1) (m = 4) the ratio 2 tau TV / ||u - v||_inf exceeds 1 - 1/1000",
                        "The supremum 1 of the ratio is approached; the catalogue reports the largest ratio seen.",
                        Lemma8SharpClaim::approach).corrected(),
                Reading.exists("supremum-approached-each-m",
                        "'for each tau and m >= 2': at m = 2, 3, 4 and 5 at once, u = 0 and v = eps (1, -1, 1, -1, ...), "
                                + "an odd m's last entry at -60 tau in both, reach 2 tau TV / ||u - v||_inf > 1 - 1/1000",
                        "The supremum 1 is approached for every m, with finite logits: it suffices that soft_tau(u) puts "
                                + "mass 1/2 on the +1 entries of the sign pattern (m = 3: u = tau (ln 2, 0, 0), v = u + eps (1, "
                                + "-1, -1), where mu = 0 and ||J(r) e||_1 = 1). The reading uses a simpler pair for odd m: the "
                                + "alternating pattern with a last logit at -60 tau in both u and v, which carries mass about "
                                + "e^-60, so the pair acts as one of m - 1 actions.",
                        Lemma8SharpClaim::approachEachM).corrected());
    }

    /**
     * Why no u != v attains equality; each step is what {@code Lemma8Claim.check(w, true)} and lemma8-jacobian test
     * on their cases.
     */
    static final String STRICT_PROOF = "If u - v is constant, soft_tau(u) = soft_tau(v) and TV = 0 < ||u - v||_inf/(2 tau). "
            + "Otherwise put e = (u - v)/||u - v||_inf, r(t) = soft_tau(v + t(u - v)) and mu(t) = <r(t), e>. As in Lemma 8, "
            + "2 TV <= (||u - v||_inf / tau) int_0^1 ||J(r(t)) e||_1 dt with ||J(r) e||_1 = E_{I ~ r}|e_I - mu| <= 1 - mu^2 "
            + "(a variable in [-1, 1] with mean mu has mean absolute deviation at most 1 - mu^2). Since d mu/dt = "
            + "(||u - v||_inf / tau) Var_{r(t)}(e) > 0 (r(t) has full support and e is not constant), mu vanishes at most "
            + "once on [0, 1], so int_0^1 (1 - mu(t)^2) dt < 1 and TV < ||u - v||_inf/(2 tau).";

    /** A witness of the existential reading: equality attained. Never decided as such; strictness is certified. */
    static Verdict attains(Context ctx, Witness w) {
        Verdict strict = Lemma8Claim.check(w, true);
        if (!strict.applicable()) {
            return strict;
        }
        return new Verdict(true, !strict.holds(), strict.lhs(), strict.rhs(), strict.where());
    }

    /** {@link #approach}'s pair at m = 2, 3, 4, 5, an odd m's last logit at -60 tau in u and v; the worst of the four. */
    static Verdict approachEachM(Context ctx, Witness w) {
        Rational eps = w.rational("eps");
        Rational tau = w.rational("tau");
        Rational scale = tau.multiply(Rational.TWO).divide(eps);
        List<Verdict> vs = new ArrayList<>();
        for (int m = 2; m <= 5; m++) {
            Rational[] u = new Rational[m];
            Rational[] v = new Rational[m];
            for (int b = 0; b < m; b++) {
                boolean last = m % 2 == 1 && b == m - 1;
                u[b] = last ? tau.multiply(Rational.of(-60)) : Rational.ZERO;
                v[b] = last ? u[b] : b % 2 == 0 ? eps : eps.negate();
            }
            vs.add(Enclosed.atLeast(bits -> TotalVariation.of(Softmax.probabilities(u, tau, bits),
                    Softmax.probabilities(v, tau, bits)).multiply(scale), Rational.parse("0.999"),
                    "m=" + m + ", eps=" + eps + ", tau=" + tau));
        }
        return Verdict.worst(vs);
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
