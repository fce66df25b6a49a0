package org.localitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.search.Finding;
import org.localitycheck.search.ReadingStats;
import org.localitycheck.search.Search;
import org.localitycheck.store.CounterexampleFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hunt}: generated cases for every selected reading, certified and shrunk counterexamples written to
 * {@code --out}, a table at the end. With {@code --tries} the run is deterministic (same seed, shard and
 * tries, same files); with {@code --budget} it stops on time. SIGINT/SIGTERM stop it cleanly.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Search for counterexamples to the paper's claims; store each certified, shrunk violation.")
final class HuntCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--claims", split = ",", paramLabel = "ID[/READING]", description = "claims or readings (default: all)")
    List<String> claims;

    @Option(names = "--seed", defaultValue = "1", description = "base seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--budget", paramLabel = "DURATION", description = "stop after this long: 90s, 5m, 1h (default 60s unless --tries)")
    String budget;

    @Option(names = "--tries", defaultValue = "0", paramLabel = "N", description = "cases per claim (deterministic)")
    long tries;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: all cores)")
    int threads;

    @Option(names = "--shard", defaultValue = "0/1", paramLabel = "i/N", description = "run the cases i, i+N, i+2N, ... (default 0/1)")
    String shard;

    @Option(names = "--out", description = "folder for counterexample files (default: a run folder runs/<seed>-<tries or "
            + "budget>, so that a hunt never touches the repository's counterexamples/; merge adds findings there)")
    Path out;

    @Option(names = "--json", description = "print a JSON summary (locality-check/summary@1) instead of the table")
    boolean json;

    @Option(names = "--findings-per-reading", defaultValue = "1",
            description = "violations shrunk and stored per reading and claim task (default ${DEFAULT-VALUE}); later ones are counted")
    int findingsPerReading;

    @Option(names = "--climb-steps", defaultValue = "30",
            description = "hill-climbing steps from each reading's tightest case per chunk, 0 for none (default ${DEFAULT-VALUE})")
    int climbSteps;

    @Option(names = "--exhaustive", paramLabel = "SCOPE",
            description = "enumerate every instance of the scope up to symmetry, crossed with each reading's witness grid, "
                    + "instead of drawing cases (scopes: ${COMPLETION-CANDIDATES})", completionCandidates = ScopeNames.class)
    String exhaustive;

    @Option(names = "--optimise", paramLabel = "STARTS", defaultValue = "0",
            description = "instead of drawing cases, run STARTS optimiser starts (CMA-ES and BOBYQA, alternately) per reading, "
                    + "maximising LHS - RHS over instances of 1 or 2 binary agents; every candidate is decided exactly")
    int optimise;

    /** The scope names, for the help text. */
    static final class ScopeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return org.localitycheck.search.Scopes.all().keySet().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (spec.commandLine().getParseResult().hasMatchedOption("--tries")) {
            OptionRange.require("--tries", tries, 1, 1_000_000_000L); // 0 would silently mean "use the budget"
        }
        OptionRange.require("--threads", threads, 0, 1024);
        OptionRange.require("--climb-steps", climbSteps, 0, 1_000_000);
        OptionRange.require("--findings-per-reading", findingsPerReading, 1, 100_000);
        OptionRange.require("--optimise", optimise, 0, 1_000_000);
        Map<Claim, List<Reading>> selection = ClaimSelection.parse(claims);
        int[] sh = parseShard(shard);
        if (out == null) {
            String what = exhaustive != null ? "exhaustive-" + exhaustive : optimise > 0 ? "optimise-" + optimise
                    : tries > 0 ? "tries-" + tries : budget == null ? "60s" : budget;
            out = Path.of("runs", seed + "-" + what.replaceAll("[^A-Za-z0-9.-]", "_")
                    + (sh[1] > 1 ? "-shard-" + sh[0] + "-of-" + sh[1] : ""));
            spec.commandLine().getErr().println("hunt: writing to " + out);
        }
        OutputFolder.requireWritable(out);
        if (exhaustive != null) {
            return runExhaustive(selection, sh);
        }
        if (optimise > 0) {
            return runOptimiser(selection);
        }
        long deadline = Long.MAX_VALUE;
        if (tries <= 0) {
            deadline = System.nanoTime() + parseDuration(budget == null ? "60s" : budget).toNanos();
        } else if (budget != null) {
            throw new IllegalArgumentException("hunt: give --tries or --budget, not both");
        }
        int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean stop = new AtomicBoolean(false);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Progress progress = new Progress(err, Progress.stderrIsTerminal(), deadline);
            Map<String, ReadingStats> stats = new ConcurrentHashMap<>();
            Map<String, List<String>> stored = new ConcurrentHashMap<>();
            AtomicReference<Exception> failure = new AtomicReference<>();
            final long end = deadline;
            List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
            if (tries > 0) {
                // deterministic: each claim runs its own fixed cases
                for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
                    jobs.add(() -> {
                        runChunk(e.getKey(), e.getValue(), sh[0], sh[1], tries, stats, stored, progress, failure, stop, end);
                        return null;
                    });
                }
            } else {
                // on a budget: the workers take the claims in turn, one chunk of 16 cases at a time, so that every
                // claim gets its share of the time
                List<Map.Entry<Claim, List<Reading>>> entries = new ArrayList<>(selection.entrySet());
                AtomicLong ticket = new AtomicLong();
                Map<Claim, AtomicLong> chunks = new ConcurrentHashMap<>();
                for (int t = 0; t < nThreads; t++) {
                    jobs.add(() -> {
                        while (!stop.get() && System.nanoTime() < end) {
                            Map.Entry<Claim, List<Reading>> e = entries.get((int) (ticket.getAndIncrement() % entries.size()));
                            long n = chunks.computeIfAbsent(e.getKey(), k -> new AtomicLong()).getAndIncrement();
                            runChunk(e.getKey(), e.getValue(), sh[0] + n * 16 * sh[1], sh[1], 16, stats, stored, progress,
                                    failure, stop, end);
                        }
                        return null;
                    });
                }
            }
            runOnPool(nThreads, jobs, progress);
            if (failure.get() != null) {
                throw failure.get();
            }
            for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
                for (Reading r : e.getValue()) {
                    String key = e.getKey().id() + "/" + r.name();
                    if (org.localitycheck.store.FamilyFile.family(key) != null && !stop.get()) {
                        Path p = org.localitycheck.store.FamilyFile.write(out, key);
                        stored.computeIfAbsent(key, k -> new ArrayList<>()).add(p == null ? "(family already stored)"
                                : "families/" + p.getFileName());
                    }
                }
            }
            boolean holdsViolated = printTable(selection, stats, stored, stop.get());
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the table is printed, the hook returns
            }
            return holdsViolated ? Main.CHECK_FAILED : Main.OK;
        } finally {
            finished.countDown(); // a failed run must not hold the exit for the hook's 60 s
        }
    }

    /**
     * {@code --exhaustive SCOPE}: the threads split the scope's instance numbers (within this shard) and every
     * representative is checked against every witness of each reading's grid; the table says, per reading, how many
     * instances and cases it was decided on.
     */
    private int runExhaustive(Map<Claim, List<Reading>> selection, int[] sh) throws Exception {
        if (tries > 0 || budget != null) {
            throw new IllegalArgumentException("hunt: --exhaustive runs a whole scope; give neither --tries nor --budget");
        }
        org.localitycheck.search.Scope scope = org.localitycheck.search.Scopes.byName(exhaustive);
        int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        AtomicBoolean stop = new AtomicBoolean(false);
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        Progress progress = new Progress(err, Progress.stderrIsTerminal(), Long.MAX_VALUE);
        Map<String, List<String>> stored = new ConcurrentHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<org.localitycheck.search.Exhaustive.Outcome> parts = java.util.Collections.synchronizedList(new ArrayList<>());
        err.println("hunt --exhaustive " + scope.name() + ": " + scope.description() + "; " + scope.size()
                + " instances before symmetry (" + scope.symmetries() + " symmetries), shard " + sh[0] + "/" + sh[1]);
        err.flush();
        List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < nThreads; t++) {
            int sub = sh[0] + t * sh[1];
            jobs.add(() -> {
                AtomicLong last = new AtomicLong();
                parts.add(org.localitycheck.search.Exhaustive.run(scope, selection, sub, sh[1] * nThreads,
                        v -> progress.cases(v - last.getAndSet(v), 0, 0), stop::get));
                return null;
            });
        }
        runOnPool(nThreads, jobs, progress);
        if (failure.get() != null) {
            throw failure.get();
        }
        if (!stop.get()) {
            for (Finding f : org.localitycheck.search.Exhaustive.findings(scope, parts)) {
                store(f, stored, progress, failure);
            }
        }
        Map<String, ReadingStats> stats = new java.util.LinkedHashMap<>();
        long instances = 0;
        for (org.localitycheck.search.Exhaustive.Outcome o : parts) {
            instances += o.instances();
            o.stats().forEach((k, v) -> stats.computeIfAbsent(k, x -> new ReadingStats()).merge(v));
        }
        PrintWriter o = spec.commandLine().getOut();
        if (stop.get()) {
            o.println("Stopped early: the counts below cover part of the scope.");
        }
        o.println("Scope " + scope.name() + ": " + instances + " instances distinct up to symmetry (of " + scope.size() + ").");
        o.println("| claim/reading | expected | instances decided | cases | not applicable | undecided | violations | stored |");
        o.println("|---|---|---|---|---|---|---|---|");
        boolean bad = false;
        for (Map.Entry<String, ReadingStats> e : stats.entrySet()) {
            ReadingStats s = e.getValue();
            String[] key = e.getKey().split("/", 2);
            Reading r = org.localitycheck.claim.Claims.byId(key[0]).reading(key[1]);
            o.printf("| %s | %s | %d | %d | %d | %d | %d | %s |%n", e.getKey(), r.expected().label(), s.distinct(), s.checked(),
                    s.notApplicable(), s.undecided(), s.violations(), String.join(" ", stored.getOrDefault(e.getKey(), List.of())));
            bad |= r.expected() == Expected.HOLDS && !r.existential() && r.proof() == null && s.violations() > 0;
        }
        o.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // stopping: the table is printed
        }
        return bad ? Main.CHECK_FAILED : Main.OK;
    }

    /**
     * {@code --optimise STARTS}: per reading (claims about every instance), the optimiser's starts; the first violation
     * is shrunk and stored; the table gives the largest LHS - RHS reached and the first violating start.
     */
    private int runOptimiser(Map<Claim, List<Reading>> selection) throws Exception {
        if (tries > 0 || budget != null) {
            throw new IllegalArgumentException("hunt: --optimise runs a fixed number of starts; give neither --tries nor --budget");
        }
        int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicBoolean stop = new AtomicBoolean(false);
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        List<Map.Entry<Claim, Reading>> jobs = new ArrayList<>();
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            for (Reading r : e.getValue()) {
                if (org.localitycheck.search.Exhaustive.covers(e.getKey(), r) && !r.existential()) {
                    jobs.add(Map.entry(e.getKey(), r));
                }
            }
        }
        Map<String, org.localitycheck.search.Optimiser.Summary> out = new ConcurrentHashMap<>();
        Map<String, List<String>> stored = new ConcurrentHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Progress progress = new Progress(spec.commandLine().getErr(), Progress.stderrIsTerminal(), Long.MAX_VALUE);
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (Map.Entry<Claim, Reading> j : jobs) {
            tasks.add(() -> {
                var s = org.localitycheck.search.Optimiser.hunt(j.getKey(), j.getValue(), seed, optimise, stop::get);
                out.put(j.getKey().id() + "/" + j.getValue().name(), s);
                progress.cases(s.starts(), 0, 0);
                if (s.finding() != null) {
                    store(s.finding(), stored, progress, failure);
                }
                return null;
            });
        }
        runOnPool(nThreads, tasks, progress);
        if (failure.get() != null) {
            throw failure.get();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("| claim/reading | expected | starts | largest LHS - RHS | first violating start | stored |");
        o.println("|---|---|---|---|---|---|");
        boolean bad = false;
        for (Map.Entry<Claim, Reading> j : jobs) {
            String key = j.getKey().id() + "/" + j.getValue().name();
            var s = out.get(key);
            if (s == null) {
                continue;
            }
            o.printf("| %s | %s | %d | %s | %s | %s |%n", key, j.getValue().expected().label(), s.starts(),
                    s.best() == Double.NEGATIVE_INFINITY ? "-" : String.format("%.6g", s.best()),
                    s.firstViolation() < 0 ? "-" : Integer.toString(s.firstViolation()),
                    String.join(" ", stored.getOrDefault(key, List.of())));
            bad |= j.getValue().expected() == Expected.HOLDS && j.getValue().proof() == null && s.firstViolation() >= 0;
        }
        o.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // stopping: the table is printed
        }
        return bad ? Main.CHECK_FAILED : Main.OK;
    }

    /** Runs the jobs on a pool of nThreads with the progress display on, and waits for all of them. */
    private static void runOnPool(int nThreads, List<java.util.concurrent.Callable<Void>> jobs, Progress progress)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<Void> j : jobs) {
                futures.add(pool.submit(j));
            }
            progress.start();
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            progress.stop();
        }
    }

    /** Runs {@code count} cases of one claim from case {@code from} with the given stride and merges the results. */
    private void runChunk(Claim c, List<Reading> readings, long from, long stride, long count,
            Map<String, ReadingStats> stats, Map<String, List<String>> stored, Progress progress,
            AtomicReference<Exception> failure, AtomicBoolean stop, long end) {
        // the limit is per reading: on a budget, a reading with its findings stored is no longer shrunk (its later
        // violations are counted), while every other reading of the claim still is
        java.util.function.Predicate<Reading> open = r -> tries > 0
                || stored.getOrDefault(c.id() + "/" + r.name(), List.of()).size() < findingsPerReading;
        progress.working(c.id(), readings.size());
        Map<String, ReadingStats> part = Search.run(c, readings, seed, from, stride, count,
                new Search.Options(findingsPerReading, open, climbSteps), f -> store(f, stored, progress, failure),
                () -> stop.get() || System.nanoTime() >= end);
        for (Map.Entry<String, ReadingStats> ps : part.entrySet()) {
            stats.computeIfAbsent(c.id() + "/" + ps.getKey(), k -> new ReadingStats()).merge(ps.getValue());
            // an existential reading's "violations" are the witnesses it asks for, not violations
            Reading rd = c.reading(ps.getKey());
            long v = rd.existential() ? 0 : ps.getValue().violations();
            boolean expected = rd.expected() != Expected.HOLDS;
            progress.cases(ps.getValue().checked() + ps.getValue().notApplicable() + ps.getValue().undecided(),
                    expected ? v : 0, expected ? 0 : v);
        }
    }

    private void store(Finding f, Map<String, List<String>> stored, Progress progress, AtomicReference<Exception> failure) {
        try {
            String key = f.claim() + "/" + f.reading();
            Path p;
            synchronized (stored) {
                // on a budget, chunks of one claim run at once: the per-reading limit is enforced here, exactly (a
                // violation past it is counted in the table, not stored)
                if (tries == 0 && stored.getOrDefault(key, List.of()).size() >= findingsPerReading) {
                    return;
                }
                p = CounterexampleFile.write(out, f);
                stored.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(p == null ? "(already stored)" : p.getFileName().toString());
            }
            progress.note("certified " + key + (p == null ? " (already stored)" : " -> " + p));
        } catch (java.io.IOException e) {
            failure.compareAndSet(null, e);
        }
    }

    private boolean printTable(Map<Claim, List<Reading>> selection, Map<String, ReadingStats> stats,
            Map<String, List<String>> stored, boolean interrupted) {
        PrintWriter o = spec.commandLine().getOut();
        var summary = JsonSummary.start("hunt");
        summary.put("out", out.toString());
        summary.put("interrupted", interrupted);
        var rows = summary.putArray("readings");
        if (interrupted && !json) {
            o.println("Stopped early: every counterexample certified so far is stored.");
        }
        if (!json) {
            o.println("| claim/reading | expected | checked | not applicable | undecided | largest LHS/RHS | violations "
                    + "| stored: new, already there, counted only | files |");
            o.println("|---|---|---|---|---|---|---|---|---|");
        }
        boolean bad = false;
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            for (Reading r : e.getValue()) {
                String key = e.getKey().id() + "/" + r.name();
                ReadingStats s = stats.getOrDefault(key, new ReadingStats());
                List<String> files = stored.getOrDefault(key, List.of());
                long fresh = files.stream().filter(f -> !f.startsWith("(")).count();
                long again = files.size() - fresh;
                long found = r.existential() ? 0 : s.violations() + s.climbed();
                long beyond = Math.max(0, found - files.size());
                String ratio = s.maxRatio() == null ? "-" : Tables.decimal(s.maxRatio());
                String viol = r.existential() ? s.witnesses() + " witnesses"
                        : s.violations() + (s.climbed() > 0 ? " (+" + s.climbed() + " by climbing)" : "");
                if (json) {
                    var row = rows.addObject();
                    row.put("reading", key);
                    row.put("expected", r.expected().label());
                    row.put("checked", s.checked());
                    row.put("notApplicable", s.notApplicable());
                    row.put("undecided", s.undecided());
                    row.put("largestRatio", s.maxRatio() == null ? null : s.maxRatio().toString());
                    row.put("violations", found);
                    row.put("witnesses", s.witnesses());
                    row.put("storedNew", fresh);
                    row.put("alreadyStored", again);
                    row.put("beyondLimit", beyond);
                    var names = row.putArray("files");
                    files.stream().filter(f -> !f.startsWith("(")).forEach(names::add);
                } else {
                    o.printf("| %s | %s | %d | %d | %d | %s | %s | %s | %s |%n", key, r.expected().label(), s.checked(),
                            s.notApplicable(), s.undecided(), ratio, viol, found == 0 ? "-" : fresh + ", " + again + ", " + beyond,
                            String.join(" ", files.stream().filter(f -> !f.startsWith("(")).toList()));
                }
                if (r.expected() == Expected.HOLDS && !r.existential() && s.violations() + s.climbed() > 0) {
                    bad = true;
                }
            }
        }
        if (json) {
            JsonSummary.print(o, summary, bad ? Main.CHECK_FAILED : Main.OK);
        }
        o.flush();
        return bad;
    }

    static int[] parseShard(String s) {
        String[] p = s.split("/");
        try {
            int i = Integer.parseInt(p[0]);
            int n = Integer.parseInt(p[1]);
            if (p.length != 2 || n < 1 || i < 0 || i >= n) {
                throw new NumberFormatException();
            }
            return new int[] {i, n};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("hunt: --shard must be i/N with 0 <= i < N, got \"" + s + "\"");
        }
    }

    /** The longest budget: 30 days. */
    static final Duration MAX_BUDGET = Duration.ofDays(30);

    static Duration parseDuration(String s) {
        Duration d;
        try {
            if (s.matches("[0-9]{1,12}(ms|s|m|h)")) {
                long v = Long.parseLong(s.replaceAll("[a-z]+$", ""));
                String u = s.replaceAll("^[0-9]+", "");
                d = u.equals("ms") ? Duration.ofMillis(v) : u.equals("s") ? Duration.ofSeconds(v)
                        : u.equals("m") ? Duration.ofMinutes(v) : Duration.ofHours(v);
            } else {
                d = Duration.parse(s);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("hunt: --budget must be a duration such as 90s, 5m, 1h or PT2M, got \""
                    + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_BUDGET) > 0) {
            throw new IllegalArgumentException("hunt: --budget must be above 0 and at most 30 days (720h), got " + s);
        }
        return d;
    }

    /** Progress on stderr: a bar redrawn in place on a terminal, a plain line every 10 s otherwise. */
    /**
     * Progress on stderr. On a terminal: one line redrawn in place every half second, cut to the terminal's width, naming
     * the claim being worked on, cases and cases per second, violations of refuted readings (expected) apart from those
     * of readings catalogued to hold (unexpected). Otherwise a plain line every 10 s.
     */
    static final class Progress {
        private final PrintWriter err;
        private final boolean tty;
        private final long deadline;
        private final long start = System.nanoTime();
        private final int width;
        private final AtomicLong cases = new AtomicLong();
        private final AtomicLong expected = new AtomicLong();
        private final AtomicLong unexpected = new AtomicLong();
        private volatile String current = "";
        private Thread thread;

        Progress(PrintWriter err, boolean tty, long deadline) {
            this.err = err;
            this.tty = tty;
            this.deadline = deadline;
            this.width = tty ? terminalWidth() : 0;
        }

        /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 links to a tty); else the console's answer. */
        static boolean stderrIsTerminal() {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
                return System.console() != null;
            }
        }

        /** COLUMNS, else what stty says of the controlling terminal, else 80. */
        private static int terminalWidth() {
            try {
                String c = System.getenv("COLUMNS");
                if (c != null && c.matches("[0-9]{2,4}")) {
                    return Integer.parseInt(c);
                }
                Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(2, TimeUnit.SECONDS)) {
                    String[] rc = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                            .trim().split(" ");
                    if (rc.length == 2 && rc[1].matches("[0-9]{2,4}")) {
                        return Integer.parseInt(rc[1]);
                    }
                }
                p.destroy();
            } catch (java.io.IOException | InterruptedException | RuntimeException e) {
                // no terminal to ask
            }
            return 80;
        }

        void working(String claim, int readings) {
            current = claim + " (" + readings + (readings == 1 ? " reading)" : " readings)");
        }

        void cases(long n, long expectedViolations, long unexpectedViolations) {
            cases.addAndGet(n);
            expected.addAndGet(expectedViolations);
            unexpected.addAndGet(unexpectedViolations);
        }

        synchronized void note(String line) {
            err.print(tty ? "\r\033[K" : "");
            err.println(line);
            err.flush();
        }

        void start() {
            thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(tty ? 500 : 10_000);
                        draw();
                    }
                } catch (InterruptedException done) {
                    Thread.currentThread().interrupt();
                }
            }, "hunt-progress");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            if (thread != null) {
                thread.interrupt();
            }
            if (tty) {
                err.print("\r\033[K");
                err.flush();
            }
        }

        /** The status line, without the bar. */
        String status() {
            double secs = (System.nanoTime() - start) / 1e9;
            double rate = cases.get() / Math.max(secs, 1e-9);
            String left = deadline == Long.MAX_VALUE ? "" : String.format(", %ds left",
                    Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L));
            return String.format("%s: %d cases, %.0f/s; violations %d expected, %d UNEXPECTED%s", current, cases.get(), rate,
                    expected.get(), unexpected.get(), left);
        }

        private synchronized void draw() {
            if (tty) {
                String bar = "";
                if (deadline != Long.MAX_VALUE && width >= 60) {
                    long total = deadline - start;
                    int filled = (int) Math.min(20, 20 * (System.nanoTime() - start) / Math.max(1, total));
                    bar = "[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] ";
                }
                String line = bar + status();
                err.print("\r\033[K" + (line.length() >= width ? line.substring(0, Math.max(0, width - 1)) : line));
            } else {
                err.println("hunt: " + status());
            }
            err.flush();
        }
    }
}
