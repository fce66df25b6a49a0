package org.localitycheck.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;

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
        String f = claim.family();
        if (f.equals("any")) {
            return Families.GENERAL;
        }
        return f.equals("none") ? List.of("none") : List.of(f);
    }

    /** The case drawn for (claim, seed): instance and witness. Instance null for family "none". */
    public static Case draw(Claim claim, long caseSeed, long index) {
        List<String> fams = families(claim);
        String family = fams.get((int) Math.floorMod(index, (long) fams.size()));
        SplittableRandom rnd = new SplittableRandom(caseSeed);
        Generated g = family.equals("none") ? new Generated(null, Witness.empty(), "none", caseSeed)
                : Families.generate(family, rnd.nextLong());
        Context ctx = new Context(g.instance());
        Witness w = WitnessGenerator.draw(claim.parameters(), ctx, g.familyParams(), rnd);
        return new Case(g, ctx, w);
    }

    public record Case(Generated generated, Context context, Witness witness) {
    }

    /** Checks one reading, turning an undecidable case (an exception) into null. */
    public static Verdict check(Reading r, Context ctx, Witness w) {
        try {
            return r.check().apply(ctx, w);
        } catch (ArithmeticException undecided) {
            return null;
        }
    }

    /**
     * Runs {@code tries} cases of a claim; violations of readings not marked existential are shrunk and
     * passed to {@code onFinding}. Stops early when {@code stop} says so. Returns per-reading statistics.
     */
    public static Map<String, ReadingStats> run(Claim claim, List<Reading> readings, long baseSeed, long fromIndex,
            long tries, Consumer<Finding> onFinding, BooleanSupplier stop) {
        return run(claim, readings, baseSeed, fromIndex, 1, tries, Integer.MAX_VALUE, onFinding, stop);
    }

    /**
     * As above over the cases fromIndex, fromIndex + stride, ... ({@code tries} of them), shrinking at most
     * {@code maxFindings} violations per reading (later ones are counted, not shrunk).
     */
    public static Map<String, ReadingStats> run(Claim claim, List<Reading> readings, long baseSeed, long fromIndex,
            long stride, long tries, int maxFindings, Consumer<Finding> onFinding, BooleanSupplier stop) {
        return run(claim, readings, baseSeed, fromIndex, stride, tries, maxFindings, r -> true, onFinding, stop);
    }

    /** As above, shrinking only violations of readings that {@code shrinkable} accepts. */
    public static Map<String, ReadingStats> run(Claim claim, List<Reading> readings, long baseSeed, long fromIndex,
            long stride, long tries, int maxFindings, java.util.function.Predicate<Reading> shrinkable,
            Consumer<Finding> onFinding, BooleanSupplier stop) {
        Map<String, ReadingStats> stats = new LinkedHashMap<>();
        for (Reading r : readings) {
            stats.put(r.name(), new ReadingStats());
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        Map<String, Integer> shrunk = new java.util.HashMap<>();
        for (long q = 0; q < tries && !stop.getAsBoolean(); q++) {
            long i = fromIndex + q * stride;
            long seed = caseSeed(baseSeed, claim.id(), i);
            Case c = draw(claim, seed, i);
            for (Reading r : readings) {
                if (r.expected() == Expected.PENDING) {
                    stats.get(r.name()).add(Verdict.notApplicable("pending"));
                    continue;
                }
                Verdict v = check(r, c.context(), c.witness());
                if (v == null) {
                    stats.get(r.name()).addUndecided();
                    continue;
                }
                stats.get(r.name()).add(v);
                if (v.applicable() && !v.holds() && !r.existential() && onFinding != null
                        && shrunk.getOrDefault(r.name(), 0) < maxFindings && shrinkable.test(r)) {
                    shrunk.merge(r.name(), 1, Integer::sum);
                    Finding f = shrink(claim, r, c, seed, i);
                    if (found.add(r.name() + "|" + key(f))) {
                        onFinding.accept(f);
                    }
                }
            }
        }
        return stats;
    }

    private static String key(Finding f) {
        return (f.instance() == null ? "" : org.localitycheck.model.InstanceJson.canonical(f.instance().withName(null)))
                + f.witness();
    }

    /** Shrinks a violating case with the same reading as the predicate. */
    public static Finding shrink(Claim claim, Reading r, Case c, long seed, long index) {
        Instance inst = c.generated().instance();
        boolean structural = inst != null && claim.family().equals("any");
        Shrinker s = new Shrinker((i, w) -> {
            Verdict v = r.check().apply(new Context(i), w);
            return v.applicable() && !v.holds();
        }, claim.parameters(), structural, SHRINK_BUDGET);
        Shrinker.Result res = s.shrink(inst, c.witness());
        Verdict v = r.check().apply(new Context(res.instance()), res.witness());
        return new Finding(claim.id(), r.name(), res.instance(), res.witness(), v, c.generated().family(), seed, index,
                res.steps());
    }
}
