package org.localitycheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.localitycheck.arith.Rational;

/**
 * Another implementation's reference outputs against exact ones (reference@1 and reference@2 alike, by their JSON
 * trees): a value passes when |candidate - reference| &lt;= atol + rtol |reference| (numpy's isclose), an enclosure
 * when the candidate is within that distance of it; a candidate that writes an enclosure itself passes when both its
 * ends do (and lower &lt;= upper). Errors are computed exactly. Top-level "format" must be the reference's text and
 * "instance" (the hash of the instance the output is of) the same hex, in either case; "notes" (words) are not
 * compared. A boolean must be the same JSON boolean; an integer (such as "k") the same integer, written as a number or a
 * string, as every number may be.
 */
public final class ReferenceComparison {
    /** Worst errors of one field across the corpus. */
    public static final class FieldStats {
        public long values;
        public long failures;
        public Rational worstAbs = Rational.ZERO;
        public String worstAbsAt = "";
        public Rational worstRel = Rational.ZERO;
        public String worstRelAt = "";
    }

    /** Per field (indices replaced by []) its statistics; problems and extra fields as lines; failing file names. */
    public record Result(int instances, Map<String, FieldStats> fields, List<String> problems, List<String> extras,
            Set<String> failing) {
    }

    private final Map<String, FieldStats> fields = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> extras = new ArrayList<>();
    private final Set<String> failedFiles = new HashSet<>();
    private final Rational rtol;
    private final Rational atol;

    private ReferenceComparison(Rational rtol, Rational atol) {
        this.rtol = rtol;
        this.atol = atol;
    }

    /**
     * Compares each reference file with the file of the same name in {@code candidate}, reading both with
     * {@code read} (which names the file in its own errors).
     */
    public static Result run(List<Path> references, Path candidate, Rational rtol, Rational atol,
            Function<Path, JsonNode> read) {
        ReferenceComparison c = new ReferenceComparison(rtol, atol);
        Set<String> failing = new TreeSet<>();
        for (Path ref : references) {
            String name = ref.getFileName().toString();
            Path cand = candidate.resolve(name);
            if (!Files.exists(cand)) {
                c.problems.add(name + ": no candidate file " + cand);
                failing.add(name);
                continue;
            }
            int before = c.problems.size();
            try {
                c.compareNode(name, "", read.apply(ref), read.apply(cand));
            } catch (BadFile e) {
                throw new BadFile(ref, e.getMessage());
            }
            if (c.problems.size() > before || c.failedFiles.contains(name)) {
                failing.add(name);
            }
        }
        return new Result(references.size(), c.fields, c.problems, c.extras, failing);
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
                if (path.isEmpty() && k.equals("notes")) {
                    continue;
                }
                String p = path.isEmpty() ? k : path + "." + k;
                if (!c.has(k)) {
                    problems.add(file + " " + p + ": missing in the candidate");
                    continue;
                }
                if (path.isEmpty() && (k.equals("format") || k.equals("instance"))) {
                    boolean same = c.get(k).isTextual() && (k.equals("format") ? c.get(k).asText().equals(r.get(k).asText())
                            : c.get(k).asText().equalsIgnoreCase(r.get(k).asText()));
                    if (!same) {
                        problems.add(file + " " + p + ": expected " + shorten(r.get(k).toString()) + ", candidate has "
                                + describe(c.get(k)) + (k.equals("instance") ? " (an output of another instance?)" : ""));
                    }
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
        } else if (r.isBoolean()) {
            if (c == null || !c.isBoolean() || r.booleanValue() != c.booleanValue()) {
                problems.add(file + " " + path + ": expected " + r + ", candidate has " + describe(c));
            }
        } else if (r.isIntegralNumber()) {
            Rational v = quietValue(c);
            if (v == null || !v.equals(Rational.of(r.bigIntegerValue()))) {
                problems.add(file + " " + path + ": expected " + r + ", candidate has " + describe(c));
            }
        } else {
            Rational exact = referenceValue(path, r);
            Rational value = candidateValue(file, path, c);
            if (value != null) {
                record(file, path, exact, value.subtract(exact).abs(), "the exact " + shorten(exact.toString()));
            }
        }
    }

