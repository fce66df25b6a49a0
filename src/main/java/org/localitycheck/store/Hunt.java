package org.localitycheck.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.search.Exhaustive;
import org.localitycheck.search.Finding;
import org.localitycheck.search.Optimiser;
import org.localitycheck.search.ReadingStats;
import org.localitycheck.search.Scope;
import org.localitycheck.search.Search;

/**
 * The hunt driver: runs the search of the selected readings on a pool of threads (drawn cases, a whole scope, or
 * optimiser starts) and writes each certified finding to the output folder with {@link CounterexampleFile}. The
 * caller shows the progress and prints the tables; nothing here prints.
 */
public final class Hunt {
    /** What a run reports as it goes; called from the worker threads. */
    public interface Listener {
        /** A worker starts on a claim's readings. */
        void working(String claim, int readings);

        /** Cases decided, and the violations among them of refuted readings and of readings catalogued to hold. */
        void cases(long n, long expectedViolations, long unexpectedViolations);

        /** One line worth showing, such as a stored finding. */
        void note(String line);

        /** The workers are running. */
        void started();

        /** The workers are done (or stopped). */
        void stopped();
    }

    /**
     * The run's settings. {@code tries > 0}: that many cases per claim, deterministic; else cases until
     * {@code deadline} (a {@link System#nanoTime} value). Cases {@code shard}, {@code shard + shards}, ... of each
     * claim's sequence are this run's.
     */
    public record Options(long seed, long tries, long deadline, int threads, int shard, int shards,
            int findingsPerReading, int climbSteps, Path out) {
    }

    /**
     * Per reading key ({@code claim/reading}): its statistics and the files stored for it ("(already stored)" where
     * the same file was there; families as {@code families/NAME}); {@code instances}, for a scope, the instances
     * decided.
     */
    public record Outcome(Map<String, ReadingStats> stats, Map<String, List<String>> stored, long instances) {
    }

    private final Options options;
    private final BooleanSupplier stop;
    private final Listener listener;
    private final Map<String, List<String>> stored = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private Hunt(Options options, BooleanSupplier stop, Listener listener) {
        this.options = options;
        this.stop = stop;
        this.listener = listener;
    }

