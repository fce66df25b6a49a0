package org.localitycheck.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.SoftmaxPolicy;

/**
 * The readings of the catalogue on one given instance ({@code eval}): each at the given witness, or over its own
 * witness grid ({@link WitnessGrid}), with the first violation or else the tightest case reported. Claims about no
 * instance (family "none") and uniformity readings (which build their own instances) are skipped.
 */
public final class InstanceEvaluation {
    private InstanceEvaluation() {
    }

    /** One reading's outcome: applicable cases, undecided ones, and the verdict shown (first violation, else tightest). */
    public record Result(Claim claim, Reading reading, int applicable, int undecided, Verdict verdict, Witness witness) {
        /** A violation of a reading the catalogue says holds: news. */
        public boolean unexpected() {
            return verdict != null && verdict.applicable() && !verdict.holds() && !reading.existential()
                    && reading.expected() == Expected.HOLDS;
        }
    }

    /**
     * True when the reading says something about a given instance: a statement about every instance (family "any"),
     * or about every softmax instance (family "softmax") when the instance has a softmax policy. Claims about one
     * worked example of the paper and uniformity readings (which build their own instances) are not evaluated.
     */
    public static boolean evaluable(Claim c, Reading r, Instance inst) {
        if (r.instanceFree()) {
            return false;
        }
        boolean softmax = inst.policy() instanceof SoftmaxPolicy;
        return c.family().equals("any") || c.family().equals("softmax") && softmax;
    }

    public static List<Result> run(Instance inst, Map<Claim, List<Reading>> selection, Witness fixed) {
        Context ctx = new Context(inst);
        List<Result> out = new ArrayList<>();
        for (Map.Entry<Claim, List<Reading>> e : selection.entrySet()) {
            Claim c = e.getKey();
            List<Witness> grid = null;
            for (Reading r : e.getValue()) {
                if (!evaluable(c, r, inst)) {
                    continue;
                }
                if (grid == null) {
                    grid = WitnessGrid.all(c.parameters(), ctx, fixed);
                }
                int undecided = 0;
                List<Verdict> vs = new ArrayList<>();
                List<Witness> ws = new ArrayList<>();
                for (Witness w : grid) {
                    Verdict v;
                    try {
                        v = Search.check(r, ctx, w);
                    } catch (UnsupportedOperationException tabularOnly) {
                        v = Verdict.notApplicable(tabularOnly.getMessage()); // a reading checked on tabular policies only
                    }
                    if (v == null) {
                        undecided++;
                    } else if (v.applicable()) {
                        vs.add(v);
                        ws.add(w);
                    }
                }
                int applicable = vs.size();
                Verdict shown = vs.isEmpty() ? null : Verdict.worst(vs); // the first violation, else the tightest case
                Witness at = null;
                for (int i = 0; i < vs.size(); i++) {
                    if (vs.get(i) == shown) {
                        at = ws.get(i);
                        break;
                    }
                }
                out.add(new Result(c, r, applicable, undecided, shown, at));
            }
        }
        return out;
    }
}
