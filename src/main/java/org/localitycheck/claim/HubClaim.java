package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.quantity.Sensitivities;

/**
 * App. E.2: rho(E^a X) = sum_{j&gt;1} X_{1&lt;-j} for the hub's rank-one structure; locality when
 * tau &gt; (n-1) L_max / 2; rho(H) = 0 when the hub ignores its inputs; the action-supremum test gives norm 1.
 */
final class HubClaim extends BaseClaim {
    HubClaim() {
        super("hub", "App. E.2",
                "rho(E^a L/(2 tau)) = (1/(2 tau)) sum_{j>1} L_{1<-j}; locality certified when tau > (n-1) L_max/2; "
                        + "rho(H) = 0 when L = 0; action-supremum test gives ||C||_inf = 1");
    }

    @Override
    public String family() {
        return "hub";
    }

    @Override
    public List<String> families() {
        return List.of("hub", "hub-softmax", "hub-softmax-balanced");
    }

    /** Tabular readings skip softmax hubs and the reverse. */
    static Reading.Check tabular(Reading.Check c) {
        return (ctx, w) -> ctx.isSoftmax() ? Verdict.notApplicable("softmax hub") : c.apply(ctx, w);
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("rank-one-formula",
                        "with a tabular hub policy: rho(H) = rho(E^a Pi) = sum_{j>1} Pi_{1<-j} exactly",
                        Expected.HOLDS, "E^a Pi = u v^T with u = 1{j > 1} and v the hub's row of Pi: rho = v . u.",
                        tabular(HubClaim::rankOne)).convention(),
                Reading.of("zero-when-ignoring", "if the hub's policy ignores every state (Pi_{1<-.} = 0) then rho(H) = 0",
                        Expected.HOLDS, "Then H = 0.", tabular(HubClaim::zeroWhenIgnoring)),
                Reading.of("shape", "P_1 constant and P_j(s'_j = 1 | s, a) = 1{a_1 = 1} give E^s = 0, E^a_{j<-1} = 1 for "
                        + "every j > 1, and every other entry of E^a 0", Expected.HOLDS,
                        "The spokes copy the hub's action and nothing else; the hub's own kernel ignores everything.",
                        (ctx, w) -> Verdict.fact(shape(ctx), "E^s and E^a against the stated pattern")),
                Reading.of("action-supremum-norm", "the action-supremum matrix E^s + E^a has ||.||_inf = 1",
                        Expected.HOLDS, "Each spoke's row of E^a holds a single 1; E^s = 0.",
                        (ctx, w) -> Verdict.equal(ctx.es().add(ctx.ea()).normInf(), Rational.ONE, "||E^s + E^a||_inf")),
                Reading.of("action-supremum-norm-csup",
                        "the same '||C||_inf = 1' with prior work's action-supremum matrix C^sup_{j<-i} = sup over s ~_i "
                                + "s' and all joint actions a, a' of TV(P_j(.|s, a), P_j(.|s', a')) (spectral-vs-norm's C^sup)",
                        Expected.REFUTED,
                        "With the actions free on both sides, a spoke's next state moves with a_1 whatever coordinate i "
                                + "differs: C^sup_{j<-i} = 1 for every i, so ||C^sup||_inf = n, not 1. The other reading "
                                + "(action-supremum-norm) holds; both declare the hub non-local.",
                        (ctx, w) -> Verdict.equal(Sensitivities.actionSupremum(ctx.instance()).normInf(),
                                Rational.of(ctx.agents()), "||C^sup||_inf against n"))
                        .ambiguity().provenBy("For j > 1, P_j(.|s, a) is the point mass at 1{a_1 = 1}. Taking a_1 = 1 in a "
                                + "and a'_1 = 0 in a' gives TV = 1 for any s ~_i s', so C^sup_{j<-i} = 1 for every i (the "
                                + "hub's own row is 0: P_1 is constant), and row j sums to n >= 3: ||C^sup||_inf = n. The "
                                + "check computes ||C^sup||_inf exactly on every case and compares it with n."),
                Reading.of("declares-non-local",
                        "the action-supremum certificate declares the hub non-local: ||C||_inf >= 1 with C = E^s + E^a and "
                                + "with C = C^sup",
                        Expected.HOLDS, "The two values are 1 and n.",
                        (ctx, w) -> Verdict.fact(ctx.es().add(ctx.ea()).normInf().compareTo(Rational.ONE) >= 0
                                && Sensitivities.actionSupremum(ctx.instance()).normInf().compareTo(Rational.ONE) >= 0,
                                "||E^s + E^a||_inf and ||C^sup||_inf against 1")),
                Reading.of("softmax-temperature",
                        "softmax hub with logit Lipschitz constants L_{1<-i}: rho(E^a L/(2 tau)) = (1/(2 tau)) sum_{j>1} "
                                + "L_{1<-j} exactly, and rho(H) <= that value (decided on enclosures)",
                        Expected.HOLDS, "The same rank-one structure with L/(2 tau) in place of Pi, and Lemma 10.",
                        HubClaim::temperature),
                Reading.of("softmax-locality", "if tau > (n-1) L_max / 2 then rho(H) < 1", Expected.HOLDS,
                        "rho(H) <= (n-1) L_max/(2 tau) < 1.", HubClaim::locality));
    }

    /** E^s = 0 and E^a = the spokes' column of ones under the hub: E^a_{j&lt;-1} = 1 for j &gt; 1, 0 elsewhere. */
    static boolean shape(Context ctx) {
        for (int j = 0; j < ctx.agents(); j++) {
            for (int i = 0; i < ctx.agents(); i++) {
                Rational expected = j > 0 && i == 0 ? Rational.ONE : Rational.ZERO;
                if (!ctx.es().get(j, i).isZero() || !ctx.ea().get(j, i).equals(expected)) {
                    return false;
                }
            }
        }
        return true;
    }

    static Rational formula(Context ctx) {
        Rational sum = Rational.ZERO;
        for (int j = 1; j < ctx.agents(); j++) {
            sum = sum.add(ctx.logitLipschitz().get(0, j));
        }
        return sum.divide(ctx.tau().multiply(Rational.TWO));
    }

    static Verdict temperature(Context ctx, Witness w) {
        if (!ctx.isSoftmax()) {
            return Verdict.notApplicable("tabular hub");
        }
        Rational value = formula(ctx);
        var bound = ctx.ea().multiply(ctx.logitLipschitz().scale(Rational.ONE.divide(ctx.tau().multiply(Rational.TWO))));
        if (SpectralRadius.compare(bound, value) != 0) {
            return Verdict.fact(false, "rho(E^a L/(2 tau)) differs from (1/(2 tau)) sum_{j>1} L_{1<-j} = " + value);
        }
        return Enclosed.escalate(Enclosed.MAX_BITS, () -> "hub: undecided at " + Enclosed.MAX_BITS + " bits", bits -> {
            var hHi = ctx.softmaxH(bits).upper();
            if (SpectralRadius.compare(hHi, value) <= 0) {
                return Verdict.atMost(SpectralRadius.enclose(hHi).upper().min(value), value, "rho(H_hi) vs " + value);
            }
            var hLo = ctx.softmaxH(bits).lower();
            return SpectralRadius.compare(hLo, value) > 0
                    ? Verdict.atMost(SpectralRadius.enclose(hLo).lower(), value, "rho(H_lo) vs " + value) : null;
        });
    }

    static Verdict locality(Context ctx, Witness w) {
        if (!ctx.isSoftmax()) {
            return Verdict.notApplicable("tabular hub");
        }
        int n = ctx.agents();
        Rational lmax = Rational.ZERO;
        for (int j = 0; j < n; j++) {
            lmax = lmax.max(ctx.logitLipschitz().get(0, j));
        }
        if (ctx.tau().compareTo(lmax.multiply(Rational.of(n - 1)).multiply(Rational.HALF)) <= 0) {
            return Verdict.notApplicable("tau <= (n-1) L_max / 2");
        }
        var hHi = ctx.softmaxH(Enclosed.START_BITS).upper();
        return Verdict.fact(SpectralRadius.compare(hHi, Rational.ONE) < 0, "rho(H_hi) vs 1");
    }

    static Verdict rankOne(Context ctx, Witness w) {
        Rational sum = Rational.ZERO;
        for (int j = 1; j < ctx.agents(); j++) {
            sum = sum.add(ctx.pi().get(0, j));
        }
        return Verdict.fact(SpectralRadius.compare(ctx.h(), sum) == 0, "rho(H) vs sum_{j>1} Pi_{1<-j} = " + sum);
    }

    static Verdict zeroWhenIgnoring(Context ctx, Witness w) {
        for (int j = 0; j < ctx.agents(); j++) {
            if (!ctx.pi().get(0, j).isZero()) {
                return Verdict.notApplicable("the hub observes some state");
            }
        }
        return Verdict.fact(SpectralRadius.compare(ctx.h(), Rational.ZERO) == 0, "rho(H) vs 0");
    }
}
