package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Reduction modulo one fixed m &gt; 0 by multiplications (Barrett 1986; Menezes, van Oorschot and Vanstone, Handbook
 * of Applied Cryptography, 14.42, with base 2). Dixon's reconstruction reduces hundreds of products d x_i modulo the
 * same long q, and a long solution vector the product of its numerators modulo its denominator; {@code BigInteger.mod}
 * would divide each by Burnikel-Ziegler's method, which allocates at every level of its recursion and which a fresh
 * JVM then spends 0.4 s of its C2 thread compiling (JFR, generic n = 8). {@link #of} divides once, for mu.
 *
 * <p>With k the bit length of m and mu = floor(4^k / m), for 0 &lt;= t &lt; 4^k the estimate
 * q = floor(floor(t / 2^(k-1)) mu / 2^(k+1)) satisfies q &lt;= floor(t / m) &lt;= q + 2 (HAC, Note 14.43), so
 * r = t - q m lies in [0, 3m) and at most two subtractions finish it. Any other t goes to {@code BigInteger.mod}.
 */
final class Barrett {
    private final BigInteger m;
    private final int k;
    private final BigInteger mu;

    private Barrett(BigInteger m, int k, BigInteger mu) {
        this.m = m;
        this.k = k;
        this.mu = mu;
    }

    static Barrett of(BigInteger m) {
        if (m.signum() <= 0) {
            throw new ArithmeticException("Barrett.of: the modulus must be positive, got " + m);
        }
        int k = m.bitLength();
        return new Barrett(m, k, BigInteger.ONE.shiftLeft(2 * k).divide(m));
    }

    /** t mod m, in [0, m). */
    BigInteger mod(BigInteger t) {
        if (t.signum() < 0 || t.bitLength() > 2 * k) {
            return t.mod(m);
        }
        BigInteger q = t.shiftRight(k - 1).multiply(mu).shiftRight(k + 1);
        BigInteger r = t.subtract(q.multiply(m));
        for (int i = 0; i < 2 && r.compareTo(m) >= 0; i++) {
            r = r.subtract(m);
        }
        if (r.signum() < 0 || r.compareTo(m) >= 0) {
            throw new IllegalStateException("Barrett.mod: the estimate of t / m was off by more than 2 (t of "
                    + t.bitLength() + " bits, m of " + k + " bits), against HAC 14.43");
        }
        return r;
    }
}
