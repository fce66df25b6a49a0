package org.localitycheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.InputLimits;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.quantity.EnclosedEvaluation;
import org.localitycheck.quantity.Evaluation;
import org.localitycheck.quantity.PhaseTimes;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.search.Throughput;
import org.localitycheck.store.AtomicFiles;
import org.localitycheck.store.ReferenceJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times the whole of {@code compute} (reading the instance's text, every reference@1 field, the
 * output's text) on a dense benchmark family, n = from..to agents, phase by phase, with peak heap.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark compute (kappa 8) on n binary agents with 2 actions and a random dense kernel, "
                + "phase by phase.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", defaultValue = "2", description = "smallest n (default ${DEFAULT-VALUE})")
    int from;

    @Option(names = "--to", defaultValue = "10", description = "largest n (default ${DEFAULT-VALUE})")
    int to;

    @Option(names = "--kappa", defaultValue = "8", description = "truncation depth (default ${DEFAULT-VALUE})")
    int kappa;

    @Option(names = "--seed", defaultValue = "1", description = "instance seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--family", defaultValue = "dyadic", paramLabel = "dyadic|generic|softmax",
            description = "dyadic: kernel entries k/8, policy k/4, integer rewards; generic: rows w/sum(w) with w in "
                    + "1..6, rewards p/q with q <= 3; softmax: generic with a temperature-1 softmax policy, logits k/2, "
                    + "|k| <= 4 (default ${DEFAULT-VALUE})")
    String family;

    @Option(names = "--save", paramLabel = "DIR",
            description = "also write each instance to DIR/<name>.json (for running other tools on the same instance)")
    Path save;

    /** Writes a new file; an existing one must hold the same text (the same seed gives the same instance). */
    private static void saveNew(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!AtomicFiles.writeNew(file, bytes) && !Arrays.equals(Files.readAllBytes(file), bytes)) {
            throw new InputFileException(file.toString(), "exists with other content; not replaced");
        }
    }

    private static final String[] PHASES = {"read", "policy", "kernel", "locality", "long run", "kappa rows", "widths",
        "output"};

    @Option(names = "--checks", description = "instead: instance-checks per second on random instances with n <= 3 "
            + "(tabular: prop1, lemma2, c-governs, thm3-iterate, thm3-resolvent, surrogate; softmax: lemma10, monotone; "
            + "all readings)")
    boolean checks;

    @Option(names = "--seconds", defaultValue = "10", description = "with --checks: seconds per measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws InterruptedException, IOException {
        OptionRange.require("--from", from, 1, 16);
        OptionRange.require("--to", to, from, 16);
        OptionRange.require("--kappa", kappa, 0, InputLimits.MAX_DEPTH);
        OptionRange.require("--seconds", seconds, 0, 3600);
        if (!family.equals("dyadic") && !family.equals("generic") && !family.equals("softmax")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "bench: --family must be dyadic, generic or softmax, got \"" + family + "\"");
        }
        if (checks) {
            PrintWriter out = spec.commandLine().getOut();
            Throughput.run(Math.min(seconds, 3), 1, seed); // warm-up, not reported
            out.println("| policies | threads | instances | reading checks | seconds | instances per second |");
            out.println("|---|---|---|---|---|---|");
            int cores = Runtime.getRuntime().availableProcessors();
            for (String kind : new String[] {"tabular", "softmax"}) {
                boolean soft = kind.equals("softmax");
                for (int t : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    Throughput.Result r = Throughput.run(seconds, t, seed, soft ? "softmax" : "random",
                            soft ? Throughput.SOFTMAX_CLAIMS : Throughput.CLAIMS);
                    out.printf("| %s | %d | %d | %d | %.1f | %.0f |%n", kind, t, r.instances(), r.readingChecks(),
                            r.seconds(), r.instancesPerSecond());
                    out.flush();
                }
            }
            return Main.OK;
        }
        if (to > 10) {
            throw new UsageException("bench: need --to <= 10 for compute, got " + to);
        }
        if (save != null) {
            OutputFolder.requireWritable(save);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("| n | joint states | read | policy | kernel | locality | long run | kappa rows | widths | output "
                + "| seconds | peak heap MiB | output MiB |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        out.flush();
        for (int n = from; n <= to; n++) {
            Instance built = family.equals("generic") ? DenseBenchmarkInstance.generic(n, seed)
                    : family.equals("softmax") ? DenseBenchmarkInstance.softmax(n, seed)
                    : DenseBenchmarkInstance.of(n, seed);
            String text = CanonicalJson.pretty(InstanceJson.toTree(built));
            if (save != null) {
                saveNew(save.resolve(built.name() + ".json"), text);
            }
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            PhaseTimes times = new PhaseTimes();
            Instance inst = InstanceJson.parse(text, Long.MAX_VALUE);
            times.mark("read");
            long written = CanonicalJson.prettyLength(inst.policy() instanceof SoftmaxPolicy
                    ? ReferenceJson.toTree(EnclosedEvaluation.of(inst, kappa, times))
                    : ReferenceJson.toTree(Evaluation.of(inst, kappa, times)));
            times.mark("output");
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            Map<String, Double> t = times.seconds();
            double total = t.values().stream().mapToDouble(Double::doubleValue).sum();
            out.printf("| %d | %d |", n, inst.states().size());
            for (String phase : PHASES) {
                out.printf(" %.2f |", t.getOrDefault(phase, 0.0));
            }
            out.printf(" %.2f | %d | %.1f |%n", total, peak >> 20, written / 1048576.0);
            out.flush();
        }
        return Main.OK;
    }
}
