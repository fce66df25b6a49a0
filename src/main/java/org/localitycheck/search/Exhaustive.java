package org.localitycheck.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
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

    /**
     * Per reading key (claim/reading) the counts; {@code instances} the representatives visited; per reading that
     * the catalogue says holds, its first violation as {instance number, witness number} (the least instance number of
     * this shard, so that merging shards by the least gives the same finding for any number of threads).
     */
    public record Outcome(Map<String, ReadingStats> stats, long instances, Map<String, long[]> firstViolations) {
    }

    /** Readings an exhaustive scope can decide: claims about every instance, readings about the given instance. */
    public static boolean covers(Claim c, Reading r) {
        return c.family().equals("any") && !r.instanceFree();
    }

    /**
     * As {@link #covers(Claim, Reading)}, and within the scope's symmetry: a reading whose statement depends on the
     * numbering of the agents is run only on one-agent scopes (the reduction by agent permutations would skip orders).
     */
    public static boolean covers(Claim c, Reading r, Scope scope) {
        return covers(c, r) && (!c.agentOrderMatters() || scope.agentCount() == 1);
    }

    public static Outcome run(Scope scope, Map<Claim, List<Reading>> selection, int shard, int shards,
            LongConsumer progress, BooleanSupplier stop) {
        Map<String, ReadingStats> stats = new LinkedHashMap<>();
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            for (Reading r : e.getValue()) {
                if (covers(e.getKey(), r, scope)) {
                    stats.put(e.getKey().id() + "/" + r.name(), new ReadingStats());
                }
            }
        }
        Map<String, long[]> first = new LinkedHashMap<>();
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
                    if (!covers(claim, r, scope)) {
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
                        // a violation of a reading catalogued to hold (a proof's too) is news: it is stored
                        boolean news = v.applicable() && !v.holds() && !r.existential() && r.expected() == Expected.HOLDS;
                        if (news) {
                            first.putIfAbsent(claim.id() + "/" + r.name(), new long[] {c, wi});
                        }
                    }
                }
            }
            visited++;
            if (progress != null && visited % 64 == 0) {
                progress.accept(visited);
            }
        }
        return new Outcome(stats, visited, first);
    }

    /** The least first violations of several shards, shrunk into findings whose provenance reproduces them. */
    public static List<Finding> findings(Scope scope, List<Outcome> parts) {
        Map<String, long[]> least = new TreeMap<>();
        for (Outcome o : parts) {
            o.firstViolations().forEach((k, v) -> least.merge(k, v, (a, b) -> a[0] < b[0] || a[0] == b[0] && a[1] <= b[1] ? a : b));
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : least.entrySet()) {
            String[] key = e.getKey().split("/", 2);
            Claim claim = Claims.byId(key[0]);
            Reading r = claim.reading(key[1]);
            Search.Case c = reproduce(claim, PREFIX + scope.name(), e.getValue()[1], e.getValue()[0]);
            out.add(Search.shrink(claim, r, c.generated(), c.witness(), e.getValue()[1], e.getValue()[0], 0, 0));
        }
        return out;
    }

    /** The scopes {@code mvn verify} runs whole (about two minutes on 2 cores). */
    public static final List<String> VERIFY_SCOPES = List.of("bandit2", "bandit3", "chain1", "pair");

    /**
     * What one scope showed of one reading; {@code trivial} of the checked cases had both sides 0 and
     * {@code instancesNontrivial} instances had a case that did not.
     */
    public record ScopeResult(String scope, long instances, long checked, long violations, long undecided, long trivial,
            long instancesNontrivial) {
    }

    /**
     * Runs the scopes whole on {@code threads} threads over every reading of the catalogue; per reading key the
     * result of each scope that covers it.
     */
    public static Map<String, List<ScopeResult>> runScopes(List<String> scopes, int threads, Consumer<Finding> onFinding)
            throws InterruptedException, ExecutionException {
        // onFinding receives the shrunk first violation of each reading the catalogue says holds (none expected)
        Map<Claim, List<Reading>> all = new LinkedHashMap<>();
        for (Claim c : Claims.all()) {
            all.put(c, c.readings());
        }
        Map<String, List<ScopeResult>> out = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String name : scopes) {
                Scope scope = Scopes.byName(name);
                List<Future<Outcome>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int shard = t;
                    parts.add(pool.submit(() -> run(scope, all, shard, threads, null, () -> false)));
                }
                Map<String, ReadingStats> merged = new LinkedHashMap<>();
                List<Outcome> done = new ArrayList<>();
                for (Future<Outcome> f : parts) {
                    done.add(f.get());
                    f.get().stats().forEach((k, v) -> merged.computeIfAbsent(k, x -> new ReadingStats()).merge(v));
                }
                if (onFinding != null) {
                    findings(scope, done).forEach(onFinding);
                }
                merged.forEach((k, s) -> out.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(new ScopeResult(name, s.distinct(), s.checked(), s.violations(), s.undecided(),
                                s.trivial(), s.distinctNontrivial())));
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
