package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.search.Search;

/**
 * Section 5's evidence per truncation depth: for a claim, the suite's tightest case of its first reading (from the
 * run's results: its case seed and index) is drawn again and every listed reading is evaluated at kappa = 0..8, so
 * the actual quantity and each reading's bound sit side by side. Every number comes from the claim's own check.
 */
final class KappaEvidence {
    static final int MAX_KAPPA = 8;

    /** The groups shown: a claim id and its readings, the first one's tightest case being used. */
    static final String[][] GROUPS = {
        {"thm7-bias", "literal", "untransposed", "proof-n-binf", "c-zero"},
        {"thm7-certificate", "two-sided", "upper-tail"},
        {"surrogate", "literal"},
        {"one-block", "average-reward", "second-form", "kl-anchored"},
        {"cor15", "per-block-bias", "literal", "stale"}};

    record Table(String claim, String caseLine, List<String> readings, List<String[]> rows) {
    }

    private KappaEvidence() {
    }

    static List<Table> tables(JsonNode results) {
        List<Table> out = new ArrayList<>();
        for (String[] g : GROUPS) {
            JsonNode res = SuiteResults.reading(results, g[0] + "/" + g[1]);
            if (res == null || !res.has("maxCaseSeed")) {
                continue;
            }
            Claim claim = Claims.byId(g[0]);
            Search.Case c = Search.draw(claim, Long.parseLong(res.get("maxCaseSeed").asText()), res.get("maxCaseIndex").asLong());
            Context ctx = c.context();
            Witness w = c.witness();
            if (!w.has("kappa")) {
                continue;
            }
            List<String> readings = List.of(g).subList(1, g.length);
            List<String[]> rows = new ArrayList<>();
            for (int k = 0; k <= MAX_KAPPA; k++) {
                String[] row = new String[1 + readings.size()];
                row[0] = Integer.toString(k);
                for (int i = 0; i < readings.size(); i++) {
                    row[i + 1] = cell(Search.check(claim.reading(readings.get(i)), ctx, w.with("kappa", k)));
                }
                rows.add(row);
            }
            String line = claim.id() + "/" + g[1] + "'s tightest case: " + c.generated().family() + " family, "
                    + ctx.agents() + " agents, " + ctx.instance().states().size() + " joint states, witness "
                    + w.values().keySet().stream().filter(x -> !x.equals("kappa")).map(x -> x + " = " + show(w.values().get(x)))
                            .toList();
            out.add(new Table(claim.id(), line, readings, rows));
        }
        return out;
    }

    private static String show(Object v) {
        return v instanceof Rational[] ? Arrays.toString((Rational[]) v) : v.toString();
    }

    /** "LHS <= RHS" in six digits, marked when violated; "-" outside the reading's hypotheses. */
    static String cell(Verdict v) {
        if (v == null) {
            return "undecided";
        }
        if (!v.applicable()) {
            return "-";
        }
        return Report.decimal(v.lhs()) + (v.holds() ? " <= " : " > ") + Report.decimal(v.rhs()) + (v.holds() ? "" : " (violated)");
    }

    static String markdown(List<Table> tables) {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append("\n### ").append(t.claim()).append("\n\n").append(t.caseLine()).append("; each cell is LHS and RHS of the ")
                    .append("reading at that kappa.\n\n| kappa | ").append(String.join(" | ", t.readings())).append(" |\n|---");
            sb.append("|---".repeat(t.readings().size())).append("|\n");
            for (String[] r : t.rows()) {
                sb.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
        }
        return sb.toString();
    }

    static String html(List<Table> tables) {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append("<h3>").append(Report.esc(t.claim())).append("</h3>\n<p>").append(Report.esc(t.caseLine()))
                    .append("; each cell is LHS and RHS of the reading at that kappa.</p>\n<table><tr><th>kappa</th>");
            for (String r : t.readings()) {
                sb.append("<th>").append(Report.esc(r)).append("</th>");
            }
            sb.append("</tr>\n");
            for (String[] r : t.rows()) {
                sb.append("<tr>");
                for (String x : r) {
                    sb.append("<td>").append(Report.esc(x)).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.toString();
    }
}
