package org.localitycheck.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.FactoredJson;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceConversion;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convert --instance FILE --to instance@1|instance@2 --out FILE}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an instance between instance@1 (joint tables) and instance@2 (factored).")
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance@1 or instance@2 JSON file")
    Path instance;

    @Option(names = "--to", required = true, description = "instance@1 or instance@2")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write (must not exist)")
    Path out;

    @Option(names = "--max-size", defaultValue = "1048576", paramLabel = "N",
            description = "refuse joint tables with joint states x joint actions above N (default ${DEFAULT-VALUE} = 2^20)")
    long maxSize;

    @Override
    public Integer call() throws Exception {
        OptionRange.require("--max-size", maxSize, 1, Integer.MAX_VALUE);
        if (!to.equals("instance@1") && !to.equals("instance@2")) {
            throw new UsageException("--to must be instance@1 or instance@2, got \"" + to + "\"");
        }
        Object parsed = InstanceFiles.readAny(instance, maxSize);
        String text;
        try {
            if (to.equals("instance@1")) {
                Instance inst = parsed instanceof Instance i ? i : InstanceConversion.expand((FactoredInstance) parsed, maxSize);
                text = CanonicalJson.pretty(InstanceJson.toTree(inst));
            } else {
                FactoredInstance f = parsed instanceof FactoredInstance g ? g : InstanceConversion.factor((Instance) parsed);
                text = CanonicalJson.pretty(FactoredJson.toTree(f));
            }
        } catch (InstanceException e) {
            throw new InputFileException(instance.toString(), e.getMessage());
        }
        if (!AtomicFiles.writeNew(out, text.getBytes(StandardCharsets.UTF_8))) {
            throw new InputFileException(out.toString(), "exists; convert never replaces a file");
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + to + ")");
        return Main.OK;
    }
}
