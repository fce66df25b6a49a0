package org.localitycheck.claim;

import java.util.List;

/** The Section 5 claims that need the KL-prox updates of Algorithm 1 (their own issue): placeholders until then. */
final class SectionFiveClaims {
    private SectionFiveClaims() {
    }

    static final String ALGORITHM = "needs Algorithm 1's KL-prox updates with exp/log enclosures (Section 5 issue)";

    static List<Claim> pending() {
        return List.of(
                SectionFourClaims.pendingClaim("lemma13", "Lemma 13",
                        "max_p <p,g> - tau KL(p||q) = tau log sum q e^{g/tau}, attained uniquely at p* ~ q e^{g/tau}; "
                                + "<p* - q, g> >= tau KL(p*||q)", ALGORITHM),
                SectionFourClaims.pendingClaim("one-block", "Sec. 5 display; Thm. 14",
                        "rbar_tau(mu) - rbar_tau(pi) >= tau E_{d^mu} KL(pi_k^new || pi_k) - 2 ||hhat_kappa - h||_inf; "
                                + "second form with C_eps", ALGORITHM),
                SectionFourClaims.pendingClaim("cor15", "Cor. 15",
                        "cyclic pass: gain >= tau sum_k E KL(...) - 2n ||hhat_kappa - h||_inf", ALGORITHM),
                SectionFourClaims.pendingClaim("lpi", "Algorithm 1",
                        "the oracle iteration runs as written, keeps product form, and its updates are the closed-form "
                                + "KL-prox maximizers", ALGORITHM));
    }
}
