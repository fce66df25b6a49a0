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
                        Expected.HOLDS, "Pi <= L/(2 tau') -> 0.", MonotoneClaim::limit));
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
        Rational lmax = ctx.logitLipschitz().maxEntry();
        List<Verdict> vs = new ArrayList<>();
        for (int factor : TAU_FACTORS) {
            Rational big = ctx.tau().multiply(Rational.of(factor));
            var hot = Instance.of(ctx.instance().name(), ctx.instance().agents(), ctx.instance().kernel(),
                    SoftmaxPolicy.of(big, logits, ctx.instance().agents(), ctx.instance().states()),
                    ctx.instance().rewardTable());
            RationalMatrix diff = ctx.ea().multiply(new Context(hot).softmaxPi(Enclosed.START_BITS).upper());
            Rational rhs = ctx.ea().normInf().multiply(lmax).divide(big.multiply(Rational.TWO));
            vs.add(Verdict.atMost(diff.maxEntry(), rhs, "max entry of E^a Pi at tau' = " + factor + " tau"));
        }
        return Verdict.worst(vs);
    }
}
