package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/** The Section 4 / App. C claims. Only Lemma 8's Jacobian bound is rational; the rest wait for enclosures. */
final class SectionFourClaims {
    // the pending claims are one-line placeholders until the softmax issue; lemma8-jacobian has its own class
    private SectionFourClaims() {
    }

    static final String SOFTMAX = "needs rigorous enclosures of exp (softmax issue)";

    static List<Claim> all() {
        return List.of(
                pendingClaim("lemma8", "Lemma 8", "TV(soft_tau(u), soft_tau(v)) <= ||u - v||_inf / (2 tau)"),
                new Lemma8JacobianClaim(),
                pendingClaim("lemma8-sharp", "Lemma 8", "for each tau and m >= 2 there exist u != v attaining equality"),
                pendingClaim("lemma10", "Lemma 6, Lemma 10",
                        "Pi_{k<-i}(pi) <= min{1, L_{k<-i}/(2 tau)}; Pi_{k<-i} = 0 when i is not in O_k"),
                pendingClaim("remark11", "Remark 11",
                        "1/(2 tau) is sharp even for two actions with uniform logits up to a perturbation on one coordinate"),
                pendingClaim("monotone", "Sec. 4",
                        "H <= E^s + E^a L/(2 tau) implies rho(H) <= rho(E^s + E^a L/(2 tau)); tau -> inf gives Pi -> 0, H -> E^s"));
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
