package org.localitycheck.quantity;

import java.util.Arrays;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;

/** App. B.7: W^{-1} H W for positive weights w, W = diag(w), and delta^w_i(f) = w_i delta_i(f). */
public final class WeightedInfluence {
    private WeightedInfluence() {
    }

    public static RationalMatrix conjugate(RationalMatrix h, RationalVector w) {
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).signum() <= 0) {
                throw new IllegalArgumentException("WeightedInfluence: w_" + i + " = " + w.get(i) + ", must be positive");
            }
        }
        RationalMatrix wm = RationalMatrix.diagonal(w);
        RationalVector inv = RationalVector.of(Arrays.stream(w.toArray()).map(x -> x.reciprocal())
                .toArray(Rational[]::new));
        return RationalMatrix.diagonal(inv).multiply(h).multiply(wm);
    }

    /** (w_i delta_i)_i. */
    public static RationalVector weighted(RationalVector delta, RationalVector w) {
        Rational[] r = new Rational[delta.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = delta.get(i).multiply(w.get(i));
        }
        return RationalVector.of(r);
    }
}
