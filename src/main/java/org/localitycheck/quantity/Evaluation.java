package org.localitycheck.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;

/**
 * Every quantity of the reference output for one tabular instance, each computed once by the class that
 * owns it. Fields for the long-run behaviour are absent (empty) when the chain is multichain.
 */
public final class Evaluation {
    /** The per-kappa part: certificate and truncated bias. */
    public record KappaRow(int k, RationalVector certificate, Rational truncatedBias) {
    }

    private final Instance instance;
    private final RationalMatrix es;
    private final RationalMatrix ea;
    private final RationalMatrix pi;
    private final RationalMatrix c;
    private final RationalMatrix h;
    private final Rational[] rewardUnderPolicy;
    private final RationalVector deltaReward;
    private final RationalInterval rhoH;
    private final PoissonSolution longRun; // null when multichain
    private final RationalVector deltaPoisson;
    private final List<KappaRow> kappa;

    private Evaluation(Instance instance, RationalMatrix es, RationalMatrix ea, RationalMatrix pi, RationalMatrix c,
            RationalMatrix h, Rational[] rewardUnderPolicy, RationalVector deltaReward, RationalInterval rhoH,
            PoissonSolution longRun, RationalVector deltaPoisson, List<KappaRow> kappa) {
        this.instance = instance;
        this.es = es;
        this.ea = ea;
        this.pi = pi;
        this.c = c;
        this.h = h;
        this.rewardUnderPolicy = rewardUnderPolicy;
        this.deltaReward = deltaReward;
        this.rhoH = rhoH;
        this.longRun = longRun;
        this.deltaPoisson = deltaPoisson;
        this.kappa = kappa;
    }

    public static Evaluation of(Instance inst, int maxKappa) {
        return of(inst, maxKappa, new PhaseTimes());
    }

    /** Phases marked: "kernel", "locality", "long run", "kappa rows". */
    public static Evaluation of(Instance inst, int maxKappa, PhaseTimes times) {
        if (maxKappa < 0) {
            throw new IllegalArgumentException("Evaluation.of: kappa must be at least 0, got " + maxKappa);
        }
        times.restart();
        ClosedLoop loop = ClosedLoop.of(inst);
        JointKernel p = loop.jointKernel();
        times.mark("kernel");
        RationalMatrix es = Sensitivities.stateSensitivity(inst);
        RationalMatrix ea = Sensitivities.actionSensitivity(inst);
        RationalMatrix pi = Sensitivities.policySensitivity(inst);
        RationalMatrix c = Sensitivities.closedLoopInfluence(loop);
        RationalMatrix h = Sensitivities.influenceBound(es, ea, pi);
        Rational[] rpi = loop.rewardUnderPolicy();
        RationalVector b = Oscillation.delta(inst.states(), rpi);
        RationalInterval rho = SpectralRadius.enclose(h);
        times.mark("locality");
        Optional<PoissonSolution> sol = PoissonSolution.of(p, rpi);
        times.mark("long run");
        RationalVector dh = null;
        List<KappaRow> rows = null;
        if (sol.isPresent()) {
            FractionVector hv = sol.get().poisson();
            dh = Oscillation.delta(inst.states(), hv);
            List<RationalVector> cert = NeumannCertificate.partialSums(h, b, maxKappa);
            TruncatedPoisson tp = TruncatedPoisson.of(p, rpi, sol.get().averageReward(), maxKappa);
            rows = new ArrayList<>();
            for (int k = 0; k <= maxKappa; k++) {
                rows.add(new KappaRow(k, cert.get(k), tp.bias(k, hv)));
            }
            times.mark("kappa rows");
        }
        return new Evaluation(inst, es, ea, pi, c, h, rpi, b, rho, sol.orElse(null), dh, rows);
    }

    public Instance instance() {
        return instance;
    }

    public RationalMatrix es() {
        return es;
    }

    public RationalMatrix ea() {
        return ea;
    }

    public RationalMatrix pi() {
        return pi;
    }

    public RationalMatrix c() {
        return c;
    }

    public RationalMatrix h() {
        return h;
    }

    public Rational[] rewardUnderPolicy() {
        return rewardUnderPolicy.clone();
    }

    public RationalVector deltaReward() {
        return deltaReward;
    }

    public RationalInterval rhoH() {
        return rhoH;
    }

    public boolean multichain() {
        return longRun == null;
    }

    public Optional<PoissonSolution> longRun() {
        return Optional.ofNullable(longRun);
    }

    public Optional<RationalVector> deltaPoisson() {
        return Optional.ofNullable(deltaPoisson);
    }

    public Optional<List<KappaRow>> kappa() {
        return Optional.ofNullable(kappa);
    }
}
