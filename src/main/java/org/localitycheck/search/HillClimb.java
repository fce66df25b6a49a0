package org.localitycheck.search;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Param;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.RandomRows;

/**
 * Targeted search, in the spirit of Hypothesis' {@code target()}: from a case, random local moves (one kernel
 * row, one policy row on an observed view, one reward, one value of a test function) are kept when they raise
 * LHS/RHS, until a violation appears or the steps run out. Deterministic in its seed.
 */
public final class HillClimb {
    private HillClimb() {
    }

    public record Outcome(Instance instance, Witness witness, Verdict verdict) {
    }

    /** Climbs from (inst, w); returns the best case seen (a violation if one was reached). */
    public static Outcome climb(Claim claim, Reading r, Instance inst, Witness w, long seed, int steps) {
        return climb(claim, r, inst, w, seed, steps, () -> false);
    }

    /** As above, giving up (with the best case so far) as soon as {@code stop} says so. */
    public static Outcome climb(Claim claim, Reading r, Instance inst, Witness w, long seed, int steps,
            BooleanSupplier stop) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Verdict best = Search.check(r, new Context(inst), w);
        if (best == null || !best.applicable()) {
            return new Outcome(inst, w, best);
        }
        // claims about one worked example keep their instance: only the witness moves
        boolean structural = inst != null && claim.family().equals("any");
        for (int step = 0; step < steps && best.holds() && !stop.getAsBoolean(); step++) {
            Instance ni = inst;
            Witness nw = w;
            try {
                if (structural && (rnd.nextInt(3) != 0 || !hasFunction(claim))) {
                    ni = mutate(inst, rnd);
                } else if (hasFunction(claim)) {
                    nw = mutateFunction(claim, ni, w, rnd);
                }
            } catch (RuntimeException invalid) {
                continue;
            }
            Verdict v = Search.check(r, new Context(ni), nw);
            if (v != null && v.applicable() && better(v, best)) {
                inst = ni;
                w = nw;
                best = v;
            }
        }
        return new Outcome(inst, w, best);
    }

    static boolean better(Verdict v, Verdict best) {
        if (!v.holds()) {
            return true;
        }
        Rational a = v.ratio();
        Rational b = best.ratio();
        return a != null && (b == null || a.compareTo(b) > 0);
    }

    private static boolean hasFunction(Claim c) {
        return c.parameters().stream().anyMatch(p -> p.kind() == Param.Kind.FUNCTION);
    }

    static Instance mutate(Instance inst, SplittableRandom rnd) {
        InstanceBuilder b = InstanceBuilder.from(inst);
        int kind = rnd.nextInt(3);
        int s = rnd.nextInt(b.states.size());
        if (kind == 0) {
            int j = rnd.nextInt(b.n());
            int a = rnd.nextInt(b.actions.size());
            int m = b.states.localSize(j);
            b.kernel[j][s][a] = rnd.nextBoolean() ? RandomRows.pointMass(m, rnd.nextInt(m))
                    : RandomRows.probability(rnd, m, 2 + rnd.nextInt(7), false);
        } else if (kind == 1) {
            int k = rnd.nextInt(b.n());
            int m = b.agents.get(k).actions();
            Rational[] row = rnd.nextBoolean() ? RandomRows.pointMass(m, rnd.nextInt(m))
                    : RandomRows.probability(rnd, m, 2 + rnd.nextInt(7), false);
            int[] observed = Families.observed(b, k);
            int view = b.states.project(s, observed);
            for (int t = 0; t < b.states.size(); t++) {
                if (b.states.project(t, observed) == view) {
                    b.policy[k][t] = row.clone();
                }
            }
        } else {
            int a = rnd.nextInt(b.actions.size());
            b.reward[s][a] = Rational.of(rnd.nextInt(5) - 2);
        }
        return b.build(inst.name());
    }

    static Witness mutateFunction(Claim c, Instance inst, Witness w, SplittableRandom rnd) {
        for (Param p : c.parameters()) {
            if (p.kind() == Param.Kind.FUNCTION && w.has(p.name())) {
                Rational[] f = w.vector(p.name());
                f[rnd.nextInt(f.length)] = Rational.of(rnd.nextInt(5) - 2);
                return w.with(p.name(), f);
            }
        }
        return w;
    }
}
