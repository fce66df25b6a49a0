package org.localitycheck.claim;

import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.JointSpace;
import org.localitycheck.quantity.IntervalPolicyChain;
import org.localitycheck.quantity.Oscillation;
import org.localitycheck.quantity.PowerBound;

/** Thm. 3: delta(h^pi) &lt;= (I - (H^pi)^T)^{-1} delta(r^pi). */
final class Thm3ResolventClaim extends BaseClaim {
    Thm3ResolventClaim() {
        super("thm3-resolvent", "Thm. 3", "delta(h^pi) <= (I - (H^pi)^T)^{-1} delta(r^pi)");
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal", "under the theorem's hypothesis rho(H) < 1: delta(h) <= (I - H^T)^{-1} delta(r^pi)",
                        Expected.HOLDS, "h = sum_t T^t (r - rbar) and Lemma 2 termwise; the Neumann series converges.",
                        (ctx, w) -> check(ctx, true)),
                Reading.of("without-hypothesis",
                        "the same inequality wherever the chain is unichain and I - H^T is invertible, rho(H) >= 1 allowed",
                        Expected.REFUTED,
                        "Outside rho(H) < 1 the inverse need not be nonnegative and the series argument is void; "
                                + "this reading shows the hypothesis is needed.",
                        (ctx, w) -> check(ctx, false)).convention(),
                Reading.of("norm-series-step",
                        "App. B.3's middle inequality: if rho(H) < 1, sum_t ||(H^T)^t delta(g)||_inf <= "
                                + "||(I - H^T)^{-1}||_{inf->inf} ||delta(g)||_inf, g = r^pi - rbar",
                        Expected.REFUTED,
                        "A sum of norms is not bounded by the norm of the sum when the coordinate where (H^T)^t delta(g) "
                                + "is largest moves with t: with one agent that keeps its state half the time and another that "
                                + "copies a coin, the terms add where the resolvent's rows do not. The end-to-end bound "
                                + "(reading literal) still holds.",
                        Thm3ResolventClaim::normSeries),
                Reading.of("series-first-step",
                        "App. B.3's first inequality: if rho(H) < 1, ||delta(h)||_inf <= sum_t ||(H^T)^t delta(g)||_inf, "
                                + "g = r^pi - rbar, h the Poisson solution",
                        Expected.HOLDS,
                        "delta(h) <= sum_t delta(T^t g) <= sum_t (H^T)^t delta(g) entrywise (subadditivity of delta, "
                                + "Lemma 2 iterated), and the sup norm of a sum is at most the sum of the norms.",
                        Thm3ResolventClaim::seriesFirstStep)
                        .provenBy("h = sum_t T^t g converges (rbar the average reward, rho(H) < 1), so delta_i(h) <= "
                                + "sum_t delta_i(T^t g) by subadditivity of the oscillation, and delta(T^t g) <= (H^T)^t "
                                + "delta(g) by Lemma 2 applied t times (H^T is nonnegative, so it keeps the order). Taking "
                                + "the sup norm, ||delta(h)||_inf <= ||sum_t (H^T)^t delta(g)||_inf <= sum_t ||(H^T)^t "
                                + "delta(g)||_inf. The check computes both sides exactly up to a certified tail."));
    }

    /**
     * ||delta(h)||_inf against sum_t ||(H^T)^t b||_inf, b = delta(r^pi), with the series summed to SERIES_TERMS terms
     * (a lower bound on it, so the ratio reported is the true one or above): holds when the partial sum reaches the
     * left-hand side; violated when the left-hand side exceeds the partial sum plus the bound on its tail.
     */
    static Verdict seriesFirstStep(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax()) {
            return Verdict.notApplicable("needs a tabular instance");
        }
        if (ctx.compareRho(Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        if (ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("multichain");
        }
        Rational lhs = ctx.delta(ctx.poisson().get().poisson()).normInf();
        RationalMatrix ht = ctx.h().transpose();
        RationalVector b = ctx.deltaReward();
        Rational sum = Rational.ZERO;
        RationalVector v = b;
        for (int t = 0; t < SERIES_TERMS && v.normInf().signum() != 0; t++) {
            sum = sum.add(v.normInf());
            v = ht.multiply(v);
        }
        // the norm of the summed series bounds the sum of the norms from below, exactly, also where they are equal
        Rational summed = Checks.resolvent(ht).multiply(b).normInf();
        return againstSeries(lhs, sum, summed, v.normInf().signum() == 0, ht, b.normInf(), "");
    }

    /**
     * lhs &lt;= S for a series S of nonnegative terms bounded by ||(H^T)^t|| bNorm, given its partial sum (exact when
     * {@code ended}, the remaining terms being zero), an exact lower bound {@code summed} of S (the norm of the summed
     * series), and, if neither decides, the tail bound of {@link #tailBound}. Holds against the larger lower bound, so
     * the ratio reported is the true one or above.
     */
    static Verdict againstSeries(Rational lhs, Rational partial, Rational summed, boolean ended, RationalMatrix ht,
            Rational bNorm, String where) {
        Rational lower = partial.max(summed);
        String what = ended ? "the whole series" : lower.equals(partial) ? "the first " + SERIES_TERMS + " terms"
                : "the norm of the summed series";
        if (lhs.compareTo(lower) <= 0 || ended) {
            return Verdict.atMost(lhs, lower, where + what);
        }
        Optional<Rational> tail = tailBound(ht, bNorm);
        if (tail.isEmpty()) {
            return Verdict.notApplicable("rho(H) too close to 1 to bound the tail");
        }
        Rational upper = partial.add(tail.get());
        if (lhs.compareTo(upper) > 0) {
            return Verdict.atMost(lhs, upper, where + SERIES_TERMS + " terms plus a tail bound");
        }
        return Verdict.notApplicable("undecided: the left-hand side lies between the partial sum and its tail bound");
    }

    /**
     * A bound on sum_{t &gt;= SERIES_TERMS} ||(H^T)^t|| bNorm: C lambda'^T/(1 - lambda') bNorm, C the least constant of
     * ||(H^T)^t|| &lt;= C lambda'^t at lambda' halfway from rho(H) to 1. Empty when no such bound is found.
     */
    static Optional<Rational> tailBound(RationalMatrix ht, Rational bNorm) {
        RationalInterval rho = SpectralRadius.enclose(ht);
        Rational lambda = rho.upper().add(Rational.ONE).multiply(Rational.HALF);
        if (lambda.compareTo(Rational.ONE) >= 0) {
            return Optional.empty();
        }
        return PowerBound.leastConstant(ht, lambda).map(c -> c.constant().multiply(lambda.pow(SERIES_TERMS))
                .divide(Rational.ONE.subtract(lambda)).multiply(bNorm));
    }

    /** Terms of the series summed exactly before the tail is bounded. */
    static final int SERIES_TERMS = 64;

    /**
     * sum_t ||(H^T)^t b|| against ||(I - H^T)^{-1}|| ||b||: violated as soon as a partial sum exceeds the right-hand
     * side (the terms are nonnegative); otherwise the tail after SERIES_TERMS terms is bounded by C lambda'^T/(1 -
     * lambda') ||b|| with C the least constant of ||(H^T)^t|| &lt;= C lambda'^t at a lambda' in (rho(H), 1).
     */
    static Verdict normSeries(Context ctx, Witness w) {
        if (ctx.instance() == null || ctx.isSoftmax()) {
            return Verdict.notApplicable("needs a tabular instance");
        }
        if (ctx.compareRho(Rational.ONE) >= 0) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        RationalMatrix ht = ctx.h().transpose();
        RationalVector b = ctx.deltaReward();
        RationalMatrix res = Checks.resolvent(ht);
        Rational rhs = res.normInf().multiply(b.normInf());
        Rational sum = Rational.ZERO;
        RationalVector v = b;
        for (int t = 0; t < SERIES_TERMS; t++) {
            sum = sum.add(v.normInf());
            if (sum.compareTo(rhs) > 0) {
                return Verdict.atMost(sum, rhs, "partial sum up to t = " + t);
            }
            v = ht.multiply(v);
        }
        if (v.normInf().signum() == 0) {
            return Verdict.atMost(sum, rhs, "the series ends (H^T nilpotent on delta(g))");
        }
        Optional<Rational> tail = tailBound(ht, b.normInf());
        if (tail.isEmpty()) {
            return Verdict.notApplicable("rho(H) too close to 1 to bound the tail");
        }
        Rational upper = sum.add(tail.get());
        if (upper.compareTo(rhs) <= 0) {
            return Verdict.atMost(upper, rhs, "partial sum of " + SERIES_TERMS + " terms plus a tail bound");
        }
        return Verdict.notApplicable("undecided: the tail bound straddles the right-hand side");
    }

    /** Every general family, then softmax policies (the literal reading, decided on enclosures). */
    @Override
    public List<String> families() {
        return List.of("any", "softmax");
    }

    /**
     * For a softmax policy: rho(H) &lt; 1 is decided on the enclosure (rho is monotone on nonnegative matrices), then
     * delta(h) from the chain's enclosure of h against (I - H^T)^{-1} delta(r^pi), which is monotone in H and in
     * delta(r^pi) when rho(H) &lt; 1 (a Neumann series of nonnegative terms).
     */
    static Verdict enclosed(Context ctx, boolean requireHypothesis) {
        if (!requireHypothesis) {
            return Verdict.notApplicable("softmax: the reading without the hypothesis is checked on tabular policies");
        }
        boolean below = Enclosed.escalate(Enclosed.MAX_BITS, () -> "undecided at " + Enclosed.MAX_BITS
                + " bits: rho(H) against 1", bits -> {
                    SoftmaxEnclosures e = ctx.softmax(bits);
                    if (SpectralRadius.compare(e.h.upper(), Rational.ONE) < 0) {
                        return Boolean.TRUE;
                    }
                    return SpectralRadius.compare(e.h.lower(), Rational.ONE) >= 0 ? Boolean.FALSE : null;
                });
        if (!below) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        if (ctx.softmax(Enclosed.START_BITS).chain().isEmpty()) {
            return Verdict.notApplicable("multichain");
        }
        JointSpace st = ctx.instance().states();
        return Checks.entrywise(bits -> {
            SoftmaxEnclosures e = ctx.softmax(bits);
            if (SpectralRadius.compare(e.h.upper(), Rational.ONE) >= 0) {
                throw new ArithmeticException("rho(H_hi) >= 1 at " + bits + " bits");
            }
            IntervalPolicyChain ch = e.chain().get();
            RationalInterval[] dh = Oscillation.delta(st, ch.pointSolution().poisson(), ch.poissonRadius());
            RationalInterval[] b = Oscillation.delta(st, FractionVector.of(e.pointLoop.rewardUnderPolicy()),
                    e.policy.rewardRadiusMax());
            RationalVector lo = Checks.resolvent(e.h.lower().transpose()).multiply(ends(b, false));
            RationalVector hi = Checks.resolvent(e.h.upper().transpose()).multiply(ends(b, true));
            RationalInterval[] rhs = new RationalInterval[lo.size()];
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = RationalInterval.of(lo.get(i), hi.get(i));
            }
            return new RationalInterval[][] {dh, rhs};
        }, "delta(h)");
    }

    private static RationalVector ends(RationalInterval[] x, boolean upper) {
        Rational[] v = new Rational[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = upper ? x[i].upper() : x[i].lower();
        }
        return RationalVector.of(v);
    }

    static Verdict check(Context ctx, boolean requireHypothesis) {
        if (ctx.isSoftmax()) {
            return enclosed(ctx, requireHypothesis);
        }
        boolean below = ctx.compareRho(Rational.ONE) < 0;
        if (requireHypothesis && !below) {
            return Verdict.notApplicable("rho(H) >= 1");
        }
        if (!requireHypothesis && below) {
            return Verdict.notApplicable("rho(H) < 1: the literal reading's case");
        }
        if (ctx.poisson().isEmpty()) {
            return Verdict.notApplicable("multichain");
        }
        RationalMatrix res = Checks.resolvent(ctx.h().transpose());
        if (res == null) {
            return Verdict.notApplicable("I - H^T is singular");
        }
        return Checks.entrywise(ctx.delta(ctx.poisson().get().poisson()), res.multiply(ctx.deltaReward()), "delta(h)");
    }
}
