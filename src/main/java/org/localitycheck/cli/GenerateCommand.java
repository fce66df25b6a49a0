package org.localitycheck.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.FactoredFamilies;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.FactoredJson;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.Networks;
import org.localitycheck.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate --network ring --agents N --out FILE}: a seeded factored instance@2 on a network. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a seeded factored instance (instance@2) on a ring, grid, star or random network.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--network", required = true, description = "ring, grid, star or random")
    String network;

    @Option(names = "--agents", defaultValue = "100", description = "agents of a ring, star or random network (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--rows", defaultValue = "10", description = "grid rows (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--cols", defaultValue = "10", description = "grid columns (default ${DEFAULT-VALUE})")
    int cols;

    @Option(names = "--degree", defaultValue = "2", description = "agents each agent reads, random network (default ${DEFAULT-VALUE})")
    int degree;

    @Option(names = "--policy", defaultValue = "tabular", description = "tabular or softmax (default ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--states", defaultValue = "2", description = "local states (default ${DEFAULT-VALUE})")
    int states;

    @Option(names = "--actions", defaultValue = "2", description = "local actions (default ${DEFAULT-VALUE})")
    int actions;

    @Option(names = "--coupling", defaultValue = "1/4", description = "weight of the neighbours in each kernel (default ${DEFAULT-VALUE})")
    String coupling;

    @Option(names = "--noise", defaultValue = "1/2", description = "weight of each agent's fixed row in its kernel (default ${DEFAULT-VALUE})")
    String noise;

    @Option(names = "--own-action", description = "kernels read the agent's own action only (default: the neighbours' too)")
    boolean ownAction;

    @Option(names = "--tau", defaultValue = "1", description = "softmax temperature (default ${DEFAULT-VALUE})")
    String tau;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the instance file to write (must not exist)")
    Path out;

    @Override
    public Integer call() throws Exception {
        OptionRange.require("--agents", agents, 1, 1_000_000);
        OptionRange.require("--rows", rows, 1, 1000);
        OptionRange.require("--cols", cols, 1, 1000);
        OptionRange.require("--degree", degree, 0, 64);
        OptionRange.require("--states", states, 1, 16);
        OptionRange.require("--actions", actions, 1, 16);
        if (!policy.equals(FactoredInstance.TABULAR) && !policy.equals(FactoredInstance.SOFTMAX)) {
            throw new UsageException("--policy must be tabular or softmax, got \"" + policy + "\"");
        }
        Rational c = OptionRange.positiveRational("--coupling", coupling);
        if (c.compareTo(Rational.ONE) > 0) {
            throw new UsageException("--coupling must be at most 1, got " + coupling);
        }
        Rational t = OptionRange.positiveRational("--tau", tau);
        Rational nu = OptionRange.nonNegativeRational("--noise", noise);
        if (nu.compareTo(Rational.ONE) > 0) {
            throw new UsageException("--noise must be at most 1, got " + noise);
        }
        Networks.Graph g = switch (network) {
            case "ring" -> Networks.ring(agents);
            case "grid" -> Networks.grid(rows, cols);
            case "star" -> Networks.star(agents);
            case "random" -> Networks.random(agents, degree, new SplittableRandom(seed ^ 0x5DEECE66DL));
            default -> throw new UsageException("--network must be ring, grid, star or random, got \"" + network + "\"");
        };
        FactoredInstance f;
        try {
            f = FactoredFamilies.on(g, new FactoredFamilies.Shape(states, actions, policy, c, nu, t, !ownAction), seed);
        } catch (InstanceException e) {
            throw new UsageException("generate: the options give an instance that breaks a rule of instance@2 ("
                    + e.getMessage() + "); check --tau, --states and --actions");
        } catch (IllegalArgumentException e) {
            throw new UsageException("generate: " + e.getMessage());
        }
        byte[] bytes = CanonicalJson.pretty(FactoredJson.toTree(f)).getBytes(StandardCharsets.UTF_8);
        if (!AtomicFiles.writeNew(out, bytes)) {
            throw new InputFileException(out.toString(), "exists; generate never replaces a file");
        }
        spec.commandLine().getOut().println("wrote " + out + ": " + f.name() + ", " + f.agentCount() + " agents");
        return Main.OK;
    }
}
