package org.localitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.localitycheck.check.Checker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @CommandLine.Option(names = "--json", description = "print a JSON summary (locality-check/summary@1) instead of lines")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean rejected = false;
        boolean malformed = false;
        var summary = JsonSummary.start("check");
        var list = summary.putArray("files");
        for (Path f : files) {
            Checker.Result r = Checker.check(f);
            if (json) {
                var o = list.addObject();
                o.put("file", f.toString());
                o.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
                o.put("message", r.message());
            } else {
                out.println(Main.oneLine((r.accepted() ? "ok    " : "FAILED") + " " + f + ": " + r.message()));
            }
            rejected |= r.outcome() == Checker.Outcome.REJECTED;
            malformed |= r.outcome() == Checker.Outcome.MALFORMED;
        }
        int code = malformed ? Main.BAD_INPUT : rejected ? Main.CHECK_FAILED : Main.OK;
        if (json) {
            JsonSummary.print(out, summary, code);
        }
        out.flush();
        return code;
    }
}
