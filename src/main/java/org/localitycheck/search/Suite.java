package org.localitycheck.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;

/**
 * The regression run of every checked reading: cases are drawn in order from a fixed seed until each reading
 * of a claim has at least {@code minChecked} applicable checks (existential readings: at least one witness),
 * or {@code maxCases} cases were drawn. Deterministic.
 */
public final class Suite {
    public static final long DEFAULT_SEED = 20261124L;

    private Suite() {
    }

    public record Outcome(Claim claim, Reading reading, ReadingStats stats, long cases) {
    }

    public static Map<String, Outcome> run(long seed, long minChecked, long maxCases, Consumer<Finding> onFinding) {
        return run(seed, minChecked, maxCases, onFinding, (done, claim) -> { });
    }

    /** As above, telling {@code progress} how many claims are done and which one comes next (null after the last). */
    public static Map<String, Outcome> run(long seed, long minChecked, long maxCases, Consumer<Finding> onFinding,
            BiConsumer<Integer, String> progress) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        int done = 0;
        for (Claim c : Claims.all()) {
            progress.accept(done++, c.id());
            List<Reading> checked = c.readings();
            Map<String, ReadingStats> total = new LinkedHashMap<>();
            for (Reading r : checked) {
                total.put(r.name(), new ReadingStats());
            }
            long cases = 0;
            long chunk = 50;
            while (!checked.isEmpty() && cases < maxCases && !enough(checked, total, minChecked)) {
                // only a violation of a reading expected to hold is news: it is shrunk and handed on
                Map<String, ReadingStats> part = Search.run(c, checked, seed, cases, 1, chunk,
                        new Search.Options(1, r -> r.expected() == Expected.HOLDS, 0), onFinding, () -> false);
                part.forEach((k, v) -> total.get(k).merge(v));
                cases += chunk;
            }
            for (Reading r : c.readings()) {
                out.put(c.id() + "/" + r.name(), new Outcome(c, r, total.getOrDefault(r.name(), new ReadingStats()), cases));
            }
        }
        progress.accept(done, null);
        return out;
    }

    private static boolean enough(List<Reading> rs, Map<String, ReadingStats> total, long minChecked) {
        for (Reading r : rs) {
            ReadingStats s = total.get(r.name());
            // an existential reading needs one witness, unless a proof refutes it: then it needs cases like a universal one
            if (r.existential() && r.proof() == null ? s.witnesses() < 1 : s.checked() < minChecked) {
                return false;
            }
        }
        return true;
    }
}
