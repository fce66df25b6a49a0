package org.localitycheck.claim;

import java.util.List;

/** The Section 5 claims built on the KL-prox updates of Algorithm 1: Lemma 13, Thm. 14, Cor. 15 and Algorithm 1. */
final class SectionFiveClaims {
    private SectionFiveClaims() {
    }

    static List<Claim> all() {
        return List.of(
                new Lemma13Claim(),
                new OneBlockClaim(),
                new Cor15Claim(),
                new LpiClaim());
    }
}
