package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;
import org.localitycheck.quantity.KlProxUpdate;
import org.localitycheck.quantity.PoissonSolution;
import org.localitycheck.quantity.TruncatedPoisson;

/**
 * Algorithm 1 (LPI, oracle iteration): the block update pi_{temp,k}(. | s_{O_k}) proportional to
 * pi_k(. | s_{O_k}) exp(g_k(s, .)/tau) keeps product form and is the closed-form KL-prox maximizer.
 */
final class LpiClaim extends BaseClaim {
    LpiClaim() {
        super("lpi", "Algorithm 1",
                "the oracle iteration runs as written, keeps product form, and its updates are the closed-form KL-prox maximizers");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("kappa", Param.Kind.KAPPA), Param.of("k", Param.Kind.AGENT));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("scoped-update",
                        "the update is a function of s_{O_k}: for s, s' with the same observed coordinates, "
                                + "pi_k(.|s) exp(g_k(s,.)/tau) and pi_k(.|s') exp(g_k(s',.)/tau) normalise to the same row",
                        Expected.REFUTED,
                        "g_k(s, .) averages the surrogate advantage at the full state s, which depends on coordinates "
                                + "agent k does not observe; line 9 then defines pi_k(. | s_{O_k}) twice with different "
                                + "values. Decided exactly: the rows agree for every tau iff g_k(s,.) - g_k(s',.) is "
                                + "constant on the support of pi_k.",
                        LpiClaim::scoped),
                Reading.of("full-observation-update",
                        "with O_k = [n] the update is well defined at every s (one row per joint state)", Expected.HOLDS,
                        "Nothing to reconcile when every coordinate is observed.", LpiClaim::full),
                Reading.pending("cyclic-pass",
                        "Algorithm 1's outer iterations with the stale and the recomputed certificate (Remark 16)",
                        "needs interval evaluation of g_k for interval-valued intermediate policies"));
    }

    static Rational[][] logits(Context ctx, Witness w) {
        int kappa = w.integer("kappa");
        PoissonSolution sol = ctx.poisson().get();
        TruncatedPoisson tp = TruncatedPoisson.of(ctx.joint(), ctx.loop().rewardUnderPolicy(), sol.averageReward(), kappa);
        return KlProxUpdate.logits(ctx.instance(), w.integer("k"), tp.surrogate(kappa, Rational.ZERO), sol.averageReward());
    }

    static Verdict scoped(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax() || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("needs a unichain tabular instance");
        }
        int k = w.integer("k");
        var agent = ctx.instance().agents().get(k);
        if (!agent.hasScope() || agent.observesAsWritten().length == ctx.agents()) {
            return Verdict.notApplicable("agent k observes everything");
        }
        Rational[][] g = logits(ctx, w);
        TabularPolicy pol = ctx.instance().tabularPolicy("lpi");
        JointSpace st = ctx.instance().states();
        int[] observed = java.util.stream.IntStream.range(0, ctx.agents()).filter(agent::observes).toArray();
        for (int s = 0; s < st.size(); s++) {
            for (int t = s + 1; t < st.size(); t++) {
                if (st.project(s, observed) != st.project(t, observed)) {
                    continue;
                }
                Rational shift = null;
                for (int b = 0; b < g[s].length; b++) {
                    if (pol.prob(k, s, b).isZero()) {
                        continue; // the policy row is the same at s and t (scope), so the supports agree
                    }
                    Rational d = g[s][b].subtract(g[t][b]);
                    if (shift == null) {
                        shift = d;
                    } else if (!shift.equals(d)) {
                        return Verdict.fact(false, "agent " + k + ", joint states " + s + " and " + t
                                + " share s_{O_k} but g_k differs by a non-constant vector");
                    }
                }
            }
        }
        return Verdict.fact(true, "g_k constant up to shifts within every view");
    }

    static Verdict full(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax() || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("needs a unichain tabular instance");
        }
        var agent = ctx.instance().agents().get(w.integer("k"));
        if (agent.hasScope() && agent.observesAsWritten().length != ctx.agents()) {
            return Verdict.notApplicable("agent k has a partial scope");
        }
        Rational[][] g = logits(ctx, w);
        return Verdict.fact(g.length == ctx.instance().states().size(), "one row of g_k per joint state");
    }
}
