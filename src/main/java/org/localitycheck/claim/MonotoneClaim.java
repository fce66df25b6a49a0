package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;
import org.localitycheck.model.SoftmaxPolicy;

/**
 * Sec. 4: H &lt;= E^s + E^a L/(2 tau) implies rho(H) &lt;= rho(E^s + E^a L/(2 tau)); as tau grows Pi -&gt; 0 and
 * H -&gt; E^s.
 */
final class MonotoneClaim extends BaseClaim {
    MonotoneClaim() {
        super("monotone", "Sec. 4",
                "H <= E^s + E^a L/(2 tau) implies rho(H) <= rho(E^s + E^a L/(2 tau)); tau -> inf gives Pi -> 0, H -> E^s");
    }

    @Override
    public String family() {
        return "softmax";
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("perron", "rho(H) <= rho(E^s + E^a L/(2 tau)) for softmax policies", Expected.HOLDS,
                        "H <= that matrix by Lemma 10, and rho is monotone on nonnegative matrices (Perron-Frobenius).",
                        MonotoneClaim::perron),
                Reading.of("tau-limit",
                        "at every tau' = 2^j tau (j = 1, 4, 7, 10, 16): every entry of H - E^s is at most ||E^a||_inf max L / (2 tau'), which tends to 0",
                        Expected.HOLDS, "Pi <= L/(2 tau') -> 0.", MonotoneClaim::limit),
                Reading.of("high-entropy-locality",
                        "Sec. 4, first bullet: if rho(E^s) < 1, a high-entropy policy guarantees locality: with tau_0 the "
                                + "least 2^j tau (j >= 0) at which rho(E^s + E^a L/(2 tau_0)) < 1, rho(H) < 1 at tau' = tau_0, "
                                + "2 tau_0, 16 tau_0 and 1024 tau_0 (same logits)",
                        Expected.HOLDS,
                        "rho(E^s + E^a L/(2 tau)) decreases to rho(E^s) < 1 as tau grows (continuity of rho), and "
                                + "reading perron bounds rho(H) by it.",
                        MonotoneClaim::highEntropy)
                        .provenBy("E^s + E^a L/(2 tau) decreases entrywise to E^s as tau grows, and rho is continuous and "
                                + "monotone on nonnegative matrices, so it tends to rho(E^s) < 1 and some tau_0 = 2^j tau has "
                                + "rho(E^s + E^a L/(2 tau_0)) < 1. For tau' >= tau_0, H_tau' <= E^s + E^a L/(2 tau') <= "
                                + "E^s + E^a L/(2 tau_0) (Lemma 10), so rho(H_tau') < 1 by Perron-Frobenius. The check finds "
                                + "tau_0 exactly and decides rho(H) < 1 on the softmax enclosures at the four temperatures."),
                Reading.exists("low-temperature-coupling",
                        "Sec. 4, second bullet: letting tau -> 0 can make rho(H) >= 1 although rho(E^s) < 1: some "
                                + "softmax instance has rho(E^s) < 1 and rho(H) >= 1 (reading high-entropy-locality: with the "
                                + "same logits rho(H) < 1 at every high enough temperature)",
                        "A hub whose logits make its argmax flip with each spoke's state has Pi_{1<-j} -> 1 as tau -> 0, and "
                                + "rho(H) = sum_j Pi_{1<-j} exceeds 1 once there are two spokes (App. E.2).",
                        MonotoneClaim::lowTemperature));
    }

    /** The case's instance with the same logits at temperature tau'. */
    static Context atTemperature(Context ctx, Rational tau) {
        SoftmaxPolicy p = (SoftmaxPolicy) ctx.instance().policy();
        Rational[][][] logits = new Rational[ctx.agents()][ctx.instance().states().size()][];
        for (int k = 0; k < ctx.agents(); k++) {
            for (int s = 0; s < logits[k].length; s++) {
                logits[k][s] = new Rational[ctx.instance().agents().get(k).actions()];
                for (int b = 0; b < logits[k][s].length; b++) {
                    logits[k][s][b] = p.logit(k, s, b);
                }
            }
        }
        return new Context(Instance.of(ctx.instance().name(), ctx.instance().agents(), ctx.instance().kernel(),
                SoftmaxPolicy.of(tau, logits, ctx.instance().agents(), ctx.instance().states()),
                ctx.instance().rewardTable()));
    }

    /** rho(H) enclosed through the softmax enclosure of H at {@code bits} (rho is monotone on nonnegative matrices). */
    static RationalInterval rhoH(Context ctx, int bits) {
        return RationalInterval.of(SpectralRadius.enclose(ctx.softmaxH(bits).lower()).lower(),
                SpectralRadius.enclose(ctx.softmaxH(bits).upper()).upper());
    }

    /** Doublings of tau the search for tau_0 may take. */
    static final int MAX_DOUBLINGS = 64;

    /** The temperatures, as multiples of tau_0, at which rho(H) &lt; 1 is decided. */
    static final int[] HOT_FACTORS = {1, 2, 16, 1024};

    static Verdict highEntropy(Context ctx, Witness w) {
        if (SpectralRadius.compare(ctx.es(), Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(E^s) >= 1");
        }
        Rational tau0 = ctx.tau();
        for (int j = 0; SpectralRadius.compare(bound(ctx, tau0), Rational.ONE) >= 0; j++) {
            if (j == MAX_DOUBLINGS) {
                return Verdict.notApplicable("no tau_0 within 2^" + MAX_DOUBLINGS + " tau");
            }
            tau0 = tau0.multiply(Rational.TWO);
        }
        List<Verdict> vs = new ArrayList<>();
        for (int factor : HOT_FACTORS) {
            Context hot = atTemperature(ctx, tau0.multiply(Rational.of(factor)));
            vs.add(Enclosed.atMost(bits -> rhoH(hot, bits), Rational.ONE, true,
                    "rho(H) at tau' = " + factor + " tau_0, tau_0 = " + tau0));
        }
        return Verdict.worst(vs);
    }

    static Verdict lowTemperature(Context ctx, Witness w) {
        if (SpectralRadius.compare(ctx.es(), Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(E^s) >= 1: the coupling would not come from the policy");
        }
        boolean coupled = Enclosed.escalate(Enclosed.MAX_BITS, () -> "undecided at " + Enclosed.MAX_BITS
                + " bits: rho(H) against 1", bits -> {
                    RationalInterval rho = rhoH(ctx, bits);
                    return rho.lower().compareTo(Rational.ONE) >= 0 ? Boolean.TRUE
                            : rho.upper().compareTo(Rational.ONE) < 0 ? Boolean.FALSE : null;
                });
        return Verdict.fact(coupled, "rho(E^s) < 1 and rho(H) against 1 at tau = " + ctx.tau());
    }

    static RationalMatrix bound(Context ctx, Rational tau) {
        return ctx.es().add(ctx.ea().multiply(ctx.logitLipschitz().scale(Rational.ONE.divide(tau.multiply(Rational.TWO)))));
    }

    static Verdict perron(Context ctx, Witness w) {
        RationalMatrix b = bound(ctx, ctx.tau());
        return Enclosed.escalate(Enclosed.MAX_BITS, () -> "monotone: undecided at " + Enclosed.MAX_BITS + " bits", bits -> {
            RationalMatrix hHi = ctx.softmaxH(bits).upper();
            if (hHi.isEntrywiseAtMost(b)) {
                RationalInterval rb = SpectralRadius.enclose(b);
                RationalInterval rh = SpectralRadius.enclose(hHi);
                return Verdict.atMost(rh.lower(), rb.upper(), "rho(H_hi) against rho(E^s + E^a L/(2 tau)), entrywise below");
            }
            RationalInterval rh = SpectralRadius.enclose(hHi);
            RationalInterval rb = SpectralRadius.enclose(b);
            if (rh.upper().compareTo(rb.lower()) <= 0) {
                return Verdict.atMost(rh.upper(), rb.lower(), "rho(H_hi) vs rho(bound), bits " + bits);
            }
            // a violation: even the smallest H the enclosure allows has a larger spectral radius than the bound
            RationalMatrix hLo = ctx.softmaxH(bits).lower();
            RationalInterval rl = SpectralRadius.enclose(hLo);
            return rl.lower().compareTo(rb.upper()) > 0
                    ? Verdict.atMost(rl.lower(), rb.upper(), "rho(H_lo) above rho(bound), bits " + bits) : null;
        });
    }

    /** The temperatures tau' = 2^j tau the limit reading walks through. */
    static final int[] TAU_FACTORS = {2, 16, 128, 1024, 1 << 16};

    static Verdict limit(Context ctx, Witness w) {
        Rational lmax = ctx.logitLipschitz().maxEntry();
        List<Verdict> vs = new ArrayList<>();
        for (int factor : TAU_FACTORS) {
            Rational big = ctx.tau().multiply(Rational.of(factor));
            RationalMatrix diff = ctx.ea().multiply(atTemperature(ctx, big).softmaxPi(Enclosed.START_BITS).upper());
            Rational rhs = ctx.ea().normInf().multiply(lmax).divide(big.multiply(Rational.TWO));
            vs.add(Verdict.atMost(diff.maxEntry(), rhs, "max entry of E^a Pi at tau' = " + factor + " tau"));
        }
        return Verdict.worst(vs);
    }
}
