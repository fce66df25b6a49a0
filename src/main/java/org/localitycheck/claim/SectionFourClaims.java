package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/** The Section 4 / App. C claims, decided on rigorous enclosures of exp where they need them. */
final class SectionFourClaims {
    // each claim has its own class; pendingClaim is the placeholder the Section 5 claims still use
    private SectionFourClaims() {
    }

    static final String SOFTMAX = "needs rigorous enclosures of exp (softmax issue)";

    static List<Claim> all() {
        return List.of(new Lemma8Claim(), new Lemma8JacobianClaim(), new Lemma8SharpClaim(), new Lemma10Claim(),
                new Remark11Claim(), new MonotoneClaim());
    }

    static Claim pendingClaim(String id, String where, String statement) {
        return pendingClaim(id, where, statement, SOFTMAX);
    }

    static Claim pendingClaim(String id, String where, String statement, String reason) {
        return new BaseClaim(id, where, statement) {
            @Override
            public String family() {
                return "none";
            }

            @Override
            public List<Reading> readings() {
                return List.of(Reading.pending("literal", statement, reason));
            }
        };
    }
}
