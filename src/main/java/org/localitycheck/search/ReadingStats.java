package org.localitycheck.search;

import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Verdict;

/** What a run saw of one reading: counts, and the tightest case (largest LHS/RHS). */
public final class ReadingStats {
    private long checked;
    private long notApplicable;
    private long undecided;
    private long violations;
    private long witnesses;
    private long climbed;
    private Rational maxRatio;
    private String maxWhere = "";

    public void add(Verdict v) {
        if (!v.applicable()) {
            notApplicable++;
            return;
        }
        checked++;
        if (!v.holds()) {
            violations++;
        } else {
            witnesses++;
        }
        Rational r = v.ratio();
        if (r != null && (maxRatio == null || r.compareTo(maxRatio) > 0)) {
            maxRatio = r;
            maxWhere = v.where();
        }
    }

    /** A violation reached by hill climbing from a case that held (counted apart from the drawn cases). */
    public void addClimbed() {
        climbed++;
    }

    public long climbed() {
        return climbed;
    }

    public void addUndecided() {
        undecided++;
    }

    public void merge(ReadingStats o) {
        checked += o.checked;
        notApplicable += o.notApplicable;
        undecided += o.undecided;
        violations += o.violations;
        witnesses += o.witnesses;
        climbed += o.climbed;
        if (o.maxRatio != null && (maxRatio == null || o.maxRatio.compareTo(maxRatio) > 0)) {
            maxRatio = o.maxRatio;
            maxWhere = o.maxWhere;
        }
    }

    /** Cases inside the reading's hypotheses, decided exactly. */
    public long checked() {
        return checked;
    }

    public long notApplicable() {
        return notApplicable;
    }

    public long undecided() {
        return undecided;
    }

    public long violations() {
        return violations;
    }

    /** For existential readings: cases that satisfied the statement. */
    public long witnesses() {
        return witnesses;
    }

    /** Largest LHS/RHS seen over cases with RHS &gt; 0, or null when none. */
    public Rational maxRatio() {
        return maxRatio;
    }

    public String maxWhere() {
        return maxWhere;
    }
}
