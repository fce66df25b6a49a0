package org.localitycheck.claim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.quantity.ClosedLoop;
import org.localitycheck.quantity.JointKernel;
import org.localitycheck.quantity.Oscillation;
import org.localitycheck.quantity.PoissonSolution;
import org.localitycheck.quantity.Sensitivities;
import org.localitycheck.quantity.SoftmaxSensitivity;

/**
 * One instance and the quantities every reading may ask of it, each computed once on first use (not
 * thread-safe: one context per thread).
 */
public final class Context {
    private final Instance instance;
    private ClosedLoop loop;
    private RationalMatrix es;
    private RationalMatrix ea;
    private RationalMatrix pi;
    private RationalMatrix c;
    private RationalMatrix h;
    private JointKernel joint;
    private Optional<PoissonSolution> poisson;
    private RationalVector deltaReward;

    private final Map<String, Object> shared = new HashMap<>();

    /**
     * A value several readings compute alike on this instance (a block update at given parameters, say), computed once
     * per key; the key names everything the value depends on besides the instance.
     */
    @SuppressWarnings("unchecked")
    <T> T shared(String key, Supplier<T> compute) {
        Object v = shared.get(key);
        if (v == null) {
            v = compute.get();
            shared.put(key, v);
        }
        return (T) v;
    }

    private final Map<Integer, MatrixEnclosure> softmaxPi = new HashMap<>();
    private RationalMatrix logitLipschitz;

    /** For a softmax policy: Pi enclosed at the given precision (computed once per precision). */
    public MatrixEnclosure softmaxPi(int bits) {
        return softmaxPi.computeIfAbsent(bits, b -> SoftmaxSensitivity.policySensitivity(instance, b));
    }

    /** For a softmax policy: H = E^s + E^a Pi enclosed at the given precision (E^a &gt;= 0, so the ends map to ends). */
    public MatrixEnclosure softmaxH(int bits) {
        return Sensitivities.influenceBound(es(), ea(), softmaxPi(bits));
    }

    private final Map<Integer, SoftmaxEnclosures> softmax = new HashMap<>();

    /** For a softmax policy: its enclosures at the given precision (Section 3's readings decide on them). */
    SoftmaxEnclosures softmax(int bits) {
        return softmax.computeIfAbsent(bits, b -> new SoftmaxEnclosures(instance, es(), ea(), softmaxPi(b), b));
    }

    /** For a softmax policy: L_{k&lt;-i}. */
    public RationalMatrix logitLipschitz() {
        if (logitLipschitz == null) {
            logitLipschitz = SoftmaxSensitivity.logitLipschitz(instance);
        }
        return logitLipschitz;
    }

    public boolean isSoftmax() {
        return instance != null && instance.policy() instanceof SoftmaxPolicy;
    }

    public Rational tau() {
        return ((SoftmaxPolicy) instance.policy()).tau();
    }

    public Context(Instance instance) {
        this.instance = instance;
    }

    public Instance instance() {
        return instance;
    }

    public int agents() {
        return instance.agentCount();
    }

    public ClosedLoop loop() {
        if (loop == null) {
            loop = ClosedLoop.of(instance);
        }
        return loop;
    }

    public RationalMatrix es() {
        if (es == null) {
            es = Sensitivities.stateSensitivity(instance);
        }
        return es;
    }

    public RationalMatrix ea() {
        if (ea == null) {
            ea = Sensitivities.actionSensitivity(instance);
        }
        return ea;
    }

    public RationalMatrix pi() {
        if (pi == null) {
            pi = Sensitivities.policySensitivity(instance);
        }
        return pi;
    }

    public RationalMatrix c() {
        if (c == null) {
            c = Sensitivities.closedLoopInfluence(loop());
        }
        return c;
    }

    /** H = E^s + E^a Pi in the Section 3 orientation. */
    public RationalMatrix h() {
        if (h == null) {
            h = Sensitivities.influenceBound(es(), ea(), pi());
        }
        return h;
    }

    public JointKernel joint() {
        if (joint == null) {
            joint = loop().jointKernel();
        }
        return joint;
    }

    public Optional<PoissonSolution> poisson() {
        if (poisson == null) {
            poisson = PoissonSolution.of(joint(), loop().rewardUnderPolicy());
        }
        return poisson;
    }

    /** b = delta(r^pi). */
    public RationalVector deltaReward() {
        if (deltaReward == null) {
            deltaReward = Oscillation.delta(instance.states(), loop().rewardUnderPolicy());
        }
        return deltaReward;
    }

    /** Exact sign of rho(H) - lambda. */
    public int compareRho(Rational lambda) {
        return SpectralRadius.compare(h(), lambda);
    }

    public RationalVector delta(FractionVector f) {
        return Oscillation.delta(instance.states(), f);
    }
}
