package org.localitycheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.InputLimits;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceException;
import org.localitycheck.quantity.FactoredInfluence;
import org.localitycheck.report.DecayFigure;
import org.localitycheck.store.AtomicFiles;
import org.localitycheck.store.FactoredReferenceJson;
import org.localitycheck.store.ReferenceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compute --instance FILE [--kappa K]}: the reference@1 document of an instance@1 on stdout, or the
 * reference@2 document of a factored instance@2.
 */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Print the reference output of one instance: reference@1 (FORMATS.md) for instance@1, "
                + "reference@2 (README, Factored instances) for instance@2.")
final class ComputeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance@1 or instance@2 JSON file")
    Path instance;

    @Option(names = "--kappa", defaultValue = "8", paramLabel = "K", description = "largest truncation depth (default ${DEFAULT-VALUE})")
    int kappa;

    @Option(names = "--max-size", defaultValue = "1048576", paramLabel = "N",
            description = "refuse joint tables with joint states x joint actions above N (default ${DEFAULT-VALUE} = 2^20)")
    long maxSize;

    @Option(names = "--epsilon", defaultValue = "1/1000000", paramLabel = "X",
            description = "instance@2: the accuracy whose least certified depth is reported (default ${DEFAULT-VALUE})")
    String epsilon;

    @Option(names = "--long-run", description = "instance@2: add the stationary distribution, Poisson solution and "
            + "truncated bias, computed on the joint expansion (refused when it exceeds --max-size)")
    boolean longRun;

    @Option(names = "--max-local", defaultValue = "4194304", paramLabel = "N",
            description = "instance@2: most local configurations one quantity may enumerate (default ${DEFAULT-VALUE} = 2^22)")
    long maxLocal;

    @Option(names = "--figure", paramLabel = "PNG", description = "instance@2: also write the decay figure (the terms of "
            + "the certificate's series and the certified tail bound against kappa) to this new file")
    Path figure;

    @Override
    public Integer call() throws IOException {
        OptionRange.require("--kappa", kappa, 0, InputLimits.MAX_DEPTH);
        OptionRange.require("--max-size", maxSize, 1, Integer.MAX_VALUE);
        OptionRange.require("--max-local", maxLocal, 1, 1L << 31);
        Object parsed = InstanceFiles.readAny(instance, maxSize);
        if (parsed instanceof Instance) {
            for (String option : new String[] {"--figure", "--long-run", "--epsilon", "--max-local"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UsageException(option + " is for instance@2 (factored) instances; " + instance
                            + " is instance@1");
                }
            }
        }
        if (parsed instanceof Instance) {
            CanonicalJson.pretty(ReferenceJson.of((Instance) parsed, kappa), spec.commandLine().getOut());
        } else {
            Rational eps = OptionRange.positiveRational("--epsilon", epsilon);
            if (figure != null && Files.exists(figure, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputFileException(figure.toString(), "exists; compute never replaces a file");
            }
            ObjectNode reference;
            try {
                reference = FactoredReferenceJson.of((FactoredInstance) parsed,
                        new FactoredReferenceJson.Options(kappa, eps, maxLocal, longRun, maxSize));
            } catch (FactoredInfluence.TooLarge | InstanceException e) {
                throw new InputFileException(instance.toString(), e.getMessage());
            }
            if (figure != null) {
                String name = ((FactoredInstance) parsed).name();
                byte[] png = DecayFigure.png(reference, "Certificate decay" + (name == null ? "" : ": " + name));
                if (!AtomicFiles.writeNew(figure, png)) {
                    throw new InputFileException(figure.toString(), "exists; compute never replaces a file");
                }
            }
            CanonicalJson.pretty(reference, spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
