package org.localitycheck.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;

/**
 * Runs a claim's readings on generated cases. Case i of a claim under base seed S is determined by
 * (S, claim id, i) alone, so any case, and any finding, can be regenerated from its recorded seed.
 */
public final class Search {
    /** Candidate checks allowed to the shrinker per finding. */
    public static final int SHRINK_BUDGET = 3000;

    private Search() {
    }

    /** The seed of case i of a claim. */
    public static long caseSeed(long baseSeed, String claimId, long index) {
        long h = baseSeed * 0x9E3779B97F4A7C15L + claimId.hashCode();
        return new SplittableRandom(h ^ (index * 0xBF58476D1CE4E5B9L)).nextLong();
    }

    /** The families a claim's cases are drawn from. */
    public static List<String> families(Claim claim) {
        if (claim.family().equals("any") && claim.families().equals(List.of("any"))) {
            return Families.GENERAL;
        }
        List<String> out = new ArrayList<>();
        for (String f : claim.families()) {
            out.addAll(f.equals("any") ? Families.GENERAL : List.of(f)); // "any": every general family
        }
        return out;
    }

    /** The case drawn for (claim, seed): instance and witness. Instance null for family "none". */
    public static Case draw(Claim claim, long caseSeed, long index) {
        List<String> fams = families(claim);
        return draw(claim, fams.get((int) Math.floorMod(index, (long) fams.size())), caseSeed);
    }

    /** The case drawn from a named family with a case seed (how a stored finding is re-derived). */
    public static Case draw(Claim claim, String family, long caseSeed) {
        SplittableRandom rnd = new SplittableRandom(caseSeed);
        Generated g = family.equals("none") ? new Generated(null, Witness.empty(), "none", caseSeed)
                : Families.generate(family, rnd.nextLong());
        Context ctx = new Context(g.instance());
        Witness w = WitnessGenerator.draw(claim.parameters(), ctx, g.familyParams(), rnd);
        return new Case(g, ctx, w);
    }

    public record Case(Generated generated, Context context, Witness witness) {
        /** A 64-bit key of the instance (its canonical JSON), or of the witness when there is no instance. */
        public long key() {
            return instanceKey(generated.instance(), witness);
        }
    }

    /** A 64-bit key of an instance's canonical JSON (name dropped), or of the witness when the instance is null. */
    public static long instanceKey(Instance inst, Witness w) {
        String text = inst == null ? w.toString() : InstanceJson.canonical(inst.withName(null));
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ ((long) text.hashCode() << 32);
    }

    /** Checks one reading, turning an undecidable case (an exception) into null. */
    public static Verdict check(Reading r, Context ctx, Witness w) {
        try {
            return r.check().apply(ctx, w);
        } catch (ArithmeticException undecided) {
            return null;
        }
    }

    /** How a run treats violations: how many to shrink per reading, which readings, how far to climb. */
    public record Options(int maxFindings, Predicate<Reading> shrinkable, int climbSteps) {
        public static final Options PLAIN = new Options(Integer.MAX_VALUE, r -> true, 0);
    }

    /** Runs {@code tries} consecutive cases with every violation shrunk and no climbing. */
    public static Map<String, ReadingStats> run(Claim claim, List<Reading> readings, long baseSeed, long fromIndex,
            long tries, Consumer<Finding> onFinding, BooleanSupplier stop) {
        return run(claim, readings, baseSeed, fromIndex, 1, tries, Options.PLAIN, onFinding, stop);
    }

