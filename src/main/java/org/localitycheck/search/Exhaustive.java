package org.localitycheck.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;

/**
 * Every instance of a scope, up to symmetry, crossed with every witness of each reading's grid. A reading that
 * survives a whole scope holds "exhaustively in scope S (N instances)". A violation of a reading catalogued to hold is
 * shrunk and handed on with the provenance {@code exhaustive:SCOPE}, instance number and witness number, from which
 * {@link Search#reproduce} rebuilds it. Deterministic; shard i of N takes the instance numbers congruent to i.
 */
public final class Exhaustive {
    /** The generator name recorded in the files of findings from scope S. */
    public static final String PREFIX = "exhaustive:";

    private Exhaustive() {
    }

    /** Per reading key (claim/reading) the counts; {@code instances} the representatives visited. */
    public record Outcome(Map<String, ReadingStats> stats, long instances) {
    }

    /** Readings an exhaustive scope can decide: claims about every instance, readings about the given instance. */
    public static boolean covers(Claim c, Reading r) {
        return c.family().equals("any") && !r.instanceFree();
    }

    public static Outcome run(Scope scope, Map<Claim, List<Reading>> selection, int shard, int shards,
            Consumer<Finding> onFinding, LongConsumer progress, BooleanSupplier stop) {
        Map<String, ReadingStats> stats = new LinkedHashMap<>();
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            for (Reading r : e.getValue()) {
                if (covers(e.getKey(), r)) {
                    stats.put(e.getKey().id() + "/" + r.name(), new ReadingStats());
                }
            }
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        long visited = 0;
        long size = scope.size();
        for (long c = shard; c < size && !stop.getAsBoolean(); c += shards) {
            if (!scope.representative(c)) {
                continue;
            }
            Instance inst = scope.instance(c);
            Context ctx = new Context(inst);
            for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
                Claim claim = e.getKey();
                if (!claim.family().equals("any")) {
                    continue;
                }
                List<Witness> grid = WitnessGrid.all(claim.parameters(), ctx, Witness.empty());
                for (Reading r : e.getValue()) {
                    if (!covers(claim, r)) {
                        continue;
                    }
                    ReadingStats s = stats.get(claim.id() + "/" + r.name());
                    for (int wi = 0; wi < grid.size(); wi++) {
                        Verdict v = Search.check(r, ctx, grid.get(wi));
                        if (v == null) {
                            s.addUndecided(false);
                            continue;
                        }
                        s.add(v, wi, c, false, c);
                        boolean news = v.applicable() && !v.holds() && !r.existential() && r.expected() == Expected.HOLDS
                                && r.proof() == null;
                        if (news && onFinding != null && reported.add(claim.id() + "/" + r.name())) {
                            Generated g = new Generated(inst, Witness.empty(), PREFIX + scope.name(), wi);
                            onFinding.accept(Search.shrink(claim, r, g, grid.get(wi), wi, c, 0, 0));
                        }
                    }
                }
            }
            visited++;
            if (progress != null && visited % 64 == 0) {
                progress.accept(visited);
            }
        }
        return new Outcome(stats, visited);
    }

    /** The scopes {@code mvn verify} runs whole (about a minute and a half on 2 cores). */
    public static final List<String> VERIFY_SCOPES = List.of("bandit2", "bandit3", "chain1");

    /** What one scope showed of one reading. */
    public record ScopeResult(String scope, long instances, long checked, long violations) {
    }

    /**
     * Runs the scopes whole on {@code threads} threads over every reading of the catalogue; per reading key the
     * result of each scope that covers it.
     */
    public static Map<String, List<ScopeResult>> runScopes(List<String> scopes, int threads, Consumer<Finding> onFinding)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        Map<Claim, List<Reading>> all = new LinkedHashMap<>();
        for (Claim c : org.localitycheck.claim.Claims.all()) {
            all.put(c, c.readings());
        }
        Map<String, List<ScopeResult>> out = new LinkedHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (String name : scopes) {
                Scope scope = Scopes.byName(name);
                List<java.util.concurrent.Future<Outcome>> parts = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int shard = t;
                    parts.add(pool.submit(() -> run(scope, all, shard, threads, onFinding, null, () -> false)));
                }
                Map<String, ReadingStats> merged = new LinkedHashMap<>();
                for (java.util.concurrent.Future<Outcome> f : parts) {
                    f.get().stats().forEach((k, v) -> merged.computeIfAbsent(k, x -> new ReadingStats()).merge(v));
                }
                merged.forEach((k, s) -> out.computeIfAbsent(k, x -> new java.util.ArrayList<>())
                        .add(new ScopeResult(name, s.distinct(), s.checked(), s.violations())));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** The case a finding of scope {@code family} recorded: instance number and witness number. */
    static Search.Case reproduce(Claim claim, String family, long witnessIndex, long instanceNumber) {
        Scope scope = Scopes.byName(family.substring(PREFIX.length()));
        Instance inst = scope.instance(instanceNumber);
        Context ctx = new Context(inst);
        Witness w = WitnessGrid.all(claim.parameters(), ctx, Witness.empty()).get((int) witnessIndex);
        return new Search.Case(new Generated(inst, Witness.empty(), family, witnessIndex), ctx, w);
    }
}
