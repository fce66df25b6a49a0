package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Reading;
import org.localitycheck.store.FamilyFile;

/**
 * One catalogue entry per claim id (properties/ID.json): paper location, literal statement, each reading with
 * its expected status, the reasoning, and the evidence of the run (instances checked and largest LHS/RHS, or
 * the stored counterexample files).
 */
public final class Catalogue {
    public static final String FORMAT = "locality-check/claim@1";

    private Catalogue() {
    }

    public static ObjectNode entry(Claim c, JsonNode results, Map<String, List<StoredCounterexample>> stored) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("id", c.id());
        o.put("paper", c.where());
        o.put("statement", c.statement());
        o.put("instances", c.family().equals("any") ? "every generated family" : c.family());
        ArrayNode rs = o.putArray("readings");
        for (Reading r : c.readings()) {
            String key = c.id() + "/" + r.name();
            ObjectNode ro = rs.addObject();
            ro.put("reading", key);
            ro.put("statement", r.statement());
            ro.put("expected", r.expected().label());
            ro.put("existential", r.existential());
            ro.put("category", Strength.category(r));
            ro.put("why", r.rationale());
            if (r.proof() != null) {
                ro.put("proof", r.proof());
            }
            ObjectNode ev = ro.putObject("evidence");
            JsonNode res = results == null ? null : SuiteResults.reading(results, key);
            if (res != null) {
                ev.put("seed", results.get("seed").asText());
                ev.set("checked", res.get("checked"));
                ev.set("distinctInstances", res.get("distinct"));
                if (res.has("exhaustive")) {
                    ev.set("exhaustive", res.get("exhaustive"));
                }
                if (res.path("checkedSoftmax").asLong() > 0) {
                    ev.set("checkedSoftmax", res.get("checkedSoftmax")); // of them, decided on enclosures
                }
                ev.set("casesDrawn", res.get("cases"));
                ev.set("violations", res.get("violations"));
                if (res.path("undecided").asLong() > 0) {
                    // softmax cases whose enclosures overlap at the precision cap: neither holds nor violated
                    ev.set("undecidedSoftmax", res.get("undecided"));
                }
                if (r.existential()) {
                    ev.set("witnesses", res.get("witnesses"));
                }
                ev.set("largestRatio", res.get("maxRatio"));
            }
            ArrayNode files = ev.putArray("counterexamples");
            List<String> names = new ArrayList<>();
            for (StoredCounterexample s : stored.getOrDefault(key, List.of())) {
                files.add("counterexamples/" + s.file());
                names.add(s.file());
            }
            if (FamilyFile.family(key) != null) {
                ev.put("familyFile", "counterexamples/" + FamilyFile.FOLDER + "/"
                        + FamilyFile.fileName(key));
            }
            ro.put("verdict", Strength.of(c, r, res, names));
        }
        return o;
    }
}
