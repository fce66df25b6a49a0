package org.localitycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.localitycheck.arith.Rational;
import org.localitycheck.check.Checker;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.search.Finding;
import org.localitycheck.store.CounterexampleFile;
import org.localitycheck.store.FamilyFile;
import org.localitycheck.store.WitnessJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay [DIR]}: every stored counterexample, re-checked by the engine and by the independent checker. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-check every stored counterexample with the engine and with the independent checker.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "counterexamples")
    Path dir;

    @CommandLine.Option(names = "--json", description = "print a JSON summary (locality-check/summary@1) instead of lines")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputFileException(dir.toString(), "is not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            files.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
        files.addAll(FamilyFile.stored(dir));
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        boolean malformed = false;
        var summary = JsonSummary.start("replay");
        var list = summary.putArray("results");
        for (Path f : files) {
            Checker.Result c = Checker.check(f);
            String engine;
            if (c.outcome() == Checker.Outcome.MALFORMED) {
                malformed = true;
                engine = "not run on a malformed file";
            } else {
                try {
                    engine = engine(CounterexampleFile.read(f), f.getFileName().toString());
                } catch (InstanceException | IOException e) {
                    engine = "cannot read the file: " + e.getMessage();
                }
            }
            boolean ok = engine == null && c.accepted();
            failed += ok ? 0 : 1;
            if (json) {
                var o = list.addObject();
                o.put("file", f.toString());
                o.put("ok", ok);
                o.put("engine", engine == null ? "violated as stored" : engine);
                o.put("checker", c.outcome().name().toLowerCase(Locale.ROOT) + ": " + c.message());
                continue;
            }
            out.println(Main.oneLine(String.format("%s %s: engine %s; checker %s", ok ? "ok    " : "FAILED", f.getFileName(),
                    engine == null ? (f.getFileName().toString().endsWith("-family.json")
                            ? "recomputes every member" : "violated as stored") : engine,
                    c.accepted() ? "accepted" : c.message())));
        }
        int code = malformed ? Main.BAD_INPUT : failed == 0 ? Main.OK : Main.CHECK_FAILED;
        if (json) {
            summary.put("files", files.size());
            summary.put("failed", failed);
            JsonSummary.print(out, summary, code);
            return code;
        }
        out.printf("%d files, %d failed%n", files.size(), failed);
        out.flush();
        return code;
    }

    /**
     * Null when the engine finds the stored violation again and writes, from the file's claim, reading, instance,
     * witness and provenance, exactly the file's content under exactly its name; else what differs.
     */
    static String engine(JsonNode j, String fileName) {
        if (j.path("format").asText().equals(FamilyFile.FORMAT)) {
            // a family file: the engine computes every member again, and the file must be what it computes
            try {
                String key = j.get("claim").asText() + "/" + j.get("reading").asText();
                if (FamilyFile.family(key) == null) {
                    return "no family for " + key;
                }
                var again = FamilyFile.toTree(key);
                if (!CanonicalJson.compact(again).equals(CanonicalJson.compact(j))) {
                    return "the engine computes other members or values";
                }
                return fileName.equals(FamilyFile.fileName(key)) ? null
                        : "a family file of " + key + " is named " + FamilyFile.fileName(key);
            } catch (RuntimeException e) {
                return "error: " + e.getMessage();
            }
        }
        try {
            Reading r = Claims.byId(j.get("claim").asText()).reading(j.get("reading").asText());
            Instance inst = j.get("instance").isNull() ? null
                    : InstanceJson.fromTree(j.get("instance"), InstanceJson.DEFAULT_SIZE_LIMIT);
            Verdict v = r.check().apply(new Context(inst), WitnessJson.fromTree(j.get("witness"), "witness"));
            if (!v.applicable() || v.holds()) {
                return "no longer violated";
            }
            if (!v.lhs().equals(Rational.parse(j.get("lhs").asText())) || !v.rhs().equals(Rational.parse(j.get("rhs").asText()))) {
                return "violated with other sides: lhs " + v.lhs() + ", rhs " + v.rhs();
            }
            JsonNode found = j.get("found");
            Finding again = new Finding(j.get("claim").asText(), j.get("reading").asText(), inst,
                    WitnessJson.fromTree(j.get("witness"), "witness"), v, found.get("generator").asText(),
                    Long.parseLong(found.get("caseSeed").asText()), found.get("case").asLong(),
                    found.has("climbSeed") ? Long.parseLong(found.get("climbSeed").asText()) : 0L,
                    found.path("climbSteps").asInt(0), found.get("shrinkSteps").asInt());
            ObjectNode tree = CounterexampleFile.toTree(again);
            if (!CanonicalJson.compact(tree).equals(CanonicalJson.compact(j))) {
                return "the engine writes other content for this violation (a stored matrix, side or text differs)";
            }
            return fileName.equals(CounterexampleFile.fileName(tree)) ? null
                    : "the content is named " + CounterexampleFile.fileName(tree);
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }
}
