package org.localitycheck.quantity;

import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * The long run of a policy known by enclosures, enclosed: the stationary distribution d, the average reward rbar,
 * the Poisson solution h (d.h = 0) and the truncated bias of each kappa. {@link DyadicChain} encloses it around
 * centres on a dyadic grid, {@link IntervalPolicyChain} around the exact values at the rational policy pi~.
 */
public interface EnclosedChain {
    /** The number of joint states. */
    int states();

    RationalInterval stationary(int s);

    default RationalInterval[] stationary() {
        RationalInterval[] d = new RationalInterval[states()];
        for (int s = 0; s < d.length; s++) {
            d[s] = stationary(s);
        }
        return d;
    }

    RationalInterval averageReward();

    RationalInterval poisson(int s);

    /** The centre h~ of the Poisson enclosures. */
    FractionVector poissonCenter();

    /** A bound on ||h - poissonCenter||_inf. */
    Rational poissonRadius();

    int maxKappa();

    /** min_c ||hhat_kappa - c - h||_inf, enclosed. */
    RationalInterval truncatedBias(int kappa);
}
