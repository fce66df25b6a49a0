package org.localitycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.store.BadFile;
import org.localitycheck.store.ReferenceComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare --reference DIR --candidate DIR [--rtol X] [--atol Y]}: parses, runs {@link ReferenceComparison}
 * (another implementation's outputs against exact reference outputs) and prints its table or JSON summary.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare candidate outputs (same field names) with a reference corpus; report errors per field.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, description = "folder of NAME.reference.json files")
    Path reference;

    @Option(names = "--candidate", required = true, description = "folder with the candidate's NAME.reference.json files")
    Path candidate;

    @Option(names = "--json", description = "print a JSON summary (locality-check/summary@1) instead of the table")
    boolean json;

    @Option(names = "--rtol", defaultValue = "1e-9", description = "relative tolerance (default ${DEFAULT-VALUE})")
    String rtolText;

    @Option(names = "--atol", defaultValue = "1e-12", description = "absolute tolerance (default ${DEFAULT-VALUE})")
    String atolText;

    @Override
    public Integer call() throws Exception {
        Rational rtol = tolerance(rtolText, "--rtol");
        Rational atol = tolerance(atolText, "--atol");
        for (Path d : new Path[] {reference, candidate}) {
            if (!Files.isDirectory(d)) {
                throw new InputFileException(d.toString(), "is not a folder");
            }
        }
        List<Path> refs;
        try (Stream<Path> s = Files.list(reference)) {
            refs = s.filter(p -> p.getFileName().toString().endsWith(".reference.json")).sorted().toList();
        }
        if (refs.isEmpty()) {
            throw new InputFileException(reference.toString(), "holds no NAME.reference.json files");
        }
        ReferenceComparison.Result res;
        try {
            res = ReferenceComparison.run(refs, candidate, rtol, atol, CompareCommand::read);
        } catch (BadFile e) {
            throw new InputFileException(e.file().toString(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int code = res.failing().isEmpty() ? Main.OK : Main.CHECK_FAILED;
        if (json) {
            var summary = JsonSummary.start("compare");
            summary.put("instances", res.instances());
            var fs = summary.putObject("fields");
            for (Map.Entry<String, ReferenceComparison.FieldStats> e : res.fields().entrySet()) {
                var o = fs.putObject(e.getKey());
                o.put("values", e.getValue().values);
                o.put("worstAbsoluteError", e.getValue().worstAbs.toString());
                o.put("worstAbsoluteErrorAt", e.getValue().worstAbsAt);
                o.put("worstRelativeError", e.getValue().worstRel.toString());
                o.put("worstRelativeErrorAt", e.getValue().worstRelAt);
                o.put("failures", e.getValue().failures);
            }
            res.extras().forEach(summary.putArray("extraFields")::add);
            res.problems().forEach(summary.putArray("problems")::add);
            res.failing().forEach(summary.putArray("failingInstances")::add);
            JsonSummary.print(out, summary, code);
            return code;
        }
        out.println("| field | values | worst abs error | at | worst rel error | at | failures |");
        out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, ReferenceComparison.FieldStats> e : res.fields().entrySet()) {
            ReferenceComparison.FieldStats f = e.getValue();
            out.printf("| %s | %d | %s | %s | %s | %s | %d |%n", e.getKey(), f.values, ReferenceComparison.sci(f.worstAbs),
                    f.worstAbsAt, ReferenceComparison.sci(f.worstRel), f.worstRelAt, f.failures);
        }
        for (String x : res.extras()) {
            out.println("extra field (ignored): " + x);
        }
        for (String p : res.problems()) {
            out.println("FAIL " + p);
        }
        out.printf("%d instances compared, %d failing%s%n", res.instances(), res.failing().size(),
                res.failing().isEmpty() ? "" : ": " + String.join(", ", res.failing()));
        out.flush();
        return code;
    }

    private static JsonNode read(Path p) {
        try {
            return InstanceJson.parseTree(InstanceFiles.text(p));
        } catch (InstanceException e) {
            throw new InputFileException(p.toString(), e.getMessage());
        }
    }

    private static Rational tolerance(String text, String option) {
        try {
            Rational r = ReferenceComparison.exactDecimal(new BigDecimal(text));
            if (r.signum() < 0) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new UsageException("compare: " + option + " must be a nonnegative decimal with an exponent within +-"
                    + ReferenceComparison.maxExponent() + ", got \"" + (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                    + "\"");
        }
    }
}
