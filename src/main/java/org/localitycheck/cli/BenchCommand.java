package org.localitycheck.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.Instance;
import org.localitycheck.quantity.Evaluation;
import org.localitycheck.quantity.ReferenceJson;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.search.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: times the whole of {@code compute} (every reference@1 field, written to a string) on the
 * dense benchmark family, n = from..to agents, and reports joint states, seconds and peak heap.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark compute (kappa 8) on n binary agents with 2 actions and a random dense kernel.")
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

    @Option(names = "--checks", description = "instead: instance-checks per second on random instances with n <= 3 "
            + "(tabular: prop1, lemma2, c-governs, thm3-iterate, thm3-resolvent, surrogate; softmax: lemma10, monotone; "
            + "all readings)")
    boolean checks;

    @Option(names = "--seconds", defaultValue = "10", description = "with --checks: seconds per measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws InterruptedException {
        OptionRange.require("--from", from, 1, 16);
        OptionRange.require("--to", to, from, 16);
        OptionRange.require("--kappa", kappa, 0, org.localitycheck.model.InputLimits.MAX_DEPTH);
        OptionRange.require("--seconds", seconds, 0, 3600);
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
        if (from < 1 || to < from || to > 10) {
            throw new IllegalArgumentException("bench: need 1 <= --from <= --to <= 10, got " + from + ".." + to);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("| n | joint states | joint actions | seconds | peak heap MiB | output MiB |");
        out.println("|---|---|---|---|---|---|");
        out.flush();
        for (int n = from; n <= to; n++) {
            Instance inst = DenseBenchmarkInstance.of(n, seed);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            String text = CanonicalJson.pretty(ReferenceJson.toTree(Evaluation.of(inst, kappa)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            out.printf("| %d | %d | %d | %.2f | %d | %.1f |%n", n, inst.states().size(), inst.actions().size(),
                    seconds, peak >> 20, text.length() / 1048576.0);
            out.flush();
        }
        return Main.OK;
    }
}
