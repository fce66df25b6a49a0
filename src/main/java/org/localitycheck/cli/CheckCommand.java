package org.localitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.localitycheck.check.Checker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code check FILE...}: the independent checker on counterexample and family files, each named by its content. Exit 1
 * when a well-formed file is not accepted, 2 when a file is malformed (the line says where and which rule).
 */
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
        boolean rejected = false;
        boolean malformed = false;
        for (Path f : files) {
            Checker.Result r = Checker.check(f);
            out.println((r.accepted() ? "ok    " : "FAILED") + " " + f + ": " + r.message());
            rejected |= r.outcome() == Checker.Outcome.REJECTED;
            malformed |= r.outcome() == Checker.Outcome.MALFORMED;
        }
        out.flush();
        return malformed ? Main.BAD_INPUT : rejected ? Main.CHECK_FAILED : Main.OK;
    }
}
