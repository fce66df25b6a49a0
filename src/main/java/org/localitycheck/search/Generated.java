package org.localitycheck.search;

import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;

/** An instance drawn by a family, the family's own parameters (alpha of Sec. 3, ...), and where it came from. */
public record Generated(Instance instance, Witness familyParams, String family, long seed) {
}