    /** An exact value of the reference: a rational as a string (FORMATS.md), nothing else. */
    private static Rational referenceValue(String path, JsonNode r) {
        try {
            if (!r.isTextual()) {
                throw new IllegalArgumentException("not a string");
            }
            return Rational.parse(r.asText());
        } catch (IllegalArgumentException e) {
            throw new BadFile(null, (path.isEmpty() ? "value" : path) + ": expected an exact rational as a string "
                    + "(such as \"3/4\"), got " + shorten(r.toString()));
        }
    }

    private void compareEnclosure(String file, String path, JsonNode r, JsonNode c) {
        Rational lo = referenceValue(path + ".lower", r.get("lower"));
        Rational hi = referenceValue(path + ".upper", r.get("upper"));
        Rational value;
        if (c != null && c.isObject() && c.has("lower") && c.has("upper")) {
            Rational cl = candidateValue(file, path + ".lower", c.get("lower"));
            Rational cu = candidateValue(file, path + ".upper", c.get("upper"));
            if (cl == null || cu == null) {
                return;
            }
            if (cl.compareTo(cu) > 0) {
                problems.add(file + " " + path + ": the candidate's enclosure has lower " + shorten(cl.toString())
                        + " above upper " + shorten(cu.toString()));
                return;
            }
            // the candidate says the value lies anywhere in [cl, cu]: its error is that of its worse end
            value = distance(cl, lo, hi).compareTo(distance(cu, lo, hi)) >= 0 ? cl : cu;
        } else {
            value = candidateValue(file, path, c);
        }
        if (value == null) {
            return;
        }
        record(file, path, value.compareTo(lo) < 0 ? lo : value.compareTo(hi) > 0 ? hi : value, distance(value, lo, hi),
                "the enclosure of the exact value, about " + lo.add(hi).multiply(Rational.HALF).doubleValue() + " (width "
                        + sci(hi.subtract(lo)) + ")");
    }

    /** The distance from x to [lo, hi]. */
    private static Rational distance(Rational x, Rational lo, Rational hi) {
        return x.compareTo(lo) < 0 ? lo.subtract(x) : x.compareTo(hi) > 0 ? x.subtract(hi) : Rational.ZERO;
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

    /**
     * A JSON number (its exact decimal text) or a string: integer, fraction, or decimal with an optional exponent; null
     * for anything else, reporting nothing.
     */
    private static Rational quietValue(JsonNode c) {
        try {
            if (c != null && c.isNumber()) {
                return exactDecimal(c.decimalValue());
            }
            if (c != null && c.isTextual()) {
                String t = c.asText().trim();
                return t.matches("-?[0-9]+(/[1-9][0-9]*)?") ? Rational.parse(t) : exactDecimal(new BigDecimal(t));
            }
        } catch (NumberFormatException e) {
            // not a number: null
        }
        return null;
    }

    /** {@link #quietValue}, with a problem reported when the candidate's value is not a number. */
    private Rational candidateValue(String file, String path, JsonNode c) {
        Rational v = quietValue(c);
        if (v == null) {
            problems.add(file + " " + path + ": candidate value " + describe(c) + " is not a number");
        }
        return v;
    }

    /** Exponents beyond this are refused: 10^scale would be built digit by digit. */
    private static final int MAX_EXPONENT = 4000;

    /** A decimal as an exact rational; NumberFormatException beyond {@link #MAX_EXPONENT} digits or exponent. */
    public static Rational exactDecimal(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (Math.abs((long) scale) > MAX_EXPONENT || d.precision() > MAX_EXPONENT) {
            throw new NumberFormatException("exponent or digits beyond " + MAX_EXPONENT);
        }
        return scale >= 0 ? Rational.of(unscaled, BigInteger.TEN.pow(scale))
                : Rational.of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
    }

    /** The most exponent a tolerance or candidate value may have. */
    public static int maxExponent() {
        return MAX_EXPONENT;
    }

    private static String describe(JsonNode c) {
        return c == null ? "nothing" : shorten(c.toString());
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Three significant digits, for tables and messages. */
    public static String sci(Rational r) {
        if (r.isZero()) {
            return "0";
        }
        BigDecimal v = new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), new MathContext(3));
        return v.round(new MathContext(3)).toString();
    }
}
