package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;

/** Lemmas 6 and 10: Pi_{k&lt;-i}(pi) &lt;= min{1, L_{k&lt;-i}/(2 tau)}; Pi_{k&lt;-i} = 0 when i is not in O_k. */
final class Lemma10Claim extends BaseClaim {
    Lemma10Claim() {
        super("lemma10", "Lemma 6, Lemma 10",
                "Pi_{k<-i}(pi) <= min{1, L_{k<-i}/(2 tau)}; Pi_{k<-i} = 0 when i is not in O_k");
    }

    @Override
    public String family() {
        return "softmax";
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal", "for a temperature-tau softmax product policy: Pi <= min{1, L/(2 tau)} entrywise",
                        Expected.HOLDS, "Lemma 8 applied to the logit rows of each pair of states.", Lemma10Claim::bound),
                Reading.of("unobserved-zero", "L_{k<-i} = 0 and Pi_{k<-i} = 0 when agent k does not observe agent i (only this direction: a policy may also ignore a coordinate it observes)",
                        Expected.HOLDS, "The logits, hence the policy, do not move with s_i.", Lemma10Claim::zero),
                Reading.of("networks",
                        "Pi <= min{1, L/(2 tau)} entrywise for softmax policies on factored networks of 4 to 48 agents, "
                                + "Pi enclosed over each observation scope and L computed exactly from the local logits",
                        Expected.HOLDS, "Lemma 8 applied agent by agent; nothing depends on the number of agents.",
                        (Reading.FamilyCheck) (ctx, w) -> networks(ctx, Rational.TWO)));
    }

    /**
     * Pi_{k<-i} &lt;= min{1, L_{k<-i}/(c tau)} on the case's softmax network (the lemma has c = 2; a larger c shows
     * the check can fail).
     */
    static Verdict networks(Context ctx, Rational c) {
        var inf = NetworkCases.softmax(ctx);
        var f = inf.instance();
        List<Verdict> vs = new ArrayList<>();
        for (int k = 0; k < f.agentCount(); k++) {
            var o = f.observes(k);
            for (int p = 0; p < inf.pi().rowLength(k); p++) {
                int i = inf.pi().column(k, p);
                int x = o.position(i);
                Rational l = Rational.ZERO;
                for (int cfg = 0; cfg < o.size(); cfg++) {
                    for (int v = o.space().digit(cfg, x) + 1; v < o.space().localSize(x); v++) {
                        Rational[] g = f.policyRow(k, cfg);
                        Rational[] h = f.policyRow(k, o.space().withDigit(cfg, x, v));
                        for (int b = 0; b < g.length; b++) {
                            l = l.max(g[b].subtract(h[b]).abs());
                        }
                    }
                }
                Rational bound = Rational.ONE.min(l.divide(c.multiply(f.tau())));
                vs.add(NetworkCases.atMost(inf.pi().enclosure(k, p, inf.arithmetic()), RationalInterval.point(bound),
                        NetworkCases.where(f, "Pi_{" + k + "<-" + i + "}")));
            }
        }
        return Verdict.worst(vs);
    }

    static Verdict bound(Context ctx, Witness w) {
        RationalMatrix l = ctx.logitLipschitz();
        Rational twoTau = ctx.tau().multiply(Rational.TWO);
        return Enclosed.escalate(Enclosed.MAX_BITS, () -> "lemma10: undecided at " + Enclosed.MAX_BITS + " bits", bits -> {
            MatrixEnclosure pi = ctx.softmaxPi(bits);
            boolean undecided = false;
            Verdict tightest = null;
            for (int k = 0; k < ctx.agents(); k++) {
                for (int i = 0; i < ctx.agents(); i++) {
                    Rational b = Rational.ONE.min(l.get(k, i).divide(twoTau));
                    String where = "Pi_{" + k + "<-" + i + "}, bits " + bits;
                    if (pi.lower().get(k, i).compareTo(b) > 0) {
                        return Verdict.atMost(pi.lower().get(k, i), b, where);
                    }
                    if (pi.upper().get(k, i).compareTo(b) > 0) {
                        undecided = true;
                        continue;
                    }
                    Verdict v = Verdict.atMost(pi.upper().get(k, i), b, where);
                    if (tightest == null || tighter(v, tightest)) {
                        tightest = v;
                    }
                }
            }
            return undecided ? null : tightest;
        });
    }

    private static boolean tighter(Verdict a, Verdict b) {
        Rational ra = a.ratio();
        Rational rb = b.ratio();
        return ra != null && (rb == null || ra.compareTo(rb) > 0);
    }

    static Verdict zero(Context ctx, Witness w) {
        MatrixEnclosure pi = ctx.softmaxPi(Enclosed.START_BITS);
        RationalMatrix l = ctx.logitLipschitz();
        for (int k = 0; k < ctx.agents(); k++) {
            for (int i = 0; i < ctx.agents(); i++) {
                if (!ctx.instance().agents().get(k).observes(i) && !l.get(k, i).isZero()) {
                    return Verdict.atMostZero(l.get(k, i), "L_{" + k + "<-" + i + "}");
                }
                if (!ctx.instance().agents().get(k).observes(i) && !pi.upper().get(k, i).isZero()) {
                    return Verdict.atMostZero(pi.upper().get(k, i), "Pi_{" + k + "<-" + i + "}");
                }
            }
        }
        return Verdict.fact(true, "every unobserved entry is 0");
    }
}
