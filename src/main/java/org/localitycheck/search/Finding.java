package org.localitycheck.search;

import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;

/**
 * A certified violation, shrunk: the claim and reading, the instance (null for statements without one), the
 * witness, the exact verdict, and how to reproduce it: the case (family, seed, index), the hill climb from it
 * (seed and steps, 0 steps when there was none) and the number of shrink steps.
 */
public record Finding(String claim, String reading, Instance instance, Witness witness, Verdict verdict,
        String family, long seed, long caseIndex, long climbSeed, int climbSteps, int shrinkSteps) {
}
