package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;
import org.localitycheck.search.Exhaustive;
import org.localitycheck.search.ReadingStats;
import org.localitycheck.search.Suite;

/**
 * The outcome of a suite run as JSON ({@code locality-check/suite-results@1}): per reading the counts and the
 * largest LHS/RHS. Written by the property tests, read by {@code report}.
 */
public final class SuiteResults {
    public static final String FORMAT = "locality-check/suite-results@1";

    private SuiteResults() {
    }

    public static ObjectNode toTree(long seed, long minChecked, Map<String, Suite.Outcome> outcomes) {
        return toTree(seed, minChecked, outcomes, Map.of());
    }

    /** With the results of the exhaustive scopes, per reading key. */
    public static ObjectNode toTree(long seed, long minChecked, Map<String, Suite.Outcome> outcomes,
            Map<String, List<Exhaustive.ScopeResult>> exhaustive) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("seed", Long.toString(seed));
        root.put("minChecked", minChecked);
        root.put("code", CodeFingerprint.current());
        ObjectNode rs = root.putObject("readings");
        for (Map.Entry<String, Suite.Outcome> e : outcomes.entrySet()) {
            ReadingStats s = e.getValue().stats();
            ObjectNode o = rs.putObject(e.getKey());
            o.put("expected", e.getValue().reading().expected().label());
            o.put("existential", e.getValue().reading().existential());
            o.put("cases", e.getValue().cases());
            o.put("checked", s.checked());
            if (exhaustive.containsKey(e.getKey())) {
                var arr = o.putArray("exhaustive");
                for (Exhaustive.ScopeResult x : exhaustive.get(e.getKey())) {
                    ObjectNode so = arr.addObject();
                    so.put("scope", x.scope());
                    so.put("instances", x.instances());
                    so.put("checked", x.checked());
                    so.put("violations", x.violations());
                    so.put("undecided", x.undecided());
                    so.put("trivial", x.trivial());
                    so.put("instancesNontrivial", x.instancesNontrivial());
                }
            }
            o.put("distinct", s.distinct());
            o.put("checkedSoftmax", s.checkedEnclosed());
            o.put("notApplicable", s.notApplicable());
            o.put("undecided", s.undecided());
            o.put("undecidedSoftmax", s.undecidedEnclosed());
            o.put("violations", s.violations());
            o.put("witnesses", s.witnesses());
            var h = o.putArray("ratioHistogram");
            for (long x : s.histogram()) {
                h.add(x);
            }
            var byCases = o.putArray("maxRatioByCases");
            for (Rational x : s.maxRatioByCaseBucket()) {
                if (x == null) {
                    byCases.addNull();
                } else {
                    byCases.add(x.toString());
                }
            }
            if (s.maxCaseIndex() >= 0) {
                o.put("maxCaseSeed", Long.toString(s.maxCaseSeed()));
                o.put("maxCaseIndex", s.maxCaseIndex());
            }
            if (s.maxRatio() == null) {
                o.putNull("maxRatio");
            } else {
                o.put("maxRatio", s.maxRatio().toString());
                o.put("maxRatioAt", s.maxWhere());
            }
        }
        return root;
    }

    /**
     * Checks a results tree read from a file before a report is built from it: the format, and for every reading of the
     * catalogue its counts as integers at least 0 and its largest ratio as a rational or null. Throws
     * IllegalArgumentException naming the place and the rule.
     */
    public static void validate(JsonNode root) {
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\"");
        }
        count(root, "minChecked", "");
        if (!root.path("seed").isTextual() || !root.path("seed").asText().matches("-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("seed: expected a 64-bit integer as a string");
        }
        JsonNode readings = root.get("readings");
        if (readings == null || !readings.isObject()) {
            throw new IllegalArgumentException("readings: expected an object");
        }
        for (Claim c : Claims.all()) {
            for (Reading r : c.readings()) {
                String key = c.id() + "/" + r.name();
                JsonNode o = readings.get(key);
                if (o == null || !o.isObject()) {
                    throw new IllegalArgumentException("readings." + key + ": missing (the results are of another catalogue)");
                }
                for (String f : new String[] {"cases", "checked", "distinct", "checkedSoftmax", "notApplicable", "undecided",
                        "undecidedSoftmax", "violations", "witnesses"}) {
                    count(o, f, "readings." + key + ".");
                }
                if (!r.expected().label().equals(o.path("expected").asText())) {
                    throw new IllegalArgumentException("readings." + key + ".expected: the catalogue says " + r.expected().label());
                }
                long checked = o.get("checked").asLong();
                for (String f : new String[] {"distinct", "checkedSoftmax", "violations", "witnesses"}) {
                    if (o.get(f).asLong() > checked) {
                        throw new IllegalArgumentException("readings." + key + "." + f + ": more than the " + checked
                                + " cases checked");
                    }
                }
                if (o.get("undecidedSoftmax").asLong() > o.get("undecided").asLong()) {
                    throw new IllegalArgumentException("readings." + key + ".undecidedSoftmax: more than undecided");
                }
                JsonNode hist = o.get("ratioHistogram");
                if (hist == null || !hist.isArray()) {
                    throw new IllegalArgumentException("readings." + key + ".ratioHistogram: expected an array");
                }
                for (JsonNode x : hist) {
                    if (!x.isIntegralNumber() || !x.canConvertToLong() || x.asLong() < 0) {
                        throw new IllegalArgumentException("readings." + key + ".ratioHistogram: expected integers at least 0");
                    }
                }
                JsonNode ex = o.get("exhaustive");
                if (ex != null && (!ex.isArray() || StreamSupport.stream(ex.spliterator(), false)
                        .anyMatch(x -> !x.isObject() || !x.path("scope").isTextual()))) {
                    throw new IllegalArgumentException("readings." + key + ".exhaustive: expected an array of scopes");
                }
                JsonNode ratio = o.get("maxRatio");
                if (ratio == null || !(ratio.isNull() || ratio.isTextual())) {
                    throw new IllegalArgumentException("readings." + key + ".maxRatio: expected a rational string or null");
                }
                if (ratio.isTextual()) {
                    Rational.parse(ratio.asText());
                }
                if (o.has("maxCaseSeed") || o.has("maxCaseIndex")) {
                    if (!o.path("maxCaseSeed").isTextual() || !o.path("maxCaseSeed").asText().matches("-?[0-9]{1,19}")) {
                        throw new IllegalArgumentException("readings." + key + ".maxCaseSeed: expected a 64-bit integer as "
                                + "a string, beside maxCaseIndex");
                    }
                    Long.parseLong(o.get("maxCaseSeed").asText()); // 19 digits may still overflow
                    count(o, "maxCaseIndex", "readings." + key + ".");
                }
                JsonNode byCases = o.get("maxRatioByCases"); // absent in results of earlier versions
                if (byCases != null && (!byCases.isArray() || byCases.size() > 64
                        || StreamSupport.stream(byCases.spliterator(), false)
                                .anyMatch(x -> !x.isNull() && !x.isTextual()))) {
                    throw new IllegalArgumentException("readings." + key + ".maxRatioByCases: expected at most 64 rational "
                            + "strings or nulls");
                }
                for (JsonNode x : o.path("maxRatioByCases")) {
                    if (x.isTextual()) {
                        Rational.parse(x.asText());
                    }
                }
                for (JsonNode x : o.path("exhaustive")) {
                    for (String f : new String[] {"instances", "checked", "violations", "undecided"}) {
                        count(x, f, "readings." + key + ".exhaustive[].");
                    }
                    for (String f : new String[] {"trivial", "instancesNontrivial"}) { // absent in earlier versions
                        if (x.has(f)) {
                            count(x, f, "readings." + key + ".exhaustive[].");
                        }
                    }
                }
            }
        }
    }

    private static void count(JsonNode o, String field, String place) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException(place + field + ": expected an integer at least 0");
        }
    }

    public static JsonNode reading(JsonNode results, String key) {
        return results.get("readings").get(key);
    }
}
