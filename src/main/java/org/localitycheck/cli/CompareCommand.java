package org.localitycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code compare --reference DIR --candidate DIR [--rtol X] [--atol Y]}: validates another implementation's
 * outputs against exact reference outputs. A value passes when |candidate - reference| &lt;= atol + rtol |reference|
 * (numpy's isclose); an enclosure passes when the candidate is within that distance of it. Errors are computed
 * exactly.
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

    /** Worst errors of one field across the corpus. */
    static final class FieldStats {
        long values;
        long failures;
        Rational worstAbs = Rational.ZERO;
        String worstAbsAt = "";
        Rational worstRel = Rational.ZERO;
        String worstRelAt = "";
    }

    private final Map<String, FieldStats> fields = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> extras = new ArrayList<>();
    private Rational rtol;
    private Rational atol;

    @Override
    public Integer call() throws Exception {
        rtol = tolerance(rtolText, "--rtol");
        atol = tolerance(atolText, "--atol");
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
        java.util.Set<String> failing = new java.util.TreeSet<>();
        for (Path ref : refs) {
            String name = ref.getFileName().toString();
            Path cand = candidate.resolve(name);
            if (!Files.exists(cand)) {
                problems.add(name + ": no candidate file " + cand);
                failing.add(name);
                continue;
            }
            JsonNode r = read(ref);
            JsonNode c = read(cand);
            int before = problems.size();
            compareNode(name, "", r, c);
            if (problems.size() > before || failedFiles.contains(name)) {
                failing.add(name);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        int code = failing.isEmpty() ? Main.OK : Main.CHECK_FAILED;
        if (json) {
            var summary = JsonSummary.start("compare");
            summary.put("instances", refs.size());
            var fs = summary.putObject("fields");
            for (Map.Entry<String, FieldStats> e : fields.entrySet()) {
                var o = fs.putObject(e.getKey());
                o.put("values", e.getValue().values);
                o.put("worstAbsoluteError", e.getValue().worstAbs.toString());
                o.put("worstAbsoluteErrorAt", e.getValue().worstAbsAt);
                o.put("worstRelativeError", e.getValue().worstRel.toString());
                o.put("worstRelativeErrorAt", e.getValue().worstRelAt);
                o.put("failures", e.getValue().failures);
            }
            extras.forEach(summary.putArray("extraFields")::add);
            problems.forEach(summary.putArray("problems")::add);
            failing.forEach(summary.putArray("failingInstances")::add);
            JsonSummary.print(out, summary, code);
            return code;
        }
        out.println("| field | values | worst abs error | at | worst rel error | at | failures |");
        out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, FieldStats> e : fields.entrySet()) {
            FieldStats f = e.getValue();
            out.printf("| %s | %d | %s | %s | %s | %s | %d |%n", e.getKey(), f.values, sci(f.worstAbs), f.worstAbsAt,
                    sci(f.worstRel), f.worstRelAt, f.failures);
        }
        for (String x : extras) {
            out.println("extra field (ignored): " + x);
        }
        for (String p : problems) {
            out.println("FAIL " + p);
        }
        out.printf("%d instances compared, %d failing%s%n", refs.size(), failing.size(),
                failing.isEmpty() ? "" : ": " + String.join(", ", failing));
        out.flush();
        return failing.isEmpty() ? Main.OK : Main.CHECK_FAILED;
    }

    private final java.util.Set<String> failedFiles = new java.util.HashSet<>();

    private static JsonNode read(Path p) throws java.io.IOException {
        try {
            return InstanceJson.parseTree(InstanceFiles.text(p));
        } catch (InstanceException e) {
            throw new InputFileException(p.toString(), e.getMessage());
        }
    }

    private void compareNode(String file, String path, JsonNode r, JsonNode c) {
        if (r.isObject()) {
            if (r.has("lower") && r.has("upper") && r.size() == 2) {
                compareEnclosure(file, path, r, c);
                return;
            }
            if (c == null || !c.isObject()) {
                problems.add(file + " " + path + ": expected an object, candidate has " + describe(c));
                return;
            }
            Iterator<String> it = r.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (path.isEmpty() && (k.equals("format") || k.equals("instance") || k.equals("notes"))) {
                    continue;
                }
                String p = path.isEmpty() ? k : path + "." + k;
                if (!c.has(k)) {
                    problems.add(file + " " + p + ": missing in the candidate");
                    continue;
                }
                compareNode(file, p, r.get(k), c.get(k));
            }
            Iterator<String> ci = c.fieldNames();
            while (ci.hasNext()) {
                String k = ci.next();
                if (!r.has(k)) {
                    extras.add(file + " " + (path.isEmpty() ? k : path + "." + k));
                }
            }
        } else if (r.isArray()) {
            if (c == null || !c.isArray() || c.size() != r.size()) {
                problems.add(file + " " + path + ": expected an array of " + r.size() + ", candidate has " + describe(c));
                return;
            }
            for (int i = 0; i < r.size(); i++) {
                compareNode(file, path + "[" + i + "]", r.get(i), c.get(i));
            }
        } else if (r.isNull()) {
            if (c != null && !c.isNull()) {
                problems.add(file + " " + path + ": expected null, candidate has " + describe(c));
            }
        } else if (r.isBoolean() || r.isIntegralNumber()) {
            if (c == null || !r.asText().equals(c.asText())) {
                problems.add(file + " " + path + ": expected " + r + ", candidate has " + describe(c));
            }
        } else {
            Rational exact = Rational.parse(r.asText());
            Rational value = candidateValue(file, path, c);
            if (value != null) {
                record(file, path, exact, value.subtract(exact).abs(), "the exact " + shorten(exact.toString()));
            }
        }
    }

    private void compareEnclosure(String file, String path, JsonNode r, JsonNode c) {
        Rational lo = Rational.parse(r.get("lower").asText());
        Rational hi = Rational.parse(r.get("upper").asText());
        Rational value;
        if (c != null && c.isObject() && c.has("lower") && c.has("upper")) {
            Rational cl = candidateValue(file, path + ".lower", c.get("lower"));
            Rational cu = candidateValue(file, path + ".upper", c.get("upper"));
            if (cl == null || cu == null) {
                return;
            }
            value = cl.add(cu).multiply(Rational.HALF);
        } else {
            value = candidateValue(file, path, c);
        }
        if (value == null) {
            return;
        }
        Rational dist = value.compareTo(lo) < 0 ? lo.subtract(value) : value.compareTo(hi) > 0 ? value.subtract(hi) : Rational.ZERO;
        record(file, path, value.compareTo(lo) < 0 ? lo : value.compareTo(hi) > 0 ? hi : value, dist,
                "the enclosure of the exact value, about " + lo.add(hi).multiply(Rational.HALF).doubleValue() + " (width "
                        + sci(hi.subtract(lo)) + ")");
    }

    private void record(String file, String path, Rational exact, Rational abs, String reference) {
        String field = path.replaceAll("\\[[0-9]+\\]", "[]");
        FieldStats f = fields.computeIfAbsent(field, k -> new FieldStats());
        f.values++;
        Rational rel = exact.isZero() ? abs : abs.divide(exact.abs());
        String at = file + " " + path;
        if (abs.compareTo(f.worstAbs) > 0) {
            f.worstAbs = abs;
            f.worstAbsAt = at;
        }
        if (rel.compareTo(f.worstRel) > 0) {
            f.worstRel = rel;
            f.worstRelAt = at;
        }
        if (abs.compareTo(atol.add(rtol.multiply(exact.abs()))) > 0) {
            f.failures++;
            failedFiles.add(file);
            if (f.failures <= 3) {
                problems.add(at + ": candidate differs by " + sci(abs) + " from " + reference);
            }
        }
    }

    /** A JSON number (its exact decimal text) or a string: integer, fraction, or decimal with an optional exponent. */
    private Rational candidateValue(String file, String path, JsonNode c) {
        try {
            if (c != null && c.isNumber()) {
                return exactDecimal(c.decimalValue());
            }
            if (c != null && c.isTextual()) {
                String t = c.asText().trim();
                if (t.matches("-?[0-9]+(/[1-9][0-9]*)?")) {
                    return Rational.parse(t);
                }
                return exactDecimal(new BigDecimal(t));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(file + " " + path + ": candidate value " + describe(c) + " is not a number");
        return null;
    }

    /** Exponents beyond this are refused: 10^scale would be built digit by digit. */
    private static final int MAX_EXPONENT = 4000;

    private static Rational exactDecimal(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (Math.abs((long) scale) > MAX_EXPONENT || d.precision() > MAX_EXPONENT) {
            throw new NumberFormatException("exponent or digits beyond " + MAX_EXPONENT);
        }
        return scale >= 0 ? Rational.of(unscaled, BigInteger.TEN.pow(scale))
                : Rational.of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
    }

    private static Rational tolerance(String text, String option) {
        try {
            Rational r = exactDecimal(new BigDecimal(text));
            if (r.signum() < 0) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("compare: " + option + " must be a nonnegative decimal with an exponent within +-" + MAX_EXPONENT + ", got \"" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "\"");
        }
    }

    private static String describe(JsonNode c) {
        return c == null ? "nothing" : shorten(c.toString());
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static String sci(Rational r) {
        if (r.isZero()) {
            return "0";
        }
        BigDecimal v = new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), new java.math.MathContext(3));
        return v.round(new java.math.MathContext(3)).toString();
    }
}
