package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.ExactSolver;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.Instance;

/**
 * The chain of a product policy known by enclosures ({@link PolicyEnclosure}): the reward under the policy, the
 * stationary distribution d, the average reward rbar, the Poisson solution h (d.h = 0) and the truncated sums
 * u_kappa = sum_{t&lt;=kappa} T^t r^pi, each enclosed around its exact value at the rational policy pi~. Write P, P~ for
 * the two joint kernels, E = P - P~ (rows summing to 0, ||E(s, .)||_1 &lt;= eta(s)), d~, rbar~, h~, r~ for the exact
 * values at pi~ and Z~ = (I - P~ + 1 d~^T)^{-1}, for which Z~ 1 = 1. The bounds, all exact rationals:
 * <ul>
 * <li>r^pi(s) - r~(s) = sum_a (pi - pi~)(a|s) (r(s, a) - c) for any c, so |.| &lt;= eta(s) (max_a r - min_a r)/2 =: dr(s).
 * <li>(d - d~)^T (I - P~ + 1 d~^T) = d^T E, so d - d~ = (d^T E) Z~ and |d_s - d~_s| &lt;= e_rec max_t |Z~_ts| with
 * e_rec = max of eta over the closed class (d vanishes elsewhere; P and P~ have one support, so one closed class).
 * delta1 = sum_s e_rec max_t |Z~_ts| bounds ||d - d~||_1.
 * <li>rbar - rbar~ = (d - d~)^T (r - c 1) + d~^T (r - r~): |.| &lt;= delta1 osc(r^pi)/2 + sum_s d~_s dr(s) =: dg.
 * <li>With e = h - h~: (I - P~ + 1 d~^T) e = (r - r~) + E h - (rbar - rbar~) 1 + (d~^T e) 1, so
 * e = Z~ ((r - r~) + E h) + c 1 with c = (d~ - d)^T h - (rbar - rbar~). Since E and d~ - d kill constants,
 * ||E h|| &lt;= eta osc(h)/2 and |c| &lt;= delta1 osc(h)/2 + dg, with osc(h)/2 &lt;= osc(h~)/2 + ||e||. Hence
 * ||e|| (1 - ||Z~|| eta - delta1) &lt;= ||Z~|| (max dr + eta osc(h~)/2) + delta1 osc(h~)/2 + dg, a bound whenever the
 * factor on the left is positive (otherwise the enclosure is too wide: an ArithmeticException asks for more bits).
 * <li>T^t r - T~^t r~ = T^t (r - r~) + sum_{m&lt;t} T^m E T~^{t-1-m} r~, and ||E f|| &lt;= eta osc(f)/2 with
 * osc(T~^j r~) &lt;= osc(r~): ||u_kappa - u~_kappa|| &lt;= (kappa+1) max dr + eta osc(r~)/2 kappa(kappa+1)/2.
 * </ul>
 * Everything but the projection pi~ is exact; with eta = 0 every enclosure is a point.
 */
public final class IntervalPolicyChain implements EnclosedChain {
    private final PolicyEnclosure policy;
    private final ClosedLoop loop; // at pi~
    private final PoissonSolution point; // at pi~
    private final Rational stationaryError; // e_rec
    private final Rational[] columnMax; // max_t |Z~_ts|, zero on transient states
    private final Rational averageRewardRadius;
    private final Rational poissonRadius;
    private final List<FractionVector> partialSums; // u~_0..u~_K
    private final Rational oscReward; // osc(r~)

    private IntervalPolicyChain(PolicyEnclosure policy, ClosedLoop loop, PoissonSolution point, Rational stationaryError, Rational[] columnMax, Rational averageRewardRadius, Rational poissonRadius,
            List<FractionVector> partialSums, Rational oscReward) {
        this.policy = policy;
        this.loop = loop;
        this.point = point;
        this.stationaryError = stationaryError;
        this.columnMax = columnMax;
        this.averageRewardRadius = averageRewardRadius;
        this.poissonRadius = poissonRadius;
        this.partialSums = partialSums;
        this.oscReward = oscReward;
    }

    /** Empty when the chain of pi~ (hence of pi: same support) is multichain. */
    public static Optional<IntervalPolicyChain> of(PolicyEnclosure pe, int maxKappa) {
        return of(pe, ClosedLoop.of(pe.pointInstance()), maxKappa);
    }

