package org.localitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.FactoredFamilies;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.FactoredJson;
import org.localitycheck.model.InputLimits;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.Networks;
import org.localitycheck.quantity.FactoredInfluence;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.search.Families;
import org.localitycheck.search.PaperExamples;
import org.localitycheck.search.Search;
import org.localitycheck.store.AtomicFiles;
import org.localitycheck.store.FactoredReferenceJson;
import org.localitycheck.store.ReferenceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reference --out DIR [--count N] [--seed S] [--kappa K]}: a corpus of instances, each with its exact
 * reference@1 output, for validating other implementations (numpy, PyTorch, Julia).
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Write a corpus of instances with their exact reference outputs (FORMATS.md).")
final class ReferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "corpus folder (must not exist or be empty)")
    Path out;

    @Option(names = "--count", defaultValue = "40", description = "generated instances besides the paper's examples (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--kappa", defaultValue = "8", description = "largest truncation depth (default ${DEFAULT-VALUE})")
    int kappa;

    @Override
    public Integer call() throws Exception {
        OptionRange.require("--count", count, 0, 100_000);
        OptionRange.require("--kappa", kappa, 0, InputLimits.MAX_DEPTH);
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputFileException(out.toString(), "exists and is not a folder; the corpus is written only into a new "
                    + "or empty folder, and nothing that exists is replaced");
        }
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new InputFileException(out.toString(), "is not empty; the corpus is written only into a new or "
                            + "empty folder so that nothing is overwritten");
                }
            }
        }
        List<Instance> corpus = new ArrayList<>();
        corpus.add(PaperExamples.section3(Rational.parse("1/3")).withName("paper-section3-alpha-1-3"));
        for (String leader : new String[] {"constant", "self-copy", "flip"}) {
            corpus.add(PaperExamples.leaderFollower(leader).withName("paper-leader-follower-" + leader));
        }
        corpus.add(PaperExamples.hub(new Rational[] {Rational.parse("1/6"), Rational.parse("1/6"), Rational.parse("1/3")})
                .withName("paper-hub-n3"));
        corpus.add(PaperExamples.twoStateChain(Rational.parse("1/3"), Rational.parse("1/4")).withName("two-state-chain"));
        for (int n = 2; n <= 4; n++) {
            corpus.add(DenseBenchmarkInstance.of(n, seed).withName("dense-n" + n));
        }
        // a fixed list, so that the corpus stays the same when the hunt gains families
        List<String> families = List.of("random", "deterministic", "single-action", "copy-chain", "xor", "shared-action",
                "fan-in", "one-hot-reward", "softmax", "hub-softmax");
        for (int i = 0; i < count; i++) {
            String family = families.get(i % families.size());
            long s = Search.caseSeed(seed, "reference", i);
            corpus.add(Families.generate(family, s).instance().withName(String.format("gen-%03d-%s", i, family)));
        }
        // factored networks (instance@2, reference@2): small ones the joint engine can also do, and three of 100+ agents
        List<FactoredInstance> networks = new ArrayList<>();
        FactoredFamilies.Shape tab = FactoredFamilies.Shape.binary(FactoredInstance.TABULAR);
        FactoredFamilies.Shape soft = FactoredFamilies.Shape.binary(FactoredInstance.SOFTMAX);
        networks.add(FactoredFamilies.on(Networks.ring(6), tab, seed).withName("net-ring-6-tabular"));
        networks.add(FactoredFamilies.on(Networks.ring(6), soft, seed).withName("net-ring-6-softmax"));
        networks.add(FactoredFamilies.on(Networks.grid(2, 3), tab, seed).withName("net-grid-2x3-tabular"));
        networks.add(FactoredFamilies.on(Networks.star(5), tab, seed).withName("net-star-5-tabular"));
        networks.add(FactoredFamilies.on(Networks.random(8, 2, new SplittableRandom(seed)), tab, seed)
                .withName("net-random-8-tabular"));
        networks.add(FactoredFamilies.on(Networks.ring(100), tab, seed).withName("net-ring-100-tabular"));
        networks.add(FactoredFamilies.on(Networks.grid(10, 10), soft, seed).withName("net-grid-10x10-softmax"));
        networks.add(FactoredFamilies.on(Networks.random(120, 2, new SplittableRandom(seed)), tab, seed)
                .withName("net-random-120-tabular"));
        // the corpus is built in a fresh sibling folder and moved into place at the end: a failed or killed run
        // leaves no half-written corpus
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), ".reference-");
        // an interrupted run leaves no temporary folder and no partial corpus: the hook, each write into the folder and
        // the final move take one lock, so either the move happened (the corpus is whole and stays) or it never will
        // (the hook marks the run stopped, after which no write or move happens, and empties the folder)
        Object commit = new Object();
        boolean[] stoppedOrMoved = {false, false};
        Thread cleanup = new Thread(() -> {
            synchronized (commit) {
                if (stoppedOrMoved[1]) {
                    return;
                }
                stoppedOrMoved[0] = true;
            }
            for (int pass = 0; pass < 200 && Files.exists(work, LinkOption.NOFOLLOW_LINKS); pass++) {
                deleteFolder(work);
                if (Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanup);
        CorpusWriter write = (file, text) -> {
            synchronized (commit) {
                if (stoppedOrMoved[0]) {
                    throw new IOException("reference: stopped by a signal before the corpus was complete");
                }
                AtomicFiles.writeAtomically(work.resolve(file), text);
            }
        };
        try {
            StringBuilder index = new StringBuilder();
            for (Instance inst : corpus) {
                String name = inst.name();
                write.to(name + ".instance.json",
                        CanonicalJson.pretty(InstanceJson.toTree(inst)));
                write.to(name + ".reference.json",
                        CanonicalJson.pretty(ReferenceJson.of(inst, kappa)));
                index.append("| ").append(name).append(" | ").append(inst.policy().kind()).append(" | ")
                        .append(inst.agentCount()).append(" | ").append(inst.states().size()).append(" | ")
                        .append(inst.actions().size()).append(" |\n");
            }
            for (FactoredInstance f : networks) {
                write.to(f.name() + ".instance.json", CanonicalJson.pretty(FactoredJson.toTree(f)));
                write.to(f.name() + ".reference.json", CanonicalJson.pretty(
                        FactoredReferenceJson.of(f, new FactoredReferenceJson.Options(kappa, Rational.of(1, 1_000_000),
                                FactoredInfluence.DEFAULT_ENUMERATION_LIMIT, false, 0))));
                index.append("| ").append(f.name()).append(" | ").append(f.policyKind()).append(" (instance@2) | ")
                        .append(f.agentCount()).append(" | 2^").append(f.agentCount()).append(" | 2^").append(f.agentCount())
                        .append(" |\n");
            }
            write.to("README.md", readme(index.toString()));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            synchronized (commit) {
                if (stoppedOrMoved[0]) {
                    throw new IOException("reference: stopped by a signal before the corpus was complete");
                }
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(target); // an empty folder, checked above; a folder filled since then is not deleted
                }
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                stoppedOrMoved[1] = true;
            }
        } finally {
            deleteFolder(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        spec.commandLine().getOut().println("wrote " + (corpus.size() + networks.size())
                + " instances with reference outputs to " + out);
        return Main.OK;
    }

    /** Writes one file of the corpus (a name in the temporary folder) unless the run was stopped. */
    @FunctionalInterface
    private interface CorpusWriter {
        void to(String file, String text) throws IOException;
    }

    /** Removes the temporary corpus folder and its files, if it is still there. */
    private static void deleteFolder(Path work) {
        try {
            if (Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
                try (var files = Files.list(work)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            // best effort: the folder's name starts with a dot and says what it is
        }
    }

    private String readme(String index) {
        return "# locality-check reference corpus\n\n"
                + "Written by `java -jar target/locality-check.jar reference --out DIR --count " + count + " --seed " + seed
                + " --kappa " + kappa + "`.\n\n"
                + "Each `NAME.instance.json` is a `locality-check/instance@1` instance and `NAME.reference.json` its exact\n"
                + "`locality-check/reference@1` output (FORMATS.md): E^s, E^a, Pi, C, H, r^pi, the stationary distribution,\n"
                + "the average reward, the Poisson solution h with d.h = 0, delta(r^pi), delta(h), a rigorous enclosure of\n"
                + "rho(H), and for kappa = 0.." + kappa + " the Neumann certificate and the truncated bias. Numbers are exact\n"
                + "rationals written as strings.\n\n"
                + "To validate another implementation: read each instance, write your outputs with the same field names\n"
                + "to `CANDIDATE/NAME.reference.json` (numbers as JSON numbers or strings), then run\n\n"
                + "    java -jar target/locality-check.jar compare --reference THIS_DIR --candidate CANDIDATE --rtol 1e-9\n\n"
                + "It prints, per field, the worst absolute and relative error and where, and names missing fields and\n"
                + "failing instances (exit 1 when any fails).\n\n"
                + "Softmax instances (`policy.kind` \"softmax\") have irrational values: their reference writes each value\n"
                + "known exactly as a rational and every other one as a rigorous enclosure {\"lower\": \"p/q\", \"upper\": \"p/q\"}\n"
                + "of width at most 1e-30 max(1, |value|) (1e-12 for rhoH). A candidate value passes when its distance to\n"
                + "the enclosure is within the tolerance.\n\n"
                + "The `net-*` instances are factored (`locality-check/instance@2`, README of locality-check, \"Factored\n"
                + "instances\"): their references are `locality-check/reference@2`, matrices over agents written by rows as\n"
                + "[agent, value] pairs of each row's support, with the certificate's certified tail bounds and the least kappa\n"
                + "for epsilon = 1e-6. Softmax values there are enclosures about 1e-15 wide (double intervals rounded outward).\n"
                + "compare judges them the same way, field by field; `notes` (words) are not compared.\n\n"
                + "| instance | policy | agents | joint states | joint actions |\n|---|---|---|---|---|\n" + index;
    }
}
