package org.localitycheck.claim;

import java.util.List;

/** The Section 5 claims that need the KL-prox updates of Algorithm 1 (their own issue): placeholders until then. */
final class SectionFiveClaims {
    private SectionFiveClaims() {
    }

    static final String ALGORITHM = "needs Algorithm 1's KL-prox updates with exp/log enclosures (Section 5 issue)";

    static List<Claim> pending() {
        return List.of(
                new Lemma13Claim(),
                new OneBlockClaim(),
                new Cor15Claim(),
                new LpiClaim());
    }
}