    /**
     * Runs the cases fromIndex, fromIndex + stride, ... ({@code tries} of them). Violations of readings the
     * options accept are shrunk and passed to {@code onFinding} (at most maxFindings per reading; later ones
     * are counted). With climbSteps &gt; 0, each reading's tightest case that held is then climbed
     * ({@link HillClimb}) and a violation reached that way is shrunk and reported too.
     */
    public static Map<String, ReadingStats> run(Claim claim, List<Reading> readings, long baseSeed, long fromIndex,
            long stride, long tries, Options opt, Consumer<Finding> onFinding, BooleanSupplier stop) {
        Map<String, ReadingStats> stats = new LinkedHashMap<>();
        for (Reading r : readings) {
            stats.put(r.name(), new ReadingStats());
        }
        Set<String> found = new HashSet<>();
        Map<String, Integer> shrunk = new HashMap<>();
        Map<String, long[]> tightest = new HashMap<>(); // reading -> {seed, index}
        Map<String, Verdict> tightestVerdict = new HashMap<>();
        for (long q = 0; q < tries && !stop.getAsBoolean(); q++) {
            long i = fromIndex + q * stride;
            long seed = caseSeed(baseSeed, claim.id(), i);
            Case c = draw(claim, seed, i);
            long key = c.key();
            for (Reading r : readings) {
                Verdict v = check(r, c.context(), c.witness());
                if (v == null) {
                    stats.get(r.name()).addUndecided(c.context().isSoftmax());
                    continue;
                }
                stats.get(r.name()).add(v, seed, i, c.context().isSoftmax(), key);
                boolean wanted = !r.existential() && onFinding != null && opt.shrinkable().test(r);
                if (v.applicable() && !v.holds() && wanted && shrunk.getOrDefault(r.name(), 0) < opt.maxFindings()) {
                    shrunk.merge(r.name(), 1, Integer::sum);
                    Finding f = shrink(claim, r, c.generated(), c.witness(), seed, i, 0, 0);
                    if (found.add(r.name() + "|" + key(f))) {
                        onFinding.accept(f);
                    }
                } else if (v.applicable() && v.holds() && wanted && opt.climbSteps() > 0
                        && (tightestVerdict.get(r.name()) == null || HillClimb.better(v, tightestVerdict.get(r.name())))) {
                    tightestVerdict.put(r.name(), v);
                    tightest.put(r.name(), new long[] {seed, i});
                }
            }
        }
        for (Reading r : readings) {
            long[] t = tightest.get(r.name());
            if (t == null || stop.getAsBoolean() || shrunk.getOrDefault(r.name(), 0) >= opt.maxFindings()) {
                continue;
            }
            long climbSeed = t[0] ^ 0x5DEECE66DL;
            Case c = draw(claim, t[0], t[1]);
            HillClimb.Outcome o = HillClimb.climb(claim, r, c.generated().instance(), c.witness(), climbSeed, opt.climbSteps(),
                    stop);
            if (stop.getAsBoolean()) {
                break; // an interrupted climb is not reproducible from its seed: drop it
            }
            if (o.verdict() != null && o.verdict().applicable() && !o.verdict().holds()) {
                stats.get(r.name()).addClimbed();
                shrunk.merge(r.name(), 1, Integer::sum);
                Generated g = new Generated(o.instance(), Witness.empty(), c.generated().family(), c.generated().seed());
                onFinding.accept(shrink(claim, r, g, o.witness(), t[0], t[1], climbSeed, opt.climbSteps()));
            }
        }
        return stats;
    }

    private static String key(Finding f) {
        return (f.instance() == null ? "" : InstanceJson.canonical(f.instance().withName(null)))
                + f.witness();
    }

    /** Shrinks a violating case with the same reading as the predicate. */
    public static Finding shrink(Claim claim, Reading r, Generated g, Witness w, long seed, long index, long climbSeed,
            int climbSteps) {
        Instance inst = g.instance();
        boolean structural = inst != null && claim.family().equals("any");
        Shrinker s = new Shrinker((i, x) -> {
            Verdict v = r.check().apply(new Context(i), x);
            return v.applicable() && !v.holds();
        }, claim.parameters(), structural, SHRINK_BUDGET);
        Shrinker.Result res = s.shrink(inst, w);
        Verdict v = r.check().apply(new Context(res.instance()), res.witness());
        return new Finding(claim.id(), r.name(), res.instance(), res.witness(), v, g.family(), seed, index, climbSeed,
                climbSteps, res.steps());
    }

    /** Re-derives a finding from its recorded seeds alone: draw the case, climb if it was climbed, shrink. */
    public static Finding reproduce(Claim claim, Reading r, String family, long seed, long index, long climbSeed,
            int climbSteps) {
        if (family.equals(Optimiser.GENERATOR)) {
            Optimiser.Outcome o = Optimiser.run(claim, r, seed, (int) index);
            return shrink(claim, r, new Generated(o.instance(), Witness.empty(), family, seed), o.witness(), seed, index, 0, 0);
        }
        Case c = family.startsWith(Exhaustive.PREFIX) ? Exhaustive.reproduce(claim, family, seed, index)
                : draw(claim, family, seed);
        Instance inst = c.generated().instance();
        Witness w = c.witness();
        if (climbSteps > 0) {
            HillClimb.Outcome o = HillClimb.climb(claim, r, inst, w, climbSeed, climbSteps);
            inst = o.instance();
            w = o.witness();
        }
        Generated g = new Generated(inst, Witness.empty(), c.generated().family(), c.generated().seed());
        return shrink(claim, r, g, w, seed, index, climbSeed, climbSteps);
    }
}
