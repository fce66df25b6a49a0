package org.localitycheck.quantity;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;

/**
 * The truncated Neumann certificate of Sec. 5, Step 1: cert_kappa = sum_{t=0}^{kappa} ((H^pi)^T)^t b with
 * H^pi = E^s + E^a Pi in the Section 3 orientation and b = delta(r^pi).
 */
public final class NeumannCertificate {
    private NeumannCertificate() {
    }

    /** The partial sums for kappa = 0..maxKappa, computed by kappa rounds of message passing x &lt;- H^T x. */
    public static List<RationalVector> partialSums(RationalMatrix h, RationalVector b, int maxKappa) {
        RationalMatrix ht = h.transpose();
        List<RationalVector> out = new ArrayList<>();
        RationalVector term = b;
        RationalVector sum = b;
        out.add(sum);
        for (int k = 1; k <= maxKappa; k++) {
            term = ht.multiply(term);
            sum = sum.add(term);
            out.add(sum);
        }
        return out;
    }
}
