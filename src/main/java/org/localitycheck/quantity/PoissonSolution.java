package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.localitycheck.arith.ExactSolver;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;

/**
 * The stationary distribution d, the average reward rbar = d . r^pi and the Poisson solution h of
 * h - T^pi h = r^pi - rbar normalised by d . h = 0, for a chain with one closed class.
 *
 * <p>Both come from one matrix B = (I - P) with its last column replaced by ones. d^T B = e_last^T says
 * d^T (I - P) = 0 on the first N-1 columns (hence on all, rows of I - P summing to 0) and d . 1 = 1.
 * B (h_0..h_{N-2}, rbar) = r^pi says (I - P) h + rbar 1 = r^pi with h_{N-1} = 0. B is nonsingular exactly
 * when the left null space of I - P is one-dimensional, i.e. when there is one closed class.
 */
public final class PoissonSolution {
    private final FractionVector stationary;
    private final Rational averageReward;
    private final FractionVector poisson;

    private PoissonSolution(FractionVector stationary, Rational averageReward, FractionVector poisson) {
        this.stationary = stationary;
        this.averageReward = averageReward;
        this.poisson = poisson;
    }

    /** Empty when the chain is multichain (more than one closed class). */
    public static Optional<PoissonSolution> of(JointKernel p, Rational[] rewardUnderPolicy) {
        if (RecurrentClasses.isMultichain(p)) {
            return Optional.empty();
        }
        int n = p.size();
        // B' = diag(den) B: integer rows
        BigInteger[][] b = new BigInteger[n][n];
        for (int s = 0; s < n; s++) {
            BigInteger d = p.rowDenominator(s);
            for (int t = 0; t < n - 1; t++) {
                BigInteger v = p.numerator(s, t).negate();
                b[s][t] = s == t ? v.add(d) : v;
            }
            b[s][n - 1] = d;
        }
        // stationary: B^T d = e_last  <=>  B'^T (d / den) = e_last
        BigInteger[] e = new BigInteger[n];
        Arrays.fill(e, BigInteger.ZERO);
        e[n - 1] = BigInteger.ONE;
        // the two solves are independent: past the small sizes the stationary one runs on another core meanwhile
        CompletableFuture<FractionVector> ys = n > ExactSolver.BAREISS_LIMIT
                ? CompletableFuture.supplyAsync(() -> ExactSolver.solveTransposed(b, e))
                : CompletableFuture.completedFuture(ExactSolver.solveTransposed(b, e));
        // Poisson: B' z = den * r
        FractionVector r = FractionVector.of(rewardUnderPolicy);
        BigInteger[] rhs = new BigInteger[n];
        for (int s = 0; s < n; s++) {
            rhs[s] = r.numerator(s).multiply(p.rowDenominator(s));
        }
        FractionVector z = ExactSolver.solve(b, rhs); // z / r.den is (h_0..h_{N-2}, rbar)
        FractionVector y;
        try {
            y = ys.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException ? (RuntimeException) failed.getCause() : failed;
        }
        BigInteger[] dn = new BigInteger[n];
        for (int s = 0; s < n; s++) {
            dn[s] = y.numerator(s).multiply(p.rowDenominator(s));
        }
        FractionVector d = FractionVector.of(dn, y.denominator());
        BigInteger zden = z.denominator().multiply(r.denominator());
        Rational rbar = Rational.of(z.numerator(n - 1), zden);
        BigInteger[] hn = new BigInteger[n];
        for (int s = 0; s < n - 1; s++) {
            hn[s] = z.numerator(s);
        }
        hn[n - 1] = BigInteger.ZERO;
        FractionVector h0 = FractionVector.of(hn, zden);
        FractionVector h = h0.subtractConstant(d.dot(h0));
        return Optional.of(new PoissonSolution(d, rbar, h));
    }

    public FractionVector stationary() {
        return stationary;
    }

    public Rational averageReward() {
        return averageReward;
    }

    /** h with d . h = 0. */
    public FractionVector poisson() {
        return poisson;
    }
}
