package org.localitycheck.search;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Verdict;

/** What a run saw of one reading: counts, and the tightest case (largest LHS/RHS). */
public final class ReadingStats {
    private long checked;
    private long trivial;
    private long notApplicable;
    private long undecided;
    private long undecidedEnclosed;
    private long checkedEnclosed;
    private long violations;
    private long witnesses;
    private long climbed;
    private Rational maxRatio;
    private String maxWhere = "";

    /** Bins of LHS/RHS: [0, 0.1), ..., [0.9, 1), exactly 1, above 1. */
    public static final int BINS = 12;
    private final long[] histogram = new long[BINS];
    private long maxSeed;
    private long maxIndex = -1;
    /** bucketMax[k]: the largest LHS/RHS among the cases with index in [2^k - 1, 2^(k+1) - 1). */
    private final Rational[] bucketMax = new Rational[64];
    private final Set<Long> distinct = new HashSet<>();
    private final Set<Long> distinctNontrivial = new HashSet<>();

    /**
     * As {@link #add(Verdict, long, long)}, counting the case among the softmax ones when {@code enclosed} and its
     * instance (by its key) among the distinct ones.
     */
    public void add(Verdict v, long caseSeed, long caseIndex, boolean enclosed, long instanceKey) {
        add(v, caseSeed, caseIndex);
        if (v.applicable()) {
            distinct.add(instanceKey);
        }
        if (v.applicable() && !v.trivial()) {
            distinctNontrivial.add(instanceKey);
        }
        if (enclosed && v.applicable()) {
            checkedEnclosed++;
        }
    }

    /** Checked cases whose policy is known only by enclosures (softmax), decided on them. */
    public long checkedEnclosed() {
        return checkedEnclosed;
    }

    /** As {@link #add(Verdict)}, remembering the case that gave the largest ratio. */
    public void add(Verdict v, long caseSeed, long caseIndex) {
        Rational before = maxRatio;
        add(v);
        Rational r = v.applicable() ? v.ratio() : null;
        if (r != null && caseIndex >= 0) {
            int k = 63 - Long.numberOfLeadingZeros(caseIndex + 1);
            if (bucketMax[k] == null || r.compareTo(bucketMax[k]) > 0) {
                bucketMax[k] = r;
            }
        }
        if (maxRatio != null && maxRatio != before) {
            maxSeed = caseSeed;
            maxIndex = caseIndex;
        }
    }

    public void add(Verdict v) {
        if (!v.applicable()) {
            notApplicable++;
            return;
        }
        checked++;
        trivial += v.trivial() ? 1 : 0;
        if (!v.holds()) {
            violations++;
        } else {
            witnesses++;
        }
        Rational r = v.ratio();
        if (r != null) {
            histogram[bin(r)]++;
        }
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

    /** A case the enclosures could not decide; {@code enclosed}: its policy is known only by enclosures (softmax). */
    public void addUndecided(boolean enclosed) {
        undecided++;
        if (enclosed) {
            undecidedEnclosed++;
        }
    }

    /** Undecided cases whose policy is known only by enclosures (the others are exact and never undecided). */
    public long undecidedEnclosed() {
        return undecidedEnclosed;
    }

    /** Distinct applicable cases: instances, or witnesses for a claim with no instance, told apart by their keys. */
    public long distinct() {
        return distinct.size();
    }

    /** Checked cases that held with both sides 0 ({@link Verdict#trivial}). */
    public long trivial() {
        return trivial;
    }

    /** Distinct instances with a checked case that is not trivial. */
    public long distinctNontrivial() {
        return distinctNontrivial.size();
    }

    public void merge(ReadingStats o) {
        distinct.addAll(o.distinct);
        distinctNontrivial.addAll(o.distinctNontrivial);
        checked += o.checked;
        trivial += o.trivial;
        notApplicable += o.notApplicable;
        undecided += o.undecided;
        undecidedEnclosed += o.undecidedEnclosed;
        checkedEnclosed += o.checkedEnclosed;
        violations += o.violations;
        witnesses += o.witnesses;
        climbed += o.climbed;
        if (o.maxRatio != null && (maxRatio == null || o.maxRatio.compareTo(maxRatio) > 0)) {
            maxRatio = o.maxRatio;
            maxWhere = o.maxWhere;
            maxSeed = o.maxSeed;
            maxIndex = o.maxIndex;
        }
        for (int b = 0; b < BINS; b++) {
            histogram[b] += o.histogram[b];
        }
        for (int k = 0; k < bucketMax.length; k++) {
            if (o.bucketMax[k] != null && (bucketMax[k] == null || o.bucketMax[k].compareTo(bucketMax[k]) > 0)) {
                bucketMax[k] = o.bucketMax[k];
            }
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

    static int bin(Rational r) {
        int c = r.compareTo(Rational.ONE);
        if (c == 0) {
            return BINS - 2;
        }
        if (c > 0) {
            return BINS - 1;
        }
        if (r.signum() <= 0) {
            return 0;
        }
        return r.multiply(Rational.of(10)).floor().intValue();
    }

    /**
     * The largest LHS/RHS per doubling of the cases tried: entry k over the cases with index in [2^k - 1, 2^(k+1) - 1)
     * (null where none had a ratio), up to the last bucket with one. The same for any split into threads or shards.
     */
    public Rational[] maxRatioByCaseBucket() {
        int last = bucketMax.length;
        while (last > 0 && bucketMax[last - 1] == null) {
            last--;
        }
        return Arrays.copyOf(bucketMax, last);
    }

    /** Counts of LHS/RHS per bin (see {@link #BINS}). */
    public long[] histogram() {
        return histogram.clone();
    }

    /** Seed and index of the case with the largest ratio (index -1 when none). */
    public long maxCaseSeed() {
        return maxSeed;
    }

    public long maxCaseIndex() {
        return maxIndex;
    }

    public String maxWhere() {
        return maxWhere;
    }
}
