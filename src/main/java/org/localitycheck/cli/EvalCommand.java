package org.localitycheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Param;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.InputLimits;
import org.localitycheck.model.Instance;
import org.localitycheck.search.InstanceEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval --instance FILE [--claims ...] [--witness name=value,...]}: the catalogue's readings on one instance. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the readings on one instance, over each reading's witness grid unless --witness fixes values; "
                + "exit 1 when a reading catalogued 'holds' is violated.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance@1 JSON file")
    Path instance;

    @Option(names = "--claims", split = ",", paramLabel = "ID[/READING]", description = "claims or readings (default: all)")
    List<String> claims;

    @Option(names = "--witness", split = ",", paramLabel = "NAME=VALUE",
            description = "fixed witness values: integers (kappa=2, t=3, k=0), rationals (tau=1/2, lambda=3/4) or "
                    + "vectors separated by ';' (f=0;1;1;0)")
    List<String> witness;

    @Option(names = "--json", description = "print a JSON summary (locality-check/summary@1) instead of the table")
    boolean json;

    @Option(names = "--max-size", defaultValue = "4096", paramLabel = "N",
            description = "refuse instances with joint states x joint actions above N (default ${DEFAULT-VALUE})")
    long maxSize;

    @Override
    public Integer call() {
        OptionRange.require("--max-size", maxSize, 1, Integer.MAX_VALUE);
        Instance inst = InstanceFiles.read(instance, maxSize);
        Witness fixed = parseWitness(witness);
        var selection = ClaimSelection.parse(claims);
        Map<String, Set<Param.Kind>> kinds = new TreeMap<>();
        selection.keySet().forEach(c -> c.parameters().forEach(
                p -> kinds.computeIfAbsent(p.name(), k -> EnumSet.noneOf(Param.Kind.class)).add(p.kind())));
        for (Map.Entry<String, Object> e : fixed.values().entrySet()) {
            if (!kinds.containsKey(e.getKey())) {
                throw new UsageException("eval: --witness " + e.getKey() + ": no selected claim has this parameter (they "
                        + "have " + String.join(", ", kinds.keySet()) + ")");
            }
            for (Param.Kind kind : kinds.get(e.getKey())) {
                String rule = kind.violation(e.getValue(), inst.agentCount(), inst.states().size());
                if (rule != null) {
                    throw new UsageException("eval: --witness " + e.getKey() + "=" + show(e.getValue()) + ": must be " + rule);
                }
            }
        }
        List<InstanceEvaluation.Result> results = InstanceEvaluation.run(inst, selection, fixed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var summary = JsonSummary.start("eval");
            summary.put("instance", instance.toString());
            var rows = summary.putArray("readings");
            int bad = 0;
            for (InstanceEvaluation.Result r : results) {
                var o = rows.addObject();
                o.put("reading", r.claim().id() + "/" + r.reading().name());
                o.put("expected", r.reading().expected().label());
                o.put("applicable", r.applicable());
                o.put("undecided", r.undecided());
                if (r.verdict() != null) {
                    o.put("verdict", r.verdict().holds() ? "holds" : "violated");
                    o.put("unexpected", r.unexpected());
                    o.put("lhs", r.verdict().lhs().toString());
                    o.put("rhs", r.verdict().rhs().toString());
                    o.put("at", r.verdict().where());
                    o.put("witness", r.witness().toString());
                    bad += r.unexpected() ? 1 : 0;
                } else {
                    o.put("verdict", "not applicable");
                }
            }
            int code = bad > 0 ? Main.CHECK_FAILED : Main.OK;
            JsonSummary.print(out, summary, code);
            return code;
        }
        out.println("| reading | expected | applicable cases | verdict | LHS | RHS | at | witness |");
        out.println("|---|---|---|---|---|---|---|---|");
        int unexpected = 0;
        for (InstanceEvaluation.Result r : results) {
            String key = r.claim().id() + "/" + r.reading().name();
            if (r.verdict() == null) {
                out.println("| " + key + " | " + r.reading().expected().label() + " | 0 | not applicable"
                        + (r.undecided() > 0 ? " (" + r.undecided() + " undecided)" : "") + " | | | | |");
                continue;
            }
            unexpected += r.unexpected() ? 1 : 0;
            String verdict = r.verdict().holds() ? "holds" : r.unexpected() ? "VIOLATED (catalogued holds)" : "violated";
            out.println("| " + key + " | " + r.reading().expected().label() + " | " + r.applicable() + " | " + verdict + " | "
                    + Tables.decimal(r.verdict().lhs()) + " | " + Tables.decimal(r.verdict().rhs()) + " | " + r.verdict().where()
                    + " | " + r.witness() + " |");
        }
        out.println(results.size() + " readings evaluated, " + unexpected + " reading(s) catalogued 'holds' violated");
        out.flush();
        return unexpected > 0 ? Main.CHECK_FAILED : Main.OK;
    }

    private static String show(Object value) {
        return value instanceof Rational[] v ? String.join(";", Arrays.stream(v).map(Rational::toString).toList())
                : value.toString();
    }

    static Witness parseWitness(List<String> specs) {
        Witness w = Witness.empty();
        if (specs == null) {
            return w;
        }
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("eval: --witness " + s + ": expected NAME=VALUE");
            }
            String name = s.substring(0, eq);
            String value = s.substring(eq + 1);
            if (w.values().containsKey(name)) {
                throw new UsageException("eval: --witness " + name + " given twice");
            }
            try {
                if (value.contains(";")) {
                    String[] parts = value.split(";");
                    Rational[] v = new Rational[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        v[i] = Rational.parse(parts[i]);
                    }
                    w = w.with(name, v);
                } else if (value.matches("-?[0-9]+") && !name.equals("c") && !name.equals("lambda") && !name.equals("tau")
                        && !name.equals("gamma") && !name.equals("eps")) {
                    w = w.with(name, (int) OptionRange.require("--witness " + name, Long.parseLong(value), 0,
                            InputLimits.MAX_DEPTH));
                } else {
                    w = w.with(name, Rational.parse(value));
                }
            } catch (RuntimeException e) {
                throw new UsageException("eval: --witness " + (s.length() > 80 ? s.substring(0, 77) + "..." : s)
                        + ": " + e.getMessage());
            }
        }
        return w;
    }
}
