package org.localitycheck.claim;

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
                Reading.of("upper-bound", "for a drawn p != p*: <p, g> - tau KL(p||q) < tau log sum_a q(a) e^{g(a)/tau}",
                        Expected.HOLDS, "Donsker-Varadhan: the gap is tau KL(p||p*) > 0.", Lemma13Claim::upperBound),
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

    static Verdict upperBound(Context ctx, Witness w) {
        Rational[] g = w.vector("g");
        Rational[] q = w.vector("q");
        Rational[] p = w.vector("p");
        Rational tau = w.rational("tau");
        for (int a = 0; a < p.length; a++) {
            if (!p[a].isZero() && q[a].isZero()) {
                return Verdict.notApplicable("KL(p||q) infinite");
            }
        }
        if (constantOnSupport(g, q) && java.util.Arrays.equals(p, q)) {
            return Verdict.notApplicable("p = p* = q: both sides equal");
        }
        Rational pg = Rational.ZERO;
        for (int a = 0; a < p.length; a++) {
            pg = pg.add(p[a].multiply(g[a]));
        }
        final Rational inner = pg;
        // LHS - RHS < 0, enclosed
        return Enclosed.atMost(b -> RationalInterval.point(inner).subtract(tauKl(p, q, tau, b)).subtract(value(g, q, tau, b)),
                Rational.ZERO, true, "p against the log-sum-exp value");
    }

    static Verdict improvement(Context ctx, Witness w) {
        Rational[] g = w.vector("g");
        Rational[] q = w.vector("q");
        Rational tau = w.rational("tau");
        if (constantOnSupport(g, q)) {
            return Verdict.atMost(Rational.ZERO, Rational.ZERO, "g constant on supp q: p* = q, both sides 0 exactly");
        }
        return Enclosed.atMost(b -> {
            // p*_a = q_a / sum_c q_c exp((g_c - g_a)/tau)
            RationalInterval[] ps = new RationalInterval[g.length];
            for (int a = 0; a < g.length; a++) {
                if (q[a].isZero()) {
                    ps[a] = RationalInterval.point(Rational.ZERO);
                    continue;
                }
                RationalInterval den = RationalInterval.point(Rational.ZERO);
                for (int c = 0; c < g.length; c++) {
                    if (!q[c].isZero()) {
                        den = den.add(Exp.exp(g[c].subtract(g[a]).divide(tau), b).multiply(q[c]));
                    }
                }
                ps[a] = den.reciprocal().multiply(q[a]);
            }
            // tau KL(p*||q) = <p*, g> - tau log Z; so the claim is <p* - q, g> - <p*, g> + tau log Z >= 0,
            // i.e. tau log Z - <q, g> >= 0: enclose <q, g> - tau log Z + (the p* terms, which cancel exactly)
            RationalInterval lhs = RationalInterval.point(Rational.ZERO);
            for (int a = 0; a < g.length; a++) {
                lhs = lhs.add(RationalInterval.point(q[a].multiply(g[a])));
            }
            RationalInterval tauKlStar = RationalInterval.point(Rational.ZERO);
            for (int a = 0; a < g.length; a++) {
                tauKlStar = tauKlStar.add(ps[a].multiply(g[a]));
            }
            tauKlStar = tauKlStar.subtract(value(g, q, tau, b));
            RationalInterval gain = RationalInterval.point(Rational.ZERO);
            for (int a = 0; a < g.length; a++) {
                gain = gain.add(ps[a].multiply(g[a]));
            }
            gain = gain.subtract(lhs);
            // tau KL(p*||q) - <p* - q, g> <= 0
            return tauKlStar.subtract(gain);
        }, Rational.ZERO, false, "tau KL(p*||q) - <p* - q, g>");
    }

}
