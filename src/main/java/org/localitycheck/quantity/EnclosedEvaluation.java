package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;
import org.localitycheck.model.SoftmaxPolicy;

/**
 * Every quantity of the reference output for an instance whose policy is known by enclosures (a softmax policy):
 * E^s and E^a exactly, everything that depends on the policy as a rigorous enclosure, each from the class that owns
 * it ({@link Sensitivities}, {@link DyadicChain} or, for chains floating point cannot invert, {@link IntervalPolicyChain},
 * {@link NeumannCertificate}, {@link SpectralRadius}).
 * {@link #of} raises the precision until every enclosure is as narrow as FORMATS.md asks: width at most
 * 1e-30 max(1, |value|), and 1e-12 for rho(H).
 */
public final class EnclosedEvaluation {
    /** The per-kappa part: certificate and truncated bias. */
    public record KappaRow(int k, RationalInterval[] certificate, RationalInterval truncatedBias) {
    }

    public static final Rational RELATIVE_WIDTH = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(30));
    public static final Rational RHO_WIDTH = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(12));
    public static final int START_BITS = 128;
    /** The precision tried last on every instance; one whose probabilities are smaller gets more ({@link #maxBits}). */
    public static final int MAX_BITS = 8192;

    private final Instance instance;
    private final int bits;
    private final RationalMatrix es;
    private final RationalMatrix ea;
    private final MatrixEnclosure pi;
    private final MatrixEnclosure c;
    private final MatrixEnclosure h;
    private final RationalInterval[] rewardUnderPolicy;
    private final RationalInterval[] deltaReward;
    private final RationalInterval rhoH;
    private final EnclosedChain chain; // null when multichain
    private final RationalInterval[] deltaPoisson;
    private final List<KappaRow> kappa;

    private EnclosedEvaluation(Instance instance, int bits, RationalMatrix es, RationalMatrix ea, MatrixEnclosure pi,
            MatrixEnclosure c, MatrixEnclosure h, RationalInterval[] rewardUnderPolicy, RationalInterval[] deltaReward,
            RationalInterval rhoH, EnclosedChain chain, RationalInterval[] deltaPoisson, List<KappaRow> kappa) {
        this.instance = instance;
        this.bits = bits;
        this.es = es;
        this.ea = ea;
        this.pi = pi;
        this.c = c;
        this.h = h;
        this.rewardUnderPolicy = rewardUnderPolicy;
        this.deltaReward = deltaReward;
        this.rhoH = rhoH;
        this.chain = chain;
        this.deltaPoisson = deltaPoisson;
        this.kappa = kappa;
    }

    /** The evaluation at the least precision (doubling from {@link #START_BITS}) that meets the widths. */
    public static EnclosedEvaluation of(Instance inst, int maxKappa) {
        return of(inst, maxKappa, new PhaseTimes());
    }

    /**
     * The same, with phases marked (added up over the precisions tried): "policy", "kernel", "locality", "long run",
     * "kappa rows", "widths".
     */
    public static EnclosedEvaluation of(Instance inst, int maxKappa, PhaseTimes times) {
        String why = "";
        int maxBits = maxBits(inst);
        for (int b = START_BITS; b <= maxBits && b > 0; b *= 2) { // b > 0: never past the largest int power of two
            try {
                EnclosedEvaluation ev = at(inst, maxKappa, b, times);
                Optional<String> wide = ev.tooWide();
                times.mark("widths");
                if (wide.isEmpty()) {
                    return ev;
                }
                why = wide.get();
            } catch (ArithmeticException tooWide) {
                why = tooWide.getMessage();
            }
        }
        throw new ArithmeticException("EnclosedEvaluation: at " + maxBits + " bits the enclosures are still wider "
                + "than FORMATS.md allows: " + why);
    }

    /**
     * The last precision to try: {@link #MAX_BITS}, or more when a probability may be too small for it to tell from 0.
     * A joint action's probability is at least exp(-sum_k spread_k / tau), spread_k the largest difference of agent k's
     * logits at one state, that is 2^(-1.4427 sum_k spread_k / tau): the precision must exceed that exponent (plus a
     * margin for the solves) to tell the probability, and what depends on it, from 0.
     */
    static int maxBits(Instance inst) {
        if (!(inst.policy() instanceof SoftmaxPolicy)) {
            return MAX_BITS;
        }
        SoftmaxPolicy sp = (SoftmaxPolicy) inst.policy();
        Rational total = Rational.ZERO;
        for (int k = 0; k < inst.agentCount(); k++) {
            Rational spread = Rational.ZERO;
            for (int s = 0; s < inst.states().size(); s++) {
                Rational lo = sp.logit(k, s, 0);
                Rational hi = lo;
                for (int b = 1; b < inst.agents().get(k).actions(); b++) {
                    lo = lo.min(sp.logit(k, s, b));
                    hi = hi.max(sp.logit(k, s, b));
                }
                spread = spread.max(hi.subtract(lo));
            }
            total = total.add(spread);
        }
        // 1.4427 < 1.5 = 3/2 bounds log2(e); 1024 bits of margin for what the solves lose
        double needed = total.divide(sp.tau()).multiply(Rational.of(3, 2)).doubleValue() + 1024;
        int bits = MAX_BITS;
        while (bits < needed && bits < (1 << 30)) {
            bits *= 2;
        }
        return bits;
    }

    /** The evaluation with the softmax rows enclosed at the given precision. */
    public static EnclosedEvaluation at(Instance inst, int maxKappa, int bits) {
        return at(inst, maxKappa, bits, new PhaseTimes());
    }

    private static EnclosedEvaluation at(Instance inst, int maxKappa, int bits, PhaseTimes times) {
        if (maxKappa < 0) {
            throw new IllegalArgumentException("EnclosedEvaluation: kappa must be at least 0, got " + maxKappa);
        }
        if (!(inst.policy() instanceof SoftmaxPolicy)) {
            throw new IllegalArgumentException("EnclosedEvaluation: the policy is " + inst.policy().kind()
                    + "; tabular instances are evaluated exactly by Evaluation");
        }
        times.restart();
        PolicyEnclosure pe = PolicyEnclosure.softmax(inst, bits);
        times.mark("policy");
        ClosedLoop loop = ClosedLoop.of(pe.pointInstance());
        times.mark("kernel");
        RationalMatrix es = Sensitivities.stateSensitivity(inst);
        RationalMatrix ea = Sensitivities.actionSensitivity(inst);
        MatrixEnclosure pi = Sensitivities.policySensitivity(pe);
        MatrixEnclosure c = Sensitivities.closedLoopInfluence(loop, pe);
        MatrixEnclosure h = Sensitivities.influenceBound(es, ea, pi);
        Rational[] rt = loop.rewardUnderPolicy();
        RationalInterval[] rpi = new RationalInterval[rt.length];
        for (int s = 0; s < rt.length; s++) {
            Rational r = pe.rewardRadius(s);
            rpi[s] = RationalInterval.of(rt[s].subtract(r), rt[s].add(r));
        }
        RationalInterval[] b = Oscillation.delta(inst.states(), FractionVector.of(rt), pe.rewardRadiusMax());
        RationalInterval rho = spectralRadius(h);
        times.mark("locality");
        Optional<? extends EnclosedChain> chain = longRun(pe, loop, maxKappa, bits);
        times.mark("long run");
        RationalInterval[] dh = null;
        List<KappaRow> rows = null;
        if (chain.isPresent()) {
            EnclosedChain ch = chain.get();
            dh = Oscillation.delta(inst.states(), ch.poissonCenter(), ch.poissonRadius());
            List<RationalVector> lo = NeumannCertificate.partialSums(h.lower(), lowerEnds(b), maxKappa);
            List<RationalVector> hi = NeumannCertificate.partialSums(h.upper(), upperEnds(b), maxKappa);
            rows = new ArrayList<>();
            for (int k = 0; k <= maxKappa; k++) {
                RationalInterval[] cert = new RationalInterval[b.length];
                for (int i = 0; i < cert.length; i++) {
                    cert[i] = RationalInterval.of(lo.get(k).get(i), hi.get(k).get(i));
                }
                rows.add(new KappaRow(k, cert, ch.truncatedBias(k)));
            }
            times.mark("kappa rows");
        }
        return new EnclosedEvaluation(inst, bits, es, ea, pi, c, h, rpi, b, rho, chain.orElse(null), dh, rows);
    }

    /**
     * The dyadic chain; when floating point cannot invert its matrix (a nearly decomposable chain), the chain enclosed
     * around the exact values at pi~, slower but with no floating point.
     */
    private static Optional<? extends EnclosedChain> longRun(PolicyEnclosure pe, ClosedLoop loop, int maxKappa,
            int bits) {
        try {
            return DyadicChain.of(pe, loop, maxKappa, bits);
        } catch (DyadicChain.IllConditioned e) {
            return IntervalPolicyChain.of(pe, loop, maxKappa);
        }
    }

    /** rho is monotone on nonnegative matrices: [rho(H_lo), rho(H_hi)], each end enclosed to a quarter of the width. */
    private static RationalInterval spectralRadius(MatrixEnclosure h) {
        Rational w = RHO_WIDTH.multiply(Rational.of(1, 4));
        RationalInterval lo = SpectralRadius.enclose(h.lower(), w);
        RationalInterval hi = h.isPoint() ? lo : SpectralRadius.enclose(h.upper(), w);
        return RationalInterval.of(lo.lower(), hi.upper());
    }

    private static RationalVector lowerEnds(RationalInterval[] x) {
        Rational[] v = new Rational[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i].lower();
        }
        return RationalVector.of(v);
    }

    private static RationalVector upperEnds(RationalInterval[] x) {
        Rational[] v = new Rational[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i].upper();
        }
        return RationalVector.of(v);
    }

    /** The first enclosure wider than FORMATS.md allows, named; empty when all meet their widths. */
    public Optional<String> tooWide() {
        if (rhoH.width().compareTo(RHO_WIDTH) > 0) {
            return Optional.of("rhoH has width " + rhoH.width().doubleValue());
        }
        List<Object[]> named = new ArrayList<>();
        for (int i = 0; i < pi.rows(); i++) {
            for (int j = 0; j < pi.cols(); j++) {
                named.add(new Object[] {"Pi[" + i + "][" + j + "]", pi.get(i, j)});
                named.add(new Object[] {"C[" + i + "][" + j + "]", c.get(i, j)});
                named.add(new Object[] {"H[" + i + "][" + j + "]", h.get(i, j)});
            }
        }
        for (int s = 0; s < rewardUnderPolicy.length; s++) {
            named.add(new Object[] {"rewardUnderPolicy[" + s + "]", rewardUnderPolicy[s]});
        }
        for (int i = 0; i < deltaReward.length; i++) {
            named.add(new Object[] {"deltaReward[" + i + "]", deltaReward[i]});
        }
        if (chain != null) {
            named.add(new Object[] {"averageReward", chain.averageReward()});
            for (int s = 0; s < rewardUnderPolicy.length; s++) {
                named.add(new Object[] {"stationary[" + s + "]", chain.stationary(s)});
                named.add(new Object[] {"poisson[" + s + "]", chain.poisson(s)});
            }
            for (int i = 0; i < deltaPoisson.length; i++) {
                named.add(new Object[] {"deltaPoisson[" + i + "]", deltaPoisson[i]});
            }
            for (KappaRow row : kappa) {
                for (int i = 0; i < row.certificate().length; i++) {
                    named.add(new Object[] {"kappa[" + row.k() + "].certificate[" + i + "]", row.certificate()[i]});
                }
                named.add(new Object[] {"kappa[" + row.k() + "].truncatedBias", row.truncatedBias()});
            }
        }
        for (Object[] e : named) {
            RationalInterval x = (RationalInterval) e[1];
            if (!narrowEnough(x)) {
                return Optional.of(e[0] + " has width " + x.width().doubleValue());
            }
        }
        return Optional.empty();
    }

    /** width &lt;= 1e-30 max(1, |value|), with |value| bounded below by the enclosure. */
    static boolean narrowEnough(RationalInterval x) {
        Rational least = x.lower().signum() > 0 ? x.lower() : x.upper().signum() < 0 ? x.upper().negate() : Rational.ZERO;
        return x.width().compareTo(RELATIVE_WIDTH.multiply(least.max(Rational.ONE))) <= 0;
    }

    public Instance instance() {
        return instance;
    }

    /** The precision the softmax rows were enclosed at. */
    public int bits() {
        return bits;
    }

    public RationalMatrix es() {
        return es;
    }

    public RationalMatrix ea() {
        return ea;
    }

    public MatrixEnclosure pi() {
        return pi;
    }

    public MatrixEnclosure c() {
        return c;
    }

    public MatrixEnclosure h() {
        return h;
    }

    public RationalInterval[] rewardUnderPolicy() {
        return rewardUnderPolicy.clone();
    }

    public RationalInterval[] deltaReward() {
        return deltaReward.clone();
    }

    public RationalInterval rhoH() {
        return rhoH;
    }

    public boolean multichain() {
        return chain == null;
    }

    /** The chain's enclosures (stationary, average reward, Poisson); empty when multichain. */
    public Optional<EnclosedChain> longRun() {
        return Optional.ofNullable(chain);
    }

    public Optional<RationalInterval[]> deltaPoisson() {
        return Optional.ofNullable(deltaPoisson == null ? null : deltaPoisson.clone());
    }

    public Optional<List<KappaRow>> kappa() {
        return Optional.ofNullable(kappa);
    }
}
