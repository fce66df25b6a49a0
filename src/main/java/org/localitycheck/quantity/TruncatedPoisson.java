package org.localitycheck.quantity;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;

/**
 * The truncated Poisson surrogate of Sec. 5, Step 2: hhat_kappa = sum_{t=0}^{kappa} (T^pi)^t (r^pi - rbar)
 * - c_kappa. Since T^pi 1 = 1, hhat_kappa = u_kappa - (kappa + 1) rbar - c_kappa with
 * u_kappa = sum_{t=0}^{kappa} (T^pi)^t r^pi, so u_kappa is computed without rbar's large denominator.
 */
public final class TruncatedPoisson {
    private final List<FractionVector> partialSums; // u_0..u_K
    private final Rational averageReward;

    private TruncatedPoisson(List<FractionVector> partialSums, Rational averageReward) {
        this.partialSums = partialSums;
        this.averageReward = averageReward;
    }

    public static TruncatedPoisson of(JointKernel p, Rational[] rewardUnderPolicy, Rational averageReward,
            int maxKappa) {
        return new TruncatedPoisson(partialSums(p, rewardUnderPolicy, maxKappa), averageReward);
    }

    /** u_kappa = sum_{t=0}^{kappa} (T^pi)^t r^pi for kappa = 0..maxKappa (no average reward needed). */
    public static List<FractionVector> partialSums(JointKernel p, Rational[] rewardUnderPolicy, int maxKappa) {
        List<FractionVector> u = new ArrayList<>();
        FractionVector term = FractionVector.of(rewardUnderPolicy);
        FractionVector sum = term;
        u.add(sum);
        for (int k = 1; k <= maxKappa; k++) {
            term = p.apply(term);
            sum = sum.add(term);
            u.add(sum);
        }
        return u;
    }

    public int maxKappa() {
        return partialSums.size() - 1;
    }

    /** hhat_kappa with the given constant c_kappa. */
    public FractionVector surrogate(int kappa, Rational c) {
        return partialSums.get(kappa).subtractConstant(averageReward.multiply(Rational.of(kappa + 1)).add(c));
    }

    /** min_c max_s |hhat_kappa(s) - c - h(s)| = osc(hhat_kappa - h)/2, independent of c_kappa. */
    public Rational bias(int kappa, FractionVector h) {
        return Oscillation.distanceToConstants(partialSums.get(kappa).subtract(h));
    }
}
