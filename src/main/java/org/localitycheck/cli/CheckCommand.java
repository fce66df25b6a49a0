package org.localitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.localitycheck.check.Checker;
import org.localitycheck.store.CounterexampleFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check FILE...}: the independent checker on counterexample files. Exit 1 when one is not accepted. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Re-verify counterexample files with the independent checker (no engine code).")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean all = true;
        for (Path f : files) {
            Checker.Result r;
            try {
                r = Checker.check(CounterexampleFile.read(f));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new InputFileException(f.toString(), "cannot be read: " + e.getMessage());
            }
            out.println((r.accepted() ? "ok    " : "FAILED") + " " + f + ": " + r.message());
            all &= r.accepted();
        }
        out.flush();
        return all ? Main.OK : Main.CHECK_FAILED;
    }
}
