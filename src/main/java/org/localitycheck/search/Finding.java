package org.localitycheck.search;

import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;

/**
 * A certified violation, shrunk: the claim and reading, the instance (null for statements without one), the
 * witness, the exact verdict, and how to reproduce it (family, seed, case index, shrink steps).
 */
public record Finding(String claim, String reading, Instance instance, Witness witness, Verdict verdict,
        String family, long seed, long caseIndex, int shrinkSteps) {
}
