package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
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
            Map<String, java.util.List<org.localitycheck.search.Exhaustive.ScopeResult>> exhaustive) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("seed", Long.toString(seed));
        root.put("minChecked", minChecked);
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
                for (org.localitycheck.search.Exhaustive.ScopeResult x : exhaustive.get(e.getKey())) {
                    ObjectNode so = arr.addObject();
                    so.put("scope", x.scope());
                    so.put("instances", x.instances());
                    so.put("checked", x.checked());
                    so.put("violations", x.violations());
                    so.put("undecided", x.undecided());
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

    public static JsonNode reading(JsonNode results, String key) {
        return results.get("readings").get(key);
    }
}
