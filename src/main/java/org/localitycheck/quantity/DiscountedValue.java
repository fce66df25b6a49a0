package org.localitycheck.quantity;

import java.math.BigInteger;
import org.localitycheck.arith.ExactSolver;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;

/** The gamma-discounted value V = sum_t gamma^t (T^pi)^t r^pi = (I - gamma P^pi)^{-1} r^pi, exactly. */
public final class DiscountedValue {
    private DiscountedValue() {
    }

    public static FractionVector of(JointKernel p, Rational[] reward, Rational gamma) {
        if (gamma.signum() < 0 || gamma.compareTo(Rational.ONE) >= 0) {
            throw new IllegalArgumentException("DiscountedValue.of: gamma must lie in [0, 1), got " + gamma);
        }
        int n = p.size();
        BigInteger gn = gamma.numerator();
        BigInteger gd = gamma.denominator();
        BigInteger[][] a = new BigInteger[n][n];
        FractionVector r = FractionVector.of(reward);
        BigInteger[] rhs = new BigInteger[n];
        for (int s = 0; s < n; s++) {
            BigInteger scale = p.rowDenominator(s).multiply(gd);
            for (int t = 0; t < n; t++) {
                BigInteger v = gn.multiply(p.numerator(s, t)).negate();
                a[s][t] = s == t ? v.add(scale) : v;
            }
            rhs[s] = r.numerator(s).multiply(scale);
        }
        FractionVector z = ExactSolver.solve(a, rhs);
        BigInteger[] num = new BigInteger[n];
        for (int s = 0; s < n; s++) {
            num[s] = z.numerator(s);
        }
        return FractionVector.of(num, z.denominator().multiply(r.denominator()));
    }
}
