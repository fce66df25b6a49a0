package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.Softmax;
import org.localitycheck.quantity.TotalVariation;

/** Lemma 8: TV(soft_tau(u), soft_tau(v)) &lt;= ||u - v||_inf / (2 tau). */
final class Lemma8Claim extends BaseClaim {
    Lemma8Claim() {
        super("lemma8", "Lemma 8", "TV(soft_tau(u), soft_tau(v)) <= ||u - v||_inf / (2 tau)");
    }

    @Override
    public String family() {
        return "none";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("u", Param.Kind.LOGITS), Param.of("v", Param.Kind.LOGITS), Param.of("tau", Param.Kind.TAU));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal", "TV(soft_tau(u), soft_tau(v)) <= ||u - v||_inf / (2 tau), decided on enclosures",
                Expected.HOLDS, "The Jacobian bound (2) integrated along the segment from v to u.",
                (ctx, w) -> check(w, false)));
    }

    /** 2 tau TV / ||u - v||, enclosed, and the verdict of TV against ||u - v||/(2 tau). */
    static Verdict check(Witness w, boolean strict) {
        Rational[] u = w.vector("u");
        Rational[] v = w.vector("v");
        Rational tau = w.rational("tau");
        Rational d = Rational.ZERO;
        for (int i = 0; i < u.length; i++) {
            d = d.max(u[i].subtract(v[i]).abs());
        }
        Rational rhs = d.divide(tau.multiply(Rational.TWO));
        if (strict && d.isZero()) {
            return Verdict.notApplicable("u = v");
        }
        boolean shift = true;
        for (int i = 1; i < u.length; i++) {
            shift &= u[i].subtract(v[i]).equals(u[0].subtract(v[0]));
        }
        if (shift) {
            // v = u + c 1: soft_tau(u) = soft_tau(v) exactly, TV = 0
            return Verdict.atMost(Rational.ZERO, rhs, "v = u + constant: TV = 0 exactly");
        }
        return Enclosed.atMost(bits -> TotalVariation.of(Softmax.probabilities(u, tau, bits),
                Softmax.probabilities(v, tau, bits)), rhs, strict, "m=" + u.length + ", tau=" + tau);
    }
}
