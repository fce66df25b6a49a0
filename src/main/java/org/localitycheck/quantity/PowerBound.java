package org.localitycheck.quantity;

import java.util.Optional;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.SpectralRadius;

/**
 * The least constant C with ||M^t||_inf &lt;= C lambda^t for every t &gt;= 0, for M &gt;= 0 and rational
 * lambda &gt; rho(M).
 *
 * <p>With A = M / lambda, rho(A) &lt; 1, so some power has ||A^t0||_inf &lt;= 1; take the first t0 &gt;= 1.
 * For t &gt;= t0 write t = q t0 + r with 0 &lt;= r &lt; t0: ||A^t|| &lt;= ||A^r|| ||A^t0||^q &lt;= ||A^r||.
 * Hence sup over all t of ||A^t|| equals max over 0 &lt;= t &lt; t0 of ||A^t||, a finite exact maximum: the tail
 * is bounded by this argument, not assumed.
 */
public final class PowerBound {
    /** A guard on the search for t0; reached only when lambda is extremely close to rho(M). */
    public static final int MAX_POWER = 4096;

    private PowerBound() {
    }

    public record LeastConstant(Rational constant, int attainedAt, int t0) {
    }

    /** Empty when lambda &lt;= rho(M) (no finite constant exists for lambda &lt; rho; at equality it may not). */
    public static Optional<LeastConstant> leastConstant(RationalMatrix m, Rational lambda) {
        if (lambda.signum() <= 0 || SpectralRadius.compare(m, lambda) >= 0) {
            return Optional.empty();
        }
        RationalMatrix a = m.scale(lambda.reciprocal());
        RationalMatrix power = RationalMatrix.identity(m.rows());
        Rational best = Rational.ONE; // ||A^0|| = 1
        int at = 0;
        for (int t = 1; t <= MAX_POWER; t++) {
            power = power.multiply(a);
            Rational norm = power.normInf();
            if (norm.compareTo(Rational.ONE) <= 0) {
                return Optional.of(new LeastConstant(best, at, t));
            }
            if (norm.compareTo(best) > 0) {
                best = norm;
                at = t;
            }
        }
        throw new ArithmeticException("PowerBound.leastConstant: no power of M/lambda up to " + MAX_POWER
                + " has norm at most 1 (lambda " + lambda + " is too close to rho(M))");
    }
}
