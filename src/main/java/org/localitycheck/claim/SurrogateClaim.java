package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.quantity.NeumannCertificate;
import org.localitycheck.quantity.TruncatedPoisson;

/** Sec. 5, Step 2: delta(hhat_kappa) &lt;= cert_kappa = sum_{t &lt;= kappa} ((H^pi)^T)^t b, "by construction". */
final class SurrogateClaim extends BaseClaim {
    SurrogateClaim() {
        super("surrogate", "Sec. 5, Step 2", "delta(hhat_kappa) <= cert_kappa = sum_{t=0}^{kappa} ((H^pi)^T)^t b");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("kappa", Param.Kind.KAPPA));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal", "delta(hhat_kappa) <= cert_kappa entrywise (any c_kappa, any chain)",
                Expected.HOLDS, "delta is shift-invariant and subadditive; Lemma 2 termwise.", SurrogateClaim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        int kappa = w.integer("kappa");
        // delta(hhat_kappa) = delta(u_kappa): the constants (kappa+1) rbar + c_kappa drop out of delta
        var u = TruncatedPoisson.partialSums(ctx.joint(), ctx.loop().rewardUnderPolicy(), kappa).get(kappa);
        RationalVector cert = NeumannCertificate.partialSums(ctx.h(), ctx.deltaReward(), kappa).get(kappa);
        return Checks.entrywise(ctx.delta(u), cert, "delta(hhat_" + kappa + ")");
    }
}
