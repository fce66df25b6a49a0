package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.DyadicSystem;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * The long run of a product policy known by enclosures ({@link PolicyEnclosure}), for the reference output at any size:
 * the stationary distribution d, the average reward rbar, the Poisson solution h (d.h = 0) and the truncated sums
 * u_kappa = sum_{t&lt;=kappa} T^t r^pi of the true kernel T = P, each enclosed around a center on the grid 2^-w
 * that floating point proposes; exact residuals prove the radii. {@link IntervalPolicyChain} encloses the same
 * quantities around the exact values at pi~, at a cost that grows with pi~'s denominators (the claims use it on small
 * instances, where its exact centres serve the KL-prox updates).
 *
 * <p>Write P~ for the exact joint kernel at pi~ and Phat for P~ rounded to the grid row by row (positive entries stay
 * positive, each row sums to 1 exactly, the rounding slack on its largest entry): ||P~(s, .) - Phat(s, .)||_1 &lt;=
 * 2 N 2^-w, so E = P - Phat has rows summing to 0 with ||E(s, .)||_1 &lt;= eta'(s) = eta(s) + 2 N 2^-w. rhat is r~
 * rounded down to the grid: |r^pi(s) - rhat(s)| &lt;= dr'(s) = dr(s) + 2^-w. A = I - Phat + 1 e_t0^T (t0 a recurrent
 * state) is invertible for a unichain Phat, A 1 = 1, and M &gt;= ||A^{-1}||_inf is proven by {@link DyadicSystem}.
 * <ul>
 * <li>x with x.1 = 1 approximates x^T A = e_t0^T; with rho_x = x^T (I - Phat) exact, (d - x)^T A = d^T E - rho_x^T,
 * so ||d - x||_1 &lt;= M (eta'_rec + ||rho_x||_1) =: delta1 (eta'_rec: the largest eta' on recurrent states, where d
 * lives). d vanishes on transient states.
 * <li>g = x.rhat rounded down to the grid: rbar - g = (d - x)^T (r^pi - m 1) + x^T (r^pi - rhat) + (x.rhat - g), so
 * |rbar - g| &lt;= delta1 (osc(rhat)/2 + max dr') + ||x||_1 max dr' + 2^-w =: dg.
 * <li>y approximates A y = rhat - g 1, shifted by a grid constant so that tau = |x.y| is small; rho = rhat - g 1 -
 * (I - Phat) y exact. With e = h - y: (I - Phat) e = (r^pi - rhat) + E h + rho + const 1, so e = A^{-1} v + k 1 with
 * ||v|| &lt;= max dr' + max eta' osc(h)/2 + ||rho||, and d.h = 0 gives k = -(d - x).y - x.y - d.A^{-1} v. Hence
 * ||e|| &lt;= 2 M ||v|| + delta1 osc(y)/2 + tau, and with osc(h)/2 &lt;= osc(y)/2 + ||e||:
 * ||e|| (1 - 2 M max eta') &lt;= 2 M (max dr' + max eta' osc(y)/2 + ||rho||) + delta1 osc(y)/2 + tau.
 * <li>v_0 = rhat, v_{t+1} = Phat v_t rounded down to the grid, uhat_kappa = sum_{t&lt;=kappa} v_t: ||T^t r^pi - v_t||
 * &lt;= max dr' + t max eta' osc(rhat)/2 + t 2^-w (T^t - Phat^t = sum_m T^m E Phat^(t-1-m), ||E f|| &lt;= eta' osc(f)/2,
 * osc(Phat^j rhat) &lt;= osc(rhat)), summed over t &lt;= kappa.
 * </ul>
 * Every radius is rounded up to the grid, so every end is a multiple of 2^-w.
 */
public final class DyadicChain implements EnclosedChain {
    private final int w;
    private final boolean[] recurrent;
    private final BigInteger[] x; // stationary centre, over 2^w
    private final Rational delta1;
    private final BigInteger g; // average reward centre, over 2^w
    private final Rational dg;
    private final BigInteger[] y; // Poisson centre, over 2^w
    private final Rational eh;
    private final List<BigInteger[]> partialSums; // uhat_0..uhat_K, over 2^w
    private final List<Rational> partialSumRadii;

    private DyadicChain(int w, boolean[] recurrent, BigInteger[] x, Rational delta1, BigInteger g, Rational dg,
            BigInteger[] y, Rational eh, List<BigInteger[]> partialSums, List<Rational> partialSumRadii) {
        this.w = w;
        this.recurrent = recurrent;
        this.x = x;
        this.delta1 = delta1;
        this.g = g;
        this.dg = dg;
        this.y = y;
        this.eh = eh;
        this.partialSums = partialSums;
        this.partialSumRadii = partialSumRadii;
    }

    /** Floating point could not invert I - Phat + 1 e_t0^T well enough: more bits do not help. */
    public static final class IllConditioned extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        IllConditioned(String message) {
            super(message);
        }
    }

    /**
     * The chain of pe's policy on the grid 2^-(bits + 32 + log2 N), given the closed loop at pi~; empty when it is
     * multichain. Throws ArithmeticException when the radii cannot be proven at this precision (more bits may help),
     * and {@link IllConditioned} when floating point cannot invert A well enough (more bits do not help).
     */
    public static Optional<DyadicChain> of(PolicyEnclosure pe, ClosedLoop loop, int maxKappa, int bits) {
        JointKernel p = loop.jointKernel();
        if (RecurrentClasses.isMultichain(p)) {
            return Optional.empty();
        }
        int size = p.size();
        int w = bits + 64 - Integer.numberOfLeadingZeros(size);
        BigInteger one = BigInteger.ONE.shiftLeft(w);
        Rational unit = Rational.of(BigInteger.ONE, one);
        boolean[] recurrent = RecurrentClasses.recurrent(p);
        int t0 = 0;
        while (!recurrent[t0]) {
            t0++;
        }
        BigInteger[][] ph = new BigInteger[size][];
        ClosedLoopRows.forEachState(size, s -> ph[s] = roundedRow(p, s, w));
        BigInteger[][] a = new BigInteger[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                BigInteger v = ph[i][j].negate();
                if (i == j) {
                    v = v.add(one);
                }
                a[i][j] = j == t0 ? v.add(one) : v;
            }
        }
        int t = t0;
        DyadicSystem sys = DyadicSystem.of(a, w).orElseThrow(() -> new IllConditioned("DyadicChain: floating point "
                + "could not invert I - P + 1 e_" + t + "^T well enough to prove a bound on its inverse (" + size
                + " states)"));
        Rational m = sys.inverseNormBound();
        Rational roundP = Rational.of(2L * size).multiply(unit);
        Rational etaRec = Rational.ZERO;
        Rational etaMax = Rational.ZERO;
        Rational drMax = Rational.ZERO;
        for (int s = 0; s < size; s++) {
            if (recurrent[s]) {
                etaRec = etaRec.max(pe.eta(s));
            }
            etaMax = etaMax.max(pe.eta(s));
            drMax = drMax.max(pe.rewardRadius(s));
        }
        etaRec = etaRec.add(roundP);
        etaMax = etaMax.add(roundP);
        drMax = drMax.add(unit);

        // stationary
        BigInteger[] c = new BigInteger[size];
        Arrays.fill(c, BigInteger.ZERO);
        c[t0] = one;
        BigInteger[] xs = sys.solveTransposed(c);
        int star = 0;
        BigInteger sum = BigInteger.ZERO;
        for (int s = 0; s < size; s++) {
            sum = sum.add(xs[s]);
            star = xs[s].compareTo(xs[star]) > 0 ? s : star;
        }
        xs[star] = xs[star].add(one.subtract(sum));
        Rational rhoX = Rational.of(sumAbs(sys.residualTransposed(xs, c)), one.multiply(one));
        Rational delta1 = ceil(m.multiply(etaRec.add(rhoX)), w);

        // average reward
        Rational[] rt = loop.rewardUnderPolicy();
        BigInteger[] rhat = new BigInteger[size];
        BigInteger xr = BigInteger.ZERO;
        BigInteger xAbs = BigInteger.ZERO;
        for (int s = 0; s < size; s++) {
            rhat[s] = rt[s].multiply(Rational.of(one)).floor();
            xr = xr.add(xs[s].multiply(rhat[s]));
            xAbs = xAbs.add(xs[s].abs());
        }
        BigInteger gq = xr.shiftRight(w);
        Rational oscR = Oscillation.osc(FractionVector.of(rhat, one));
        Rational dg = ceil(delta1.multiply(oscR.multiply(Rational.HALF).add(drMax))
                .add(Rational.of(xAbs, one).multiply(drMax)).add(unit), w);

        // Poisson
        BigInteger[] rhs = new BigInteger[size];
        for (int s = 0; s < size; s++) {
            rhs[s] = rhat[s].subtract(gq);
        }
        BigInteger[] ys = sys.solve(rhs);
        BigInteger shift = dot(xs, ys).shiftRight(w);
        for (int s = 0; s < size; s++) {
            ys[s] = ys[s].subtract(shift);
        }
        Rational tau = Rational.of(dot(xs, ys).abs(), one.multiply(one));
        BigInteger[] res = sys.residual(ys, rhs); // rhs - A y = rho - y(t0) 1, over 2^(2w)
        BigInteger lift = ys[t0].shiftLeft(w);
        BigInteger rhoMax = BigInteger.ZERO;
        for (BigInteger v : res) {
            rhoMax = rhoMax.max(v.add(lift).abs());
        }
        Rational rho = Rational.of(rhoMax, one.multiply(one));
        Rational halfOscY = Oscillation.distanceToConstants(FractionVector.of(ys, one));
        Rational twoM = m.multiply(Rational.TWO);
        Rational factor = Rational.ONE.subtract(twoM.multiply(etaMax));
        if (factor.signum() <= 0) {
            throw new ArithmeticException("DyadicChain: the policy enclosure (eta " + etaMax.doubleValue()
                    + ") is too wide for the Poisson bound (||A^-1|| <= " + m.doubleValue() + ")");
        }
        Rational eh = ceil(twoM.multiply(drMax.add(etaMax.multiply(halfOscY)).add(rho)).add(delta1.multiply(halfOscY))
                .add(tau).divide(factor), w);

        // truncated sums
        List<BigInteger[]> u = new ArrayList<>();
        List<Rational> radii = new ArrayList<>();
        BigInteger[] v = rhat;
        BigInteger[] acc = rhat.clone();
        for (int k = 0; k <= maxKappa; k++) {
            if (k > 0) {
                BigInteger[] prev = v;
                BigInteger[] next = new BigInteger[size];
                ClosedLoopRows.forEachState(size, s -> next[s] = dot(ph[s], prev).shiftRight(w));
                v = next;
                for (int s = 0; s < size; s++) {
                    acc[s] = acc[s].add(v[s]);
                }
            }
            u.add(acc.clone());
            Rational kk = Rational.of(k);
            Rational tri = kk.multiply(kk.add(Rational.ONE)).multiply(Rational.HALF);
            radii.add(ceil(kk.add(Rational.ONE).multiply(drMax).add(etaMax.multiply(oscR).multiply(Rational.HALF)
                    .multiply(tri)).add(unit.multiply(tri)), w));
        }
        return Optional.of(new DyadicChain(w, recurrent, xs, delta1, gq, dg, ys, eh, u, radii));
    }

    /** P~(s, .) on the grid: floors, positive entries at least 2^-w, the slack on the largest entry. */
    private static BigInteger[] roundedRow(JointKernel p, int s, int w) {
        int size = p.size();
        BigInteger den = p.rowDenominator(s);
        BigInteger[] q = new BigInteger[size];
        BigInteger sum = BigInteger.ZERO;
        int star = 0;
        for (int t = 0; t < size; t++) {
            BigInteger num = p.numerator(s, t);
            q[t] = num.shiftLeft(w).divide(den);
            if (num.signum() > 0 && q[t].signum() == 0) {
                q[t] = BigInteger.ONE;
            }
            sum = sum.add(q[t]);
            star = num.compareTo(p.numerator(s, star)) > 0 ? t : star;
        }
        q[star] = q[star].add(BigInteger.ONE.shiftLeft(w).subtract(sum));
        return q;
    }

    private static BigInteger dot(BigInteger[] a, BigInteger[] b) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < a.length; i++) {
            if (a[i].signum() != 0 && b[i].signum() != 0) {
                s = s.add(a[i].multiply(b[i]));
            }
        }
        return s;
    }

    private static BigInteger sumAbs(BigInteger[] v) {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger x : v) {
            s = s.add(x.abs());
        }
        return s;
    }

    /** The least multiple of 2^-w at or above r. */
    private static Rational ceil(Rational r, int w) {
        BigInteger one = BigInteger.ONE.shiftLeft(w);
        return Rational.of(r.multiply(Rational.of(one)).ceil(), one);
    }

    private Rational grid(BigInteger numerator) {
        return Rational.of(numerator, BigInteger.ONE.shiftLeft(w));
    }

    private static RationalInterval around(Rational c, Rational radius) {
        return RationalInterval.of(c.subtract(radius), c.add(radius));
    }

    /** The grid the centres and radii are on: 2^-w. */
    public int gridBits() {
        return w;
    }

    /** d(s): zero on transient states, else x(s) +- delta1 within [0, 1]. */
    @Override
    public RationalInterval stationary(int s) {
        if (!recurrent[s]) {
            return RationalInterval.point(Rational.ZERO);
        }
        Rational xs = grid(x[s]);
        return RationalInterval.of(xs.subtract(delta1).max(Rational.ZERO), xs.add(delta1).min(Rational.ONE));
    }

    @Override
    public int states() {
        return x.length;
    }

    /** rbar = d . r^pi. */
    @Override
    public RationalInterval averageReward() {
        return around(grid(g), dg);
    }

    /** h(s), normalised by d.h = 0. */
    @Override
    public RationalInterval poisson(int s) {
        return around(grid(y[s]), eh);
    }

    /** The centre of the Poisson enclosures. */
    @Override
    public FractionVector poissonCenter() {
        return FractionVector.of(y, BigInteger.ONE.shiftLeft(w));
    }

    /** A bound on ||h - poissonCenter||_inf. */
    @Override
    public Rational poissonRadius() {
        return eh;
    }

    @Override
    public int maxKappa() {
        return partialSums.size() - 1;
    }

    /** min_c ||hhat_kappa - c - h||_inf = osc(u_kappa - h)/2, enclosed (1-Lipschitz in the sup norm). */
    @Override
    public RationalInterval truncatedBias(int kappa) {
        FractionVector u = FractionVector.of(partialSums.get(kappa), BigInteger.ONE.shiftLeft(w));
        Rational b = Oscillation.distanceToConstants(u.subtract(poissonCenter()));
        Rational r = partialSumRadii.get(kappa).add(eh);
        return RationalInterval.of(b.subtract(r).max(Rational.ZERO), b.add(r));
    }
}
