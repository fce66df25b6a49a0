package org.localitycheck.claim;

import java.util.List;

/** The Section 4 / App. C claims, decided on rigorous enclosures of exp where they need them. */
final class SectionFourClaims {
    private SectionFourClaims() {
    }

    static List<Claim> all() {
        return List.of(new Lemma8Claim(), new Lemma8JacobianClaim(), new Lemma8SharpClaim(), new Lemma10Claim(),
                new Remark11Claim(), new MonotoneClaim());
    }
}
