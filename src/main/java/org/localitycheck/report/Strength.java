package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.search.WitnessGenerator;

/**
 * A verdict with its strength, as the report and the catalogue print it: {@code refuted (certified file)},
 * {@code refuted (proof)}, {@code holds (proof)}, {@code holds (exhaustive in scope S x its witness grid, N instances)},
 * {@code holds (sampled, N distinct instances)}, {@code open (...)}; and the words that flag a failure of the
 * suite itself in capitals (a violated holds reading, a refuted reading without its file).
 */
public final class Strength {
    private Strength() {
    }

    /** {@code res}: the reading's suite results (may be null); {@code files}: its stored counterexample files. */
    /** A claim about fixed numbers (no instance, no parameter): its one exact computation is the whole check. */
    public static boolean singleComputation(Claim c) {
        return c.parameters().isEmpty() && c.family().equals("none");
    }

    static String of(Claim c, Reading r, JsonNode res, List<String> files) {
        long violations = res == null ? 0 : res.path("violations").asLong();
        if (res != null && res.has("exhaustive")) {
            for (JsonNode e : res.get("exhaustive")) {
                violations += r.existential() ? 0 : e.path("violations").asLong();
            }
        }
        long witnesses = res == null ? 0 : res.path("witnesses").asLong();
        long distinct = res == null ? 0 : res.path("distinct").asLong();
        String exhaustive = exhaustive(res);
        if (r.expected() == Expected.OPEN) {
            return "open";
        }
        if (r.proof() != null) {
            boolean contradicted = r.existential() ? witnesses > 0 : violations > 0;
            String steps = r.instanceFree()
                    ? "proof; its closed form checked exactly at the family members m = 2.."
                            + (1 + WitnessGenerator.UNIFORMITY_MEMBERS)
                    : "proof; its conclusion checked on " + distinct + " distinct cases" + exhaustive;
            return contradicted ? "PROOF CONTRADICTED BY A CASE" : r.expected().label() + " (" + steps + ")";
        }
        if (r.expected() == Expected.REFUTED) {
            return files.isEmpty() ? "REFUTED BUT NO FILE" : "refuted (certified file)";
        }
        if (r.existential()) {
            return witnesses > 0 ? "holds (witness found)" : "NO WITNESS";
        }
        if (violations > 0) {
            return "VIOLATED";
        }
        if (singleComputation(c)) {
            return "holds (exact computation)";
        }
        return "holds (sampled, " + distinct + " distinct instances" + exhaustive + ")";
    }

    /**
     * "; exhaustive in scope S x its witness grid (N instances, M cases)" for every exhaustive scope where the reading
     * had a case whose two sides were not both 0, else "": a scope where every case is 0 &lt;= 0 showed only that the
     * left side vanishes where the right one does (in the bandit scopes every oscillation is 0) and is not named. N
     * counts the instances with such a case, M the cases, of which those with both sides 0 are said. Exhaustive over
     * the scope's instances only: continuous witnesses (f, lambda, tau, t) run over the reading's finite grid.
     */
    static String exhaustive(JsonNode res) {
        StringBuilder sb = new StringBuilder();
        if (res != null && res.has("exhaustive")) {
            for (JsonNode e : res.get("exhaustive")) {
                long checked = e.path("checked").asLong();
                long trivial = e.path("trivial").asLong();
                if (checked - trivial > 0) {
                    long instances = e.has("instancesNontrivial") ? e.get("instancesNontrivial").asLong()
                            : e.get("instances").asLong();
                    sb.append("; exhaustive in scope ").append(e.get("scope").asText()).append(" x its witness grid (")
                            .append(instances)
                            .append(" instances, ").append(checked).append(" cases");
                    if (trivial > 0) {
                        sb.append(", ").append(trivial).append(" of them 0 <= 0");
                    }
                    sb.append(")");
                }
            }
        }
        return sb.toString();
    }

    /**
     * The category column: "error in the paper" for a statement as written that is refuted, with its kind unless it is
     * false in its natural reading.
     */
    static String category(Reading r) {
        if (!r.paperError()) {
            return r.category().label();
        }
        return r.kind() == Reading.ErrorKind.SUBSTANTIVE ? "error in the paper"
                : "error in the paper (" + r.kind().label() + ")";
    }
}
