package org.localitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;
import org.localitycheck.search.Optimiser;
import org.localitycheck.search.ReadingStats;
import org.localitycheck.search.Scope;
import org.localitycheck.search.Scopes;
import org.localitycheck.store.Hunt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hunt}: generated cases for every selected reading, certified and shrunk counterexamples written to
 * {@code --out}, a table at the end. With {@code --tries} the run is deterministic (same seed, shard and
 * tries, same files); with {@code --budget} it stops on time. SIGINT/SIGTERM stop it cleanly.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Search for counterexamples to the paper's claims; store each certified, shrunk violation.")
final class HuntCommand implements Callable<Integer> {
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
        public Iterator<String> iterator() {
            return Scopes.all().keySet().iterator();
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
        if ((exhaustive != null || optimise > 0) && (tries > 0 || budget != null)) {
            throw new UsageException("hunt: --exhaustive runs a whole scope and --optimise a fixed number of "
                    + "starts; give neither --tries nor --budget with them");
        }
        if (tries > 0 && budget != null) {
            throw new UsageException("hunt: give --tries or --budget, not both");
        }
        Scope scope = null;
        if (exhaustive != null) {
            try {
                scope = Scopes.byName(exhaustive);
            } catch (IllegalArgumentException e) {
                throw new UsageException("hunt --exhaustive: " + e.getMessage());
            }
        }
        Duration length = exhaustive == null && optimise == 0 && tries <= 0
                ? parseDuration(budget == null ? "60s" : budget) : null;
        if (out == null) {
            String what = exhaustive != null ? "exhaustive-" + exhaustive : optimise > 0 ? "optimise-" + optimise
                    : tries > 0 ? "tries-" + tries : budget == null ? "60s" : budget;
            out = Path.of("runs", seed + "-" + what.replaceAll("[^A-Za-z0-9.-]", "_")
                    + (sh[1] > 1 ? "-shard-" + sh[0] + "-of-" + sh[1] : ""));
            spec.commandLine().getErr().println("hunt: writing to " + out);
        }
        OutputFolder.requireWritable(out);
        long deadline = length == null ? Long.MAX_VALUE : System.nanoTime() + length.toNanos();
        Hunt.Options options = new Hunt.Options(seed, tries, deadline,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), sh[0], sh[1], findingsPerReading,
                climbSteps, out);
        PrintWriter err = spec.commandLine().getErr();
        HuntProgress progress = new HuntProgress(err, HuntProgress.stderrIsTerminal(), deadline);
        // SIGINT/SIGTERM: the workers stop at their next case; the hook waits (up to 60 s) for the table
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
            boolean bad;
            if (scope != null) {
                err.println("hunt --exhaustive " + scope.name() + ": " + scope.description() + "; " + scope.size()
                        + " instances before symmetry (" + scope.symmetries() + " symmetries), shard " + sh[0] + "/" + sh[1]);
                err.flush();
                bad = printScopeTable(scope, Hunt.exhaustive(scope, selection, options, stop::get, progress), stop.get());
            } else if (optimise > 0) {
                bad = printOptimiserTable(Hunt.optimise(selection, optimise, options, stop::get, progress));
            } else {
                bad = printTable(selection, Hunt.sample(selection, options, stop::get, progress), stop.get());
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the table is printed, the hook returns
            }
            return bad ? Main.CHECK_FAILED : Main.OK;
        } finally {
            finished.countDown(); // a failed run must not hold the exit for the hook's 60 s
        }
    }

    /** The table of a scope: per reading, the instances and cases it was decided on. */
    private boolean printScopeTable(Scope scope, Hunt.Outcome run, boolean interrupted) {
        PrintWriter o = spec.commandLine().getOut();
        if (interrupted) {
            o.println("Stopped early: the counts below cover part of the scope.");
        }
        o.println("Scope " + scope.name() + ": " + run.instances() + " instances distinct up to symmetry (of "
                + scope.size() + ").");
        o.println("| claim/reading | expected | instances decided | cases | not applicable | undecided | violations | stored |");
        o.println("|---|---|---|---|---|---|---|---|");
        boolean bad = false;
        for (Map.Entry<String, ReadingStats> e : run.stats().entrySet()) {
            ReadingStats s = e.getValue();
            String[] key = e.getKey().split("/", 2);
            Reading r = Claims.byId(key[0]).reading(key[1]);
            o.printf("| %s | %s | %d | %d | %d | %d | %d | %s |%n", e.getKey(), r.expected().label(), s.distinct(),
                    s.checked(), s.notApplicable(), s.undecided(), s.violations(),
                    String.join(" ", run.stored().getOrDefault(e.getKey(), List.of())));
            bad |= Hunt.holdsViolated(r, s.violations());
        }
        o.flush();
        return bad;
    }

    /** The optimiser's table: per reading, the largest LHS - RHS reached and the first violating start. */
    private boolean printOptimiserTable(Hunt.Optimised run) {
        PrintWriter o = spec.commandLine().getOut();
        o.println("| claim/reading | expected | starts | largest LHS - RHS | first violating start | stored |");
        o.println("|---|---|---|---|---|---|");
        boolean bad = false;
        for (Map.Entry<String, Optimiser.Summary> e : run.summaries().entrySet()) {
            String[] key = e.getKey().split("/", 2);
            Reading r = Claims.byId(key[0]).reading(key[1]);
            Optimiser.Summary s = e.getValue();
            o.printf("| %s | %s | %d | %s | %s | %s |%n", e.getKey(), r.expected().label(), s.starts(),
                    s.best() == Double.NEGATIVE_INFINITY ? "-" : String.format("%.6g", s.best()),
                    s.firstViolation() < 0 ? "-" : Integer.toString(s.firstViolation()),
                    String.join(" ", run.stored().getOrDefault(e.getKey(), List.of())));
            bad |= Hunt.holdsViolated(r, s.firstViolation() >= 0 ? 1 : 0);
        }
        o.flush();
        return bad;
    }

    /** The table of drawn cases (or its JSON summary): per reading, cases, the largest LHS/RHS, violations, files. */
    private boolean printTable(Map<Claim, List<Reading>> selection, Hunt.Outcome run, boolean interrupted) {
        Map<String, ReadingStats> stats = run.stats();
        Map<String, List<String>> stored = run.stored();
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
                bad |= Hunt.holdsViolated(r, s.violations() + s.climbed());
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
            throw new UsageException("hunt: --shard must be i/N with 0 <= i < N, got \"" + s + "\"");
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
            throw new UsageException("hunt: --budget must be a duration such as 90s, 5m, 1h or PT2M, got \""
                    + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_BUDGET) > 0) {
            throw new UsageException("hunt: --budget must be above 0 and at most 30 days (720h), got " + s);
        }
        return d;
    }
}