    /**
     * Drawn cases: with {@code tries} each claim runs its own fixed cases; on a deadline the workers take the claims
     * in turn, one chunk of 16 cases at a time, so that every claim gets its share of the time. Readings checked on a
     * uniformity family get its file unless the run was stopped.
     */
    public static Outcome sample(Map<Claim, List<Reading>> selection, Options o, BooleanSupplier stop, Listener l)
            throws Exception {
        Hunt h = new Hunt(o, stop, l);
        Map<String, ReadingStats> stats = new ConcurrentHashMap<>();
        List<Callable<Void>> jobs = new ArrayList<>();
        if (o.tries() > 0) {
            for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
                jobs.add(() -> {
                    h.runChunk(e.getKey(), e.getValue(), o.shard(), o.shards(), o.tries(), stats);
                    return null;
                });
            }
        } else {
            List<Map.Entry<Claim, List<Reading>>> entries = new ArrayList<>(selection.entrySet());
            AtomicLong ticket = new AtomicLong();
            Map<Claim, AtomicLong> chunks = new ConcurrentHashMap<>();
            for (int t = 0; t < o.threads(); t++) {
                jobs.add(() -> {
                    while (!h.stopped()) {
                        Map.Entry<Claim, List<Reading>> e = entries.get((int) (ticket.getAndIncrement() % entries.size()));
                        long n = chunks.computeIfAbsent(e.getKey(), k -> new AtomicLong()).getAndIncrement();
                        h.runChunk(e.getKey(), e.getValue(), o.shard() + n * 16 * o.shards(), o.shards(), 16, stats);
                    }
                    return null;
                });
            }
        }
        h.runOnPool(jobs);
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            for (Reading r : e.getValue()) {
                String key = e.getKey().id() + "/" + r.name();
                if (FamilyFile.family(key) != null && !stop.getAsBoolean()) {
                    Path p = FamilyFile.write(o.out(), key);
                    h.stored.computeIfAbsent(key, k -> new ArrayList<>()).add(p == null ? "(family already stored)"
                            : "families/" + p.getFileName());
                }
            }
        }
        return new Outcome(stats, h.stored, 0);
    }

    /**
     * A whole scope: the threads split its instance numbers (within this shard) and every representative is checked
     * against every witness of each reading's grid; the findings are stored unless the run was stopped.
     */
    public static Outcome exhaustive(Scope scope, Map<Claim, List<Reading>> selection, Options o, BooleanSupplier stop,
            Listener l) throws Exception {
        Hunt h = new Hunt(o, stop, l);
        List<Exhaustive.Outcome> parts = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < o.threads(); t++) {
            int sub = o.shard() + t * o.shards();
            jobs.add(() -> {
                AtomicLong last = new AtomicLong();
                parts.add(Exhaustive.run(scope, selection, sub, o.shards() * o.threads(),
                        v -> l.cases(v - last.getAndSet(v), 0, 0), stop));
                return null;
            });
        }
        h.runOnPool(jobs);
        if (!stop.getAsBoolean()) {
            for (Finding f : Exhaustive.findings(scope, parts)) {
                h.store(f);
            }
            h.rethrow();
        }
        Map<String, ReadingStats> stats = new LinkedHashMap<>();
        long instances = 0;
        for (Exhaustive.Outcome part : parts) {
            instances += part.instances();
            part.stats().forEach((k, v) -> stats.computeIfAbsent(k, x -> new ReadingStats()).merge(v));
        }
        return new Outcome(stats, h.stored, instances);
    }

    /** The optimiser's summary of each reading it ran on, in the selection's order, and the files stored. */
    public record Optimised(Map<String, Optimiser.Summary> summaries, Map<String, List<String>> stored) {
    }

    /**
     * {@code starts} optimiser starts for each reading about every instance that the optimiser covers; the first
     * violation of a reading is shrunk and stored.
     */
    public static Optimised optimise(Map<Claim, List<Reading>> selection, int starts, Options o, BooleanSupplier stop,
            Listener l) throws Exception {
        Hunt h = new Hunt(o, stop, l);
        List<Map.Entry<Claim, Reading>> readings = new ArrayList<>();
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            for (Reading r : e.getValue()) {
                if (Exhaustive.covers(e.getKey(), r) && !r.existential()) {
                    readings.add(Map.entry(e.getKey(), r));
                }
            }
        }
        Map<String, Optimiser.Summary> done = new ConcurrentHashMap<>();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (Map.Entry<Claim, Reading> j : readings) {
            jobs.add(() -> {
                Optimiser.Summary s = Optimiser.hunt(j.getKey(), j.getValue(), o.seed(), starts, stop);
                done.put(j.getKey().id() + "/" + j.getValue().name(), s);
                l.cases(s.starts(), 0, 0);
                if (s.finding() != null) {
                    h.store(s.finding());
                }
                return null;
            });
        }
        h.runOnPool(jobs);
        Map<String, Optimiser.Summary> ordered = new LinkedHashMap<>();
        for (Map.Entry<Claim, Reading> j : readings) {
            String key = j.getKey().id() + "/" + j.getValue().name();
            if (done.containsKey(key)) {
                ordered.put(key, done.get(key));
            }
        }
        return new Optimised(ordered, h.stored);
    }

    /** Whether a reading catalogued to hold was violated: the run found a failure of the suite (or of a proof). */
    public static boolean holdsViolated(Reading r, long violations) {
        return r.expected() == Expected.HOLDS && !r.existential() && violations > 0;
    }

    private boolean stopped() {
        return stop.getAsBoolean() || System.nanoTime() >= options.deadline();
    }

    /** Runs the jobs on a pool of the options' threads and waits for all of them; a failed store is rethrown. */
    private void runOnPool(List<Callable<Void>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> j : jobs) {
                futures.add(pool.submit(j));
            }
            listener.started();
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            listener.stopped();
        }
        rethrow();
    }

    private void rethrow() throws Exception {
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Runs {@code count} cases of one claim from case {@code from} with the given stride and merges the results. */
    private void runChunk(Claim c, List<Reading> readings, long from, long stride, long count,
            Map<String, ReadingStats> stats) {
        // the limit is per reading: on a deadline, a reading with its findings stored is no longer shrunk (its later
        // violations are counted), while every other reading of the claim still is
        Predicate<Reading> open = r -> options.tries() > 0
                || stored.getOrDefault(c.id() + "/" + r.name(), List.of()).size() < options.findingsPerReading();
        listener.working(c.id(), readings.size());
        Map<String, ReadingStats> part = Search.run(c, readings, options.seed(), from, stride, count,
                new Search.Options(options.findingsPerReading(), open, options.climbSteps()), this::store,
                this::stopped);
        for (Map.Entry<String, ReadingStats> ps : part.entrySet()) {
            stats.computeIfAbsent(c.id() + "/" + ps.getKey(), k -> new ReadingStats()).merge(ps.getValue());
            // an existential reading's "violations" are the witnesses it asks for, not violations
            Reading rd = c.reading(ps.getKey());
            long v = rd.existential() ? 0 : ps.getValue().violations();
            boolean expected = rd.expected() != Expected.HOLDS;
            listener.cases(ps.getValue().checked() + ps.getValue().notApplicable() + ps.getValue().undecided(),
                    expected ? v : 0, expected ? 0 : v);
        }
    }

    private void store(Finding f) {
        try {
            String key = f.claim() + "/" + f.reading();
            Path p;
            synchronized (stored) {
                // on a deadline, chunks of one claim run at once: the per-reading limit is enforced here, exactly (a
                // violation past it is counted in the table, not stored)
                if (options.tries() == 0 && stored.getOrDefault(key, List.of()).size() >= options.findingsPerReading()) {
                    return;
                }
                p = CounterexampleFile.write(options.out(), f);
                stored.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(p == null ? "(already stored)" : p.getFileName().toString());
            }
            listener.note("certified " + key + (p == null ? " (already stored)" : " -> " + p));
        } catch (IOException e) {
            failure.compareAndSet(null, e);
        }
    }
}