    /** The same, given the closed loop at pi~ ({@code ClosedLoop.of(pe.pointInstance())}). */
    public static Optional<IntervalPolicyChain> of(PolicyEnclosure pe, ClosedLoop loop, int maxKappa) {
        JointKernel p = loop.jointKernel();
        Rational[] rt = loop.rewardUnderPolicy();
        Optional<PoissonSolution> sol = PoissonSolution.of(p, rt);
        if (sol.isEmpty()) {
            return Optional.empty();
        }
        int size = p.size();
        Rational[] dr = new Rational[size];
        Rational drMax = Rational.ZERO;
        for (int s = 0; s < size; s++) {
            dr[s] = pe.rewardRadius(s);
            drMax = drMax.max(dr[s]);
        }
        boolean[] recurrent = RecurrentClasses.recurrent(p);
        Rational eRec = Rational.ZERO;
        for (int s = 0; s < size; s++) {
            if (recurrent[s]) {
                eRec = eRec.max(pe.eta(s));
            }
        }
        Rational eta = pe.etaMax();
        FractionVector dt = sol.get().stationary();
        FractionVector ht = sol.get().poisson();
        Rational[] colMax = new Rational[size];
        Arrays.fill(colMax, Rational.ZERO);
        Rational zNorm = Rational.ZERO;
        if (eta.signum() > 0) {
            BigInteger[][] z = fundamental(p, dt); // Z~ times its denominator, the last row the denominator
            BigInteger den = z[size][0];
            BigInteger[] rowSum = new BigInteger[size];
            Arrays.fill(rowSum, BigInteger.ZERO);
            for (int t = 0; t < size; t++) {
                BigInteger col = BigInteger.ZERO;
                for (int s = 0; s < size; s++) {
                    BigInteger x = z[s][t].abs();
                    rowSum[s] = rowSum[s].add(x);
                    col = col.max(x);
                }
                if (recurrent[t]) {
                    colMax[t] = Rational.of(col, den);
                }
            }
            BigInteger maxRow = BigInteger.ZERO;
            for (BigInteger x : rowSum) {
                maxRow = maxRow.max(x);
            }
            zNorm = Rational.of(maxRow, den);
        }
        Rational delta1 = Rational.ZERO;
        for (int s = 0; s < size; s++) {
            delta1 = delta1.add(eRec.multiply(colMax[s]));
        }
        Rational oscR = Oscillation.osc(FractionVector.of(rt));
        Rational dg = delta1.multiply(oscR.add(drMax.multiply(Rational.TWO))).multiply(Rational.HALF);
        for (int s = 0; s < size; s++) {
            dg = dg.add(dt.get(s).multiply(dr[s]));
        }
        Rational oh = Oscillation.osc(ht).multiply(Rational.HALF);
        Rational factor = Rational.ONE.subtract(zNorm.multiply(eta)).subtract(delta1);
        Rational eh = Rational.ZERO;
        if (eta.signum() > 0) {
            if (factor.signum() <= 0) {
                throw new ArithmeticException("IntervalPolicyChain: the policy enclosure (eta " + eta.doubleValue()
                        + ") is too wide for the Poisson bound (||Z~|| = " + zNorm.doubleValue() + ")");
            }
            eh = zNorm.multiply(drMax.add(eta.multiply(oh))).add(delta1.multiply(oh)).add(dg).divide(factor);
        }
        List<FractionVector> u = TruncatedPoisson.partialSums(p, rt, maxKappa);
        return Optional.of(new IntervalPolicyChain(pe, loop, sol.get(), eRec, colMax, dg, eh, u, oscR));
    }

    /**
     * Z~ = (I - P~ + 1 d~^T)^{-1} exactly, as integers over one positive denominator: rows 0..N-1 hold the numerators,
     * row N holds the denominator (in its first entry). First Z_v = (I - P~ + 1 e^T)^{-1} with e the last unit
     * vector: row s of that matrix times den(s) is an integer row, so Z_v = B^{-1} diag(den(s)), one fraction-free
     * elimination on small integers. Then Sherman-Morrison, with Z_v 1 = 1 (both matrices map 1 to 1):
     * Z~ = Z_v - 1 w^T, w^T = (d~ - e)^T Z_v.
     */
    private static BigInteger[][] fundamental(JointKernel p, FractionVector d) {
        int size = p.size();
        BigInteger[][] b = new BigInteger[size][size];
        BigInteger[][] rhs = new BigInteger[size][size];
        for (int i = 0; i < size; i++) {
            BigInteger den = p.rowDenominator(i);
            for (int j = 0; j < size; j++) {
                BigInteger v = (i == j ? den : BigInteger.ZERO).subtract(p.numerator(i, j));
                b[i][j] = j == size - 1 ? v.add(den) : v;
                rhs[j][i] = i == j ? den : BigInteger.ZERO;
            }
        }
        FractionVector[] zv = ExactSolver.solveColumns(b, rhs); // column t of Z_v
        BigInteger det = zv[0].denominator();
        BigInteger dd = d.denominator();
        BigInteger[][] out = new BigInteger[size + 1][size];
        for (int t = 0; t < size; t++) {
            // w_t dd det = sum_s d_s dd Z_v[s][t] det - dd Z_v[last][t] det
            BigInteger w = BigInteger.ZERO;
            for (int s = 0; s < size; s++) {
                w = w.add(d.numerator(s).multiply(zv[t].numerator(s)));
            }
            w = w.subtract(dd.multiply(zv[t].numerator(size - 1)));
            for (int s = 0; s < size; s++) {
                out[s][t] = zv[t].numerator(s).multiply(dd).subtract(w);
            }
        }
        Arrays.fill(out[size], BigInteger.ZERO);
        out[size][0] = det.multiply(dd);
        return out;
    }

