package org.localitycheck.quantity;

import org.localitycheck.arith.Exp;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * soft_tau(u)_a = exp(u_a/tau) / sum_b exp(u_b/tau), enclosed: p_a = 1 / sum_b exp((u_b - u_a)/tau), each
 * exponential enclosed by {@link Exp} and the sum and reciprocal done on intervals of positive numbers.
 */
public final class Softmax {
    private Softmax() {
    }

    public static RationalInterval[] probabilities(Rational[] u, Rational tau, int bits) {
        if (tau.signum() <= 0) {
            throw new IllegalArgumentException("Softmax: tau must be positive, got " + tau);
        }
        int m = u.length;
        // exp((u_b - u_a)/tau) once per pair a < b; the other order is its reciprocal
        RationalInterval[][] ratio = new RationalInterval[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                ratio[a][b] = Exp.exp(u[b].subtract(u[a]).divide(tau), bits);
                ratio[b][a] = ratio[a][b].reciprocal();
            }
        }
        RationalInterval[] p = new RationalInterval[m];
        for (int a = 0; a < m; a++) {
            RationalInterval sum = RationalInterval.point(Rational.ONE);
            for (int b = 0; b < m; b++) {
                if (b != a) {
                    sum = sum.add(ratio[a][b]);
                }
            }
            p[a] = sum.reciprocal().roundOutward(bits + 8);
        }
        return p;
    }
}
