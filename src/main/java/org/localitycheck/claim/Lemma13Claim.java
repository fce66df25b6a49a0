package org.localitycheck.claim;

import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Exp;
import org.localitycheck.arith.Log;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * Lemma 13: max_p &lt;p, g&gt; - tau KL(p||q) = tau log sum_a q(a) e^{g(a)/tau}, attained uniquely at
 * p* ~ q e^{g/tau}, and &lt;p* - q, g&gt; &gt;= tau KL(p*||q).
 */
final class Lemma13Claim extends BaseClaim {
    Lemma13Claim() {
        super("lemma13", "Lemma 13",
                "max_p <p,g> - tau KL(p||q) = tau log sum q e^{g/tau}, attained uniquely at p* ~ q e^{g/tau}; "
                        + "<p* - q, g> >= tau KL(p*||q)");
    }

    @Override
    public String family() {
        return "none";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("g", Param.Kind.LOGITS), Param.of("q", Param.Kind.PROBABILITY),
                Param.of("p", Param.Kind.PROBABILITY), Param.of("tau", Param.Kind.TAU));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("value-identity", "<p*, g> - tau KL(p*||q) = tau log sum_a q(a) e^{g(a)/tau}, both sides from their "
                        + "definitions (KL by its sum of p* log(p*/q))", Expected.HOLDS,
                        "Donsker-Varadhan. Equality of two irrational numbers is not decidable by enclosures: the check "
                                + "fails when the enclosures of the two sides separate at 256 bits.",
                        Lemma13Claim::valueIdentity)
                        .provenBy("With p*(a) = q(a) e^{g(a)/tau}/Z, Z = sum_a q(a) e^{g(a)/tau}, log(p*(a)/q(a)) = g(a)/tau - "
                                + "log Z on the support of q, so tau KL(p*||q) = sum_a p*(a) (g(a) - tau log Z) = <p*, g> - tau "
                                + "log Z, which is the identity. The check encloses both sides from their definitions and finds "
                                + "that the enclosures meet on every case; it cannot decide equality of two irrational numbers."),
                Reading.of("upper-bound", "for a drawn p != p*: <p, g> - tau KL(p||q) < <p*, g> - tau KL(p*||q) (p* the unique "
                        + "maximiser)", Expected.HOLDS, "Donsker-Varadhan: the gap is tau KL(p||p*) > 0.", Lemma13Claim::upperBound),
                Reading.of("improvement", "<p* - q, g> >= tau KL(p*||q)", Expected.HOLDS,
                        "tau log Z >= <q, g> (Jensen) and the value identity at p*.", Lemma13Claim::improvement));
    }

    /** g constant on the support of q: then p* = q exactly. */
    static boolean constantOnSupport(Rational[] g, Rational[] q) {
        Rational first = null;
        for (int a = 0; a < g.length; a++) {
            if (!q[a].isZero()) {
                if (first != null && !first.equals(g[a])) {
                    return false;
                }
                first = g[a];
            }
        }
        return true;
    }

    /** tau log sum_a q(a) exp(g(a)/tau), enclosed. */
    static RationalInterval value(Rational[] g, Rational[] q, Rational tau, int b) {
        RationalInterval z = RationalInterval.point(Rational.ZERO);
        for (int a = 0; a < g.length; a++) {
            if (!q[a].isZero()) {
                z = z.add(Exp.exp(g[a].divide(tau), b).multiply(q[a]));
            }
        }
        return RationalInterval.of(Log.log(z.lower(), b).lower(), Log.log(z.upper(), b).upper()).multiply(tau);
    }

    /** tau KL(p||q) for rational p, q with supp p in supp q, enclosed. */
    static RationalInterval tauKl(Rational[] p, Rational[] q, Rational tau, int b) {
        RationalInterval s = RationalInterval.point(Rational.ZERO);
        for (int a = 0; a < p.length; a++) {
            if (!p[a].isZero()) {
                s = s.add(Log.log(p[a].divide(q[a]), b).multiply(p[a]));
            }
        }
        return s.multiply(tau);
    }

    /**
     * p* = q e^{g/tau} / Z and tau KL(p*||q), both from their definitions: p*_a = q_a / den_a with den_a = sum_c q_c
     * e^{(g_c - g_a)/tau}, so log(p*_a / q_a) = -log den_a. Returns {p*_0, ..., p*_{m-1}, tau KL(p*||q)}.
     */
    static RationalInterval[] maximiser(Rational[] g, Rational[] q, Rational tau, int b) {
        RationalInterval[] out = new RationalInterval[g.length + 1];
        RationalInterval kl = RationalInterval.point(Rational.ZERO);
        for (int a = 0; a < g.length; a++) {
            if (q[a].isZero()) {
                out[a] = RationalInterval.point(Rational.ZERO);
                continue;
            }
            RationalInterval den = RationalInterval.point(Rational.ZERO);
            for (int c = 0; c < g.length; c++) {
                if (!q[c].isZero()) {
                    den = den.add(Exp.exp(g[c].subtract(g[a]).divide(tau), b).multiply(q[c]));
                }
            }
            out[a] = den.reciprocal().multiply(q[a]);
            kl = kl.subtract(out[a].multiply(Log.log(den, b)));
        }
        out[g.length] = kl.multiply(tau);
        return out;
    }

    /** <p, g> - tau KL(p || q) at p = p*, enclosed. */
    static RationalInterval objectiveAtMaximiser(Rational[] g, Rational[] q, Rational tau, int b) {
        RationalInterval[] ps = maximiser(g, q, tau, b);
        RationalInterval inner = RationalInterval.point(Rational.ZERO);
        for (int a = 0; a < g.length; a++) {
            inner = inner.add(ps[a].multiply(g[a]));
        }
        return inner.subtract(ps[g.length]);
    }

    static boolean infiniteKl(Rational[] p, Rational[] q) {
        for (int a = 0; a < p.length; a++) {
            if (!p[a].isZero() && q[a].isZero()) {
                return true;
            }
        }
        return false;
    }

    static Verdict valueIdentity(Context ctx, Witness w) {
        Rational[] g = w.vector("g");
        Rational[] q = w.vector("q");
        Rational tau = w.rational("tau");
        int bits = 256;
        RationalInterval d = objectiveAtMaximiser(g, q, tau, bits).subtract(value(g, q, tau, bits));
        return Verdict.fact(d.contains(Rational.ZERO), "objective at p* minus tau log Z enclosed in " + d);
    }

    static Verdict upperBound(Context ctx, Witness w) {
        Rational[] g = w.vector("g");
        Rational[] q = w.vector("q");
        Rational[] p = w.vector("p");
        Rational tau = w.rational("tau");
        if (infiniteKl(p, q)) {
            return Verdict.notApplicable("KL(p||q) infinite");
        }
        if (constantOnSupport(g, q) && Arrays.equals(p, q)) {
            return Verdict.notApplicable("p = p* = q: both sides equal");
        }
        Rational pg = Rational.ZERO;
        for (int a = 0; a < p.length; a++) {
            pg = pg.add(p[a].multiply(g[a]));
        }
        final Rational inner = pg;
        // objective(p) - objective(p*) < 0, enclosed
        return Enclosed.atMost(b -> RationalInterval.point(inner).subtract(tauKl(p, q, tau, b))
                .subtract(objectiveAtMaximiser(g, q, tau, b)), Rational.ZERO, true, "p against p*");
    }

    static Verdict improvement(Context ctx, Witness w) {
        Rational[] g = w.vector("g");
        Rational[] q = w.vector("q");
        Rational tau = w.rational("tau");
        if (constantOnSupport(g, q)) {
            return Verdict.atMost(Rational.ZERO, Rational.ZERO, "g constant on supp q: p* = q, both sides 0 exactly");
        }
        return Enclosed.atMost(b -> {
            RationalInterval[] ps = maximiser(g, q, tau, b);
            RationalInterval gain = RationalInterval.point(Rational.ZERO);
            for (int a = 0; a < g.length; a++) {
                gain = gain.add(ps[a].subtract(RationalInterval.point(q[a])).multiply(g[a]));
            }
            return ps[g.length].subtract(gain); // tau KL(p*||q) - <p* - q, g> <= 0
        }, Rational.ZERO, false, "tau KL(p*||q) - <p* - q, g>");
    }
}
