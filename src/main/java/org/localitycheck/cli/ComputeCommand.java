package org.localitycheck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.Instance;
import org.localitycheck.store.ReferenceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code compute --instance FILE [--kappa K]}: the reference@1 document of one instance on stdout. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Print the locality-check/reference@1 output of one instance (FORMATS.md).")
final class ComputeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance@1 JSON file")
    Path instance;

    @Option(names = "--kappa", defaultValue = "8", paramLabel = "K", description = "largest truncation depth (default ${DEFAULT-VALUE})")
    int kappa;

    @Option(names = "--max-size", defaultValue = "1048576", paramLabel = "N",
            description = "refuse instances with joint states x joint actions above N (default ${DEFAULT-VALUE} = 2^20)")
    long maxSize;

    @Override
    public Integer call() {
        OptionRange.require("--kappa", kappa, 0, org.localitycheck.model.InputLimits.MAX_DEPTH);
        OptionRange.require("--max-size", maxSize, 1, 1L << 31);
        Instance inst = InstanceFiles.read(instance, maxSize);
        CanonicalJson.pretty(ReferenceJson.of(inst, kappa), spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

}
