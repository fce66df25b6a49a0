package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;
import org.localitycheck.quantity.KlProxUpdate;
import org.localitycheck.quantity.LocalizedPolicyImprovement;
import org.localitycheck.quantity.LocalizedPolicyImprovement.Certificate;
import org.localitycheck.quantity.LocalizedPolicyImprovement.Pass;
import org.localitycheck.quantity.PoissonSolution;
import org.localitycheck.quantity.PolicyEnclosure;
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

    static final int ITERATIONS = 2;

    /** The pass updates agents 1, ..., n in turn. */
    @Override
    public boolean agentOrderMatters() {
        return true;
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("kappa", Param.Kind.KAPPA), Param.of("k", Param.Kind.AGENT), Param.of("tau", Param.Kind.TAU));
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
                        "with O_k = [n], line 9's row pi_k(.|s) exp(g_k(s, .)/tau) / Z is at every s a probability vector "
                                + "whose objective <mu, g_k(s, .)> - tau KL(mu || pi_k(.|s)) of (1) is at least that of pi_k(.|s) "
                                + "and of every vertex of its support", Expected.HOLDS,
                        "Lemma 13 at each state: the closed form is the maximiser of (1), and with every coordinate observed "
                                + "it is a function of the observed state.", LpiClaim::full).convention(),
                Reading.of("outer-iterations",
                        "Algorithm 1 with Remark 16's recomputed certificate runs two outer iterations on instances with "
                                + "O_k = [n]; each iteration l is a cyclic pass satisfying Cor. 15 with per-block biases: "
                                + "rbar(pi^(l+1)) - rbar(pi^(l)) >= tau sum_k E KL - 2 sum_k osc(hhat - h)/2 at each baseline",
                        Expected.HOLDS,
                        "Thm. 14 block by block, as in cor15/per-block-bias; from the second iteration on the policies "
                                + "are irrational (known by enclosures), which cor15 does not reach. With the stale "
                                + "certificate of Algorithm 1 as written the bound fails already in the first iteration "
                                + "(cor15/stale).",
                        LpiClaim::outer).corrected());
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
        int[] observed = IntStream.range(0, ctx.agents()).filter(agent::observes).toArray();
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

    /** Runs {@link #ITERATIONS} outer iterations (recomputed certificate) and decides Cor. 15's per-block bound for each. */
    static Verdict outer(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax() || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("needs a unichain tabular instance");
        }
        for (var agent : ctx.instance().agents()) {
            if (agent.hasScope() && agent.observesAsWritten().length != ctx.agents()) {
                return Verdict.notApplicable("a partial scope (see lpi/scoped-update)");
            }
        }
        int kappa = w.integer("kappa");
        Rational tau = w.rational("tau");
        return Enclosed.escalate(Enclosed.PASS_MAX_BITS, () -> "lpi: undecided at " + Enclosed.PASS_MAX_BITS + " bits",
                bits -> {
            Optional<List<Pass>> passes;
            try {
                passes = LocalizedPolicyImprovement.iterate(PolicyEnclosure.exact(ctx.instance()), kappa, tau,
                        Certificate.RECOMPUTED, bits, ITERATIONS);
            } catch (ArithmeticException wide) {
                return null;
            }
            if (passes.isEmpty()) {
                return Verdict.notApplicable("an iterate has a multichain chain");
            }
            List<Verdict> vs = new ArrayList<>();
            for (int l = 0; l < passes.get().size() && vs != null; l++) {
                Verdict v = Cor15Claim.decide(passes.get().get(l), tau, Cor15Claim.Penalty.PER_BLOCK, bits,
                        "iteration " + l + ", kappa=" + kappa + ", tau=" + tau + ", bits " + bits);
                if (v == null) {
                    vs = null;
                } else {
                    vs.add(v);
                }
            }
            return vs == null ? null : Verdict.worst(vs);
        });
    }

    static Verdict full(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax() || ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("needs a unichain tabular instance");
        }
        int k = w.integer("k");
        var agent = ctx.instance().agents().get(k);
        if (agent.hasScope() && agent.observesAsWritten().length != ctx.agents()) {
            return Verdict.notApplicable("agent k has a partial scope");
        }
        Rational[][] g = logits(ctx, w);
        Rational tau = w.rational("tau");
        TabularPolicy pol = ctx.instance().tabularPolicy("lpi");
        int bits = 128;
        KlProxUpdate up = KlProxUpdate.of(ctx.instance(), k, g, tau, bits);
        List<Verdict> vs = new ArrayList<>();
        for (int s = 0; s < g.length; s++) {
            int m = g[s].length;
            Rational[] q = new Rational[m];
            for (int b = 0; b < m; b++) {
                q[b] = pol.prob(k, s, b);
            }
            RationalInterval sum = RationalInterval.point(Rational.ZERO);
            for (int b = 0; b < m; b++) {
                sum = sum.add(up.next(s, b));
                if (up.next(s, b).upper().signum() < 0 || (q[b].isZero() && !up.next(s, b).isPoint())) {
                    return Verdict.fact(false, "s=" + s + ": entry " + b + " of the update is negative or leaves supp pi_k");
                }
            }
            if (!sum.contains(Rational.ONE)) {
                return Verdict.fact(false, "s=" + s + ": the updated row sums to " + sum + ", not 1");
            }
            RationalInterval best = Lemma13Claim.objectiveAtMaximiser(g[s], q, tau, bits);
            Rational[] vertex = new Rational[m];
            for (int c = -1; c < m; c++) {
                Rational[] mu = q;
                if (c >= 0) {
                    if (q[c].isZero()) {
                        continue;
                    }
                    Arrays.fill(vertex, Rational.ZERO);
                    vertex[c] = Rational.ONE;
                    mu = vertex;
                }
                Rational inner = Rational.ZERO;
                for (int b = 0; b < m; b++) {
                    inner = inner.add(mu[b].multiply(g[s][b]));
                }
                RationalInterval other = RationalInterval.point(inner)
                        .subtract(Lemma13Claim.tauKl(mu, q, tau, bits));
                vs.add(Verdict.atMost(other.lower(), best.upper(), "s=" + s + ", against "
                        + (c < 0 ? "pi_k(.|s)" : "the vertex " + c)));
            }
        }
        return Verdict.worst(vs);
    }
}