    /** Compatibility: the chain of enclosed rows with no truncated sums, rounding pi~ at 2^-bits. */
    public static Optional<IntervalPolicyChain> of(Instance inst, RationalInterval[][][] rows, int bits) {
        return of(PolicyEnclosure.of(inst, rows, bits), 0);
    }

    /** The rows of a tabular policy as point intervals. */
    public static RationalInterval[][][] rowsOf(Instance inst) {
        return PolicyEnclosure.exact(inst).rows();
    }

    public PolicyEnclosure policy() {
        return policy;
    }

    /** The exact chain at pi~. */
    public PoissonSolution pointSolution() {
        return point;
    }

    /** The closed loop at pi~. */
    public ClosedLoop pointLoop() {
        return loop;
    }

    private static RationalInterval around(Rational x, Rational radius) {
        return RationalInterval.of(x.subtract(radius), x.add(radius));
    }

    /** r^pi(s). */
    public RationalInterval rewardUnderPolicy(int s) {
        return around(loop.rewardUnderPolicy(s), policy.rewardRadius(s));
    }

    public RationalInterval[] rewardUnderPolicy() {
        RationalInterval[] r = new RationalInterval[columnMax.length];
        for (int s = 0; s < r.length; s++) {
            r[s] = rewardUnderPolicy(s);
        }
        return r;
    }

    /** max_s |r^pi(s) - r~(s)| bound. */
    public Rational rewardRadius() {
        return policy.rewardRadiusMax();
    }

    @Override
    public RationalInterval stationary(int s) {
        Rational err = stationaryError.multiply(columnMax[s]);
        Rational d = point.stationary().get(s);
        return RationalInterval.of(d.subtract(err).max(Rational.ZERO), d.add(err).min(Rational.ONE));
    }

    @Override
    public int states() {
        return columnMax.length;
    }

    /** E_{S ~ d}[f(S)] for f enclosed statewise. */
    public RationalInterval expectation(RationalInterval[] f) {
        RationalInterval acc = RationalInterval.point(Rational.ZERO);
        for (int s = 0; s < f.length; s++) {
            acc = acc.add(stationary(s).multiply(f[s]));
        }
        return acc;
    }

    /** The average reward rbar = d . r^pi. */
    @Override
    public RationalInterval averageReward() {
        return around(point.averageReward(), averageRewardRadius);
    }

    /** h~, the Poisson solution at pi~. */
    @Override
    public FractionVector poissonCenter() {
        return point.poisson();
    }

    /** A bound on ||h - h~||_inf. */
    @Override
    public Rational poissonRadius() {
        return poissonRadius;
    }

    /** h(s), normalised by d.h = 0. */
    @Override
    public RationalInterval poisson(int s) {
        return around(point.poisson().get(s), poissonRadius);
    }

    @Override
    public int maxKappa() {
        return partialSums.size() - 1;
    }

    /** u~_kappa = sum_{t&lt;=kappa} T~^t r~ at pi~, exactly. */
    public FractionVector pointPartialSum(int kappa) {
        return partialSums.get(kappa);
    }

    /** A bound on ||u_kappa - u~_kappa||_inf. */
    public Rational partialSumRadius(int kappa) {
        Rational k = Rational.of(kappa);
        return k.add(Rational.ONE).multiply(rewardRadius()).add(policy.etaMax().multiply(oscReward).multiply(Rational.HALF)
                .multiply(k).multiply(k.add(Rational.ONE)).multiply(Rational.HALF));
    }

    /** min_c ||hhat_kappa - c - h||_inf = osc(u_kappa - h)/2, enclosed (1-Lipschitz in the sup norm). */
    @Override
    public RationalInterval truncatedBias(int kappa) {
        Rational b = Oscillation.distanceToConstants(partialSums.get(kappa).subtract(point.poisson()));
        Rational r = partialSumRadius(kappa).add(poissonRadius);
        return RationalInterval.of(b.subtract(r).max(Rational.ZERO), b.add(r));
    }
}
