package org.localitycheck.claim;

import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.Instance;
import org.localitycheck.quantity.ClosedLoop;
import org.localitycheck.quantity.IntervalPolicyChain;
import org.localitycheck.quantity.JointKernel;
import org.localitycheck.quantity.Oscillation;
import org.localitycheck.quantity.PolicyEnclosure;
import org.localitycheck.quantity.Sensitivities;

/**
 * What the Section 3 readings need of a softmax instance at one precision: the policy enclosure, the exact chain at
 * its rational policy pi~, and the enclosures of Pi, C and H. Built once per precision by {@link Context}.
 */
final class SoftmaxEnclosures {
    final PolicyEnclosure policy;
    final ClosedLoop pointLoop;
    final JointKernel pointKernel;
    final MatrixEnclosure pi;
    final MatrixEnclosure c;
    final MatrixEnclosure h;
    private Optional<IntervalPolicyChain> chain;

    /** {@code pi}: Pi at the same precision, from the context's cache. */
    SoftmaxEnclosures(Instance inst, RationalMatrix es, RationalMatrix ea, MatrixEnclosure pi, int bits) {
        policy = PolicyEnclosure.softmax(inst, bits);
        pointLoop = ClosedLoop.of(policy.pointInstance());
        pointKernel = pointLoop.jointKernel();
        this.pi = pi;
        c = Sensitivities.closedLoopInfluence(pointLoop, policy);
        h = Sensitivities.influenceBound(es, ea, pi);
    }

    /**
     * delta(T^t f) for the softmax kernel T: T^t f - T~^t f = sum_{m&lt;t} T^m (T - T~) T~^{t-1-m} f, and T^m does not
     * increase the sup norm, so T^t f lies within sum_m ||(T - T~) T~^m f|| of T~^t f (each term bounded by
     * {@link PolicyEnclosure#kernelDeviation}), and delta moves by at most twice that.
     */
    RationalInterval[] deltaOfIterate(FractionVector f, int t) {
        FractionVector x = f;
        Rational radius = Rational.ZERO;
        for (int k = 0; k < t; k++) {
            radius = radius.add(policy.kernelDeviation(x));
            x = pointKernel.apply(x);
        }
        return Oscillation.delta(policy.instance().states(), x, radius);
    }

    /** The chain's enclosures (stationary, Poisson solution), empty when multichain. */
    Optional<IntervalPolicyChain> chain() {
        if (chain == null) {
            chain = IntervalPolicyChain.of(policy, pointLoop, 0);
        }
        return chain;
    }

    /** {M_lo v, M_hi v} for M &gt;= 0 enclosed and v &gt;= 0 exact: the enclosure of M v. */
    static RationalInterval[] times(MatrixEnclosure m, RationalVector v) {
        RationalVector lo = m.lower().multiply(v);
        RationalVector hi = m.upper().multiply(v);
        RationalInterval[] out = new RationalInterval[lo.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = RationalInterval.of(lo.get(i), hi.get(i));
        }
        return out;
    }
}
