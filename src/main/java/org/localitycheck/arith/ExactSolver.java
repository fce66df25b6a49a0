package org.localitycheck.arith;

import java.math.BigInteger;

/**
 * Exact solution of A x = b for a nonsingular integer matrix A.
 *
 * <p>Up to {@link #BAREISS_LIMIT} unknowns: one-step fraction-free (Bareiss) elimination, whose last pivot
 * is +-det(A) and whose back substitution stays in the integers by Cramer's rule. Past it: Dixon's p-adic
 * lifting (Dixon 1982, as in IML): A is factored once modulo a word prime p, the solution's p-adic digits
 * are lifted one per step with the exact residual update r &lt;- (r - A x_k)/p, and rational reconstruction
 * recovers x = num/D. The result is then proved exact: A num - D b is divisible by p^K by construction, and
 * its entries are bounded in absolute value by N max|A| max|num| + D max|b| &lt; p^K, so it is zero.
 * When the bound does not yet hold, lifting continues; nothing is returned unproved.
 */
public final class ExactSolver {
    /** Below this many unknowns Bareiss elimination is used. */
    public static final int BAREISS_LIMIT = 48;
    private static final int LIMB_BITS = 26;
    private static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
    /** Primes below 2^26, so that 1024 products of two residues add up without overflowing a long. */
    private static final long[] PRIMES = {67108859L, 67108837L, 67108819L, 67108777L, 67108763L, 67108757L,
        67108753L, 67108747L, 67108739L, 67108729L};

    private ExactSolver() {
    }

    /** Solves A x = b; ArithmeticException when A is singular. */
    public static FractionVector solve(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        if (b.length != n) {
            throw new IllegalArgumentException("ExactSolver.solve: " + n + " equations but " + b.length
                    + " right-hand sides");
        }
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("ExactSolver.solve: row " + i + " has " + a[i].length
                        + " entries, expected " + n);
            }
        }
        if (n <= BAREISS_LIMIT) {
            return bareiss(a, b);
        }
        return dixon(a, b);
    }

    /** Solves A^T x = b. */
    public static FractionVector solveTransposed(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        BigInteger[][] t = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
            }
        }
        return solve(t, b);
    }

    /**
     * Solves A X = B for several right-hand sides (the columns of B) by one fraction-free elimination of [A | B]:
     * column c of the answer is {@code result[c]}, all over the denominator |det A|. ArithmeticException when A is
     * singular.
     */
    public static FractionVector[] solveColumns(BigInteger[][] a, BigInteger[][] columns) {
        int n = a.length;
        int r = columns.length;
        BigInteger[][] m = new BigInteger[n][n + r];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("ExactSolver.solveColumns: row " + i + " has " + a[i].length
                        + " entries, expected " + n);
            }
            System.arraycopy(a[i], 0, m[i], 0, n);
            for (int c = 0; c < r; c++) {
                m[i][n + c] = columns[c][i];
            }
        }
        BigInteger det = eliminate(m, n);
        FractionVector[] out = new FractionVector[r];
        for (int c = 0; c < r; c++) {
            out[c] = backSubstitute(m, n, n + c, det);
        }
        return out;
    }

    // ---------------------------------------------------------------- Bareiss

    /** One-step Bareiss on the first n columns of m (n rows, any number of columns); returns the last pivot. */
    private static BigInteger eliminate(BigInteger[][] m, int n) {
        int width = m[0].length;
        BigInteger prev = BigInteger.ONE;
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && m[p][k].signum() == 0) {
                p++;
            }
            if (p == n) {
                throw new ArithmeticException("ExactSolver.solve: the matrix is singular (column " + k + " has no pivot)");
            }
            if (p != k) {
                BigInteger[] t = m[p];
                m[p] = m[k];
                m[k] = t; // the last pivot becomes the permuted system's determinant; x does not change
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < width; j++) {
                    m[i][j] = m[k][k].multiply(m[i][j]).subtract(m[i][k].multiply(m[k][j])).divide(prev);
                }
                m[i][k] = BigInteger.ZERO;
            }
            prev = m[k][k];
        }
        return prev;
    }

    /** x = (column c of the eliminated system) / det, by Cramer-scaled back substitution, with a positive denominator. */
    private static FractionVector backSubstitute(BigInteger[][] m, int n, int c, BigInteger det) {
        BigInteger[] y = new BigInteger[n];
        for (int i = n - 1; i >= 0; i--) {
            BigInteger s = det.multiply(m[i][c]);
            for (int j = i + 1; j < n; j++) {
                s = s.subtract(m[i][j].multiply(y[j]));
            }
            BigInteger[] qr = s.divideAndRemainder(m[i][i]);
            if (qr[1].signum() != 0) {
                throw new IllegalStateException("ExactSolver.bareiss: inexact back substitution in row " + i);
            }
            y[i] = qr[0];
        }
        if (det.signum() < 0) {
            for (int i = 0; i < n; i++) {
                y[i] = y[i].negate();
            }
            return FractionVector.wrap(y, det.negate());
        }
        return FractionVector.wrap(y, det);
    }

    static FractionVector bareiss(BigInteger[][] a0, BigInteger[] b) {
        int n = a0.length;
        BigInteger[][] m = new BigInteger[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a0[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        return backSubstitute(m, n, n, eliminate(m, n));
    }

    // ---------------------------------------------------------------- Dixon

    static FractionVector dixon(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        for (long p : PRIMES) {
            long[][] lu = new long[n][];
            int[] perm = new int[n];
            if (!factorModP(a, p, lu, perm)) {
                continue; // p divides det(A), or A is singular: try the next prime
            }
            return lift(a, b, p, lu, perm);
        }
        // every prime divides det: decide singularity exactly
        return bareiss(a, b);
    }

    /** LU factorisation of A mod p with partial pivoting: false when singular mod p. */
    private static boolean factorModP(BigInteger[][] a, long p, long[][] lu, int[] perm) {
        int n = a.length;
        BigInteger bp = BigInteger.valueOf(p);
        for (int i = 0; i < n; i++) {
            lu[i] = new long[n];
            for (int j = 0; j < n; j++) {
                lu[i][j] = a[i][j].mod(bp).longValue();
            }
            perm[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int piv = k;
            while (piv < n && lu[piv][k] == 0) {
                piv++;
            }
            if (piv == n) {
                return false;
            }
            if (piv != k) {
                long[] t = lu[piv];
                lu[piv] = lu[k];
                lu[k] = t;
                int tp = perm[piv];
                perm[piv] = perm[k];
                perm[k] = tp;
            }
            long inv = modInverse(lu[k][k], p);
            long[] rk = lu[k];
            for (int i = k + 1; i < n; i++) {
                long[] ri = lu[i];
                if (ri[k] == 0) {
                    continue;
                }
                long f = ri[k] * inv % p;
                ri[k] = f; // L factor
                long negf = p - f;
                for (int j = k + 1; j < n; j++) {
                    ri[j] = (ri[j] + negf * rk[j]) % p;
                }
            }
        }
        return true;
    }

    /** Solves (LU) x = P r mod p, residues in [0, p). */
    private static long[] solveModP(long[][] lu, long[] invDiag, int[] perm, long[] r, long p) {
        int n = lu.length;
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            long s = r[perm[i]];
            long acc = 0;
            long[] row = lu[i];
            for (int j = 0; j < i; j++) {
                acc += row[j] * y[j];
                if ((j & 1023) == 1023) {
                    acc %= p;
                }
            }
            y[i] = Math.floorMod(s - acc % p, p);
        }
        long[] x = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            long acc = 0;
            long[] row = lu[i];
            for (int j = i + 1; j < n; j++) {
                acc += row[j] * x[j];
                if ((j & 1023) == 1023) {
                    acc %= p;
                }
            }
            long s = Math.floorMod(y[i] - acc % p, p);
            x[i] = s * invDiag[i] % p;
        }
        return x;
    }

    private static FractionVector lift(BigInteger[][] a, BigInteger[] b, long p, long[][] lu, int[] perm) {
        int n = a.length;
        BigInteger bp = BigInteger.valueOf(p);
        long[] invDiag = new long[n];
        for (int i = 0; i < n; i++) {
            invDiag[i] = modInverse(lu[i][i], p);
        }
        // signed limbs of A: A = sum_l 2^(26 l) limb[l]
        int maxBits = 1;
        BigInteger maxA = BigInteger.ZERO;
        for (BigInteger[] row : a) {
            for (BigInteger x : row) {
                maxBits = Math.max(maxBits, x.bitLength());
                if (x.abs().compareTo(maxA) > 0) {
                    maxA = x.abs();
                }
            }
        }
        int limbs = (maxBits + LIMB_BITS - 1) / LIMB_BITS;
        int[][][] limb = new int[limbs][n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger x = a[i][j];
                int s = x.signum();
                BigInteger m = x.abs();
                for (int l = 0; l < limbs && m.signum() != 0; l++) {
                    limb[l][i][j] = s * (int) (m.longValue() & LIMB_MASK);
                    m = m.shiftRight(LIMB_BITS);
                }
            }
        }
        BigInteger maxB = BigInteger.ZERO;
        for (BigInteger x : b) {
            if (x.abs().compareTo(maxB) > 0) {
                maxB = x.abs();
            }
        }
        // Hadamard's bound guarantees reconstruction after `enough` digits; solutions are often far
        // smaller, so reconstruction is first tried at geometric checkpoints. The exactness proof below
        // makes an early answer as certain as a late one.
        int enough = Math.max(1, (int) Math.ceil(reconstructionBits(a, b) / log2(p)) + 2);
        int steps = Math.min(enough, 16);
        BigInteger[] r = b.clone();
        java.util.ArrayList<long[]> digits = new java.util.ArrayList<>();
        long[] rmod = new long[n];
        BigInteger[] xs = new BigInteger[n];
        java.util.Arrays.fill(xs, BigInteger.ZERO);
        BigInteger modulus = BigInteger.ONE;
        int combined = 0;
        while (true) {
            while (digits.size() < steps) {
                for (int i = 0; i < n; i++) {
                    rmod[i] = r[i].mod(bp).longValue();
                }
                long[] x = solveModP(lu, invDiag, perm, rmod, p);
                digits.add(x);
                // r <- (r - A x) / p, exactly
                for (int i = 0; i < n; i++) {
                    BigInteger ax = BigInteger.ZERO;
                    for (int l = limbs - 1; l >= 0; l--) {
                        ax = ax.shiftLeft(LIMB_BITS).add(dot(limb[l][i], x));
                    }
                    BigInteger[] qr = r[i].subtract(ax).divideAndRemainder(bp);
                    if (qr[1].signum() != 0) {
                        throw new IllegalStateException("ExactSolver.dixon: residual not divisible by p in row " + i);
                    }
                    r[i] = qr[0];
                }
            }
            // x_i = sum_k digit_k[i] p^k, extended by the digits lifted since the last checkpoint
            BigInteger[] fresh = combineDigits(digits, combined, digits.size(), n, bp);
            for (int i = 0; i < n; i++) {
                xs[i] = xs[i].add(fresh[i].multiply(modulus));
            }
            modulus = modulus.multiply(bp.pow(digits.size() - combined));
            combined = digits.size();
            FractionVector candidate = reconstruct(xs, modulus);
            if (candidate != null && provedExact(candidate, n, maxA, maxB, modulus)) {
                return candidate;
            }
            steps = steps >= enough ? steps + Math.max(4, steps / 4) : Math.min(enough, steps * 2);
        }
    }

    /** The proof of exactness described in the class comment. */
    private static boolean provedExact(FractionVector x, int n, BigInteger maxA, BigInteger maxB, BigInteger modulus) {
        BigInteger maxNum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger v = x.numerator(i).abs();
            if (v.compareTo(maxNum) > 0) {
                maxNum = v;
            }
        }
        BigInteger bound = BigInteger.valueOf(n).multiply(maxA).multiply(maxNum)
                .add(x.denominator().multiply(maxB));
        return bound.compareTo(modulus) < 0;
    }

    /** log2 of 2 * (bound on |numerators|) * (bound on the denominator), by Hadamard's inequality. */
    private static double reconstructionBits(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        double detBits = 0;
        double minCol = Double.MAX_VALUE;
        for (int j = 0; j < n; j++) {
            double colBits = log2Norm(a, j);
            detBits += colBits;
            minCol = Math.min(minCol, colBits);
        }
        double bBits = 0;
        BigInteger s = BigInteger.ZERO;
        for (BigInteger x : b) {
            s = s.add(x.multiply(x));
        }
        bBits = s.signum() == 0 ? 0 : (s.bitLength()) / 2.0 + 1;
        double numBits = detBits - minCol + bBits;
        return 1 + detBits + numBits + 8; // 8 bits of margin; the exactness proof decides in the end
    }

    private static double log2Norm(BigInteger[][] a, int col) {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger[] row : a) {
            s = s.add(row[col].multiply(row[col]));
        }
        return s.signum() == 0 ? 0 : s.bitLength() / 2.0 + 1;
    }

    private static double log2(long p) {
        return Math.log(p) / Math.log(2);
    }

    /** sum_{k=from}^{to-1} digit_k[i] p^(k-from) for every i, by balanced splitting over pairs of digits. */
    private static BigInteger[] combineDigits(java.util.List<long[]> digits, int from, int to, int n, BigInteger p) {
        long pl = p.longValueExact();
        int pairs = (to - from + 1) / 2;
        java.util.List<BigInteger> powers = new java.util.ArrayList<>();
        powers.add(p.multiply(p)); // the base of a pair of digits
        BigInteger[] result = new BigInteger[n];
        long[] leaf = new long[pairs];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < pairs; q++) {
                int k = from + 2 * q;
                long lo = digits.get(k)[i];
                long hi = k + 1 < to ? digits.get(k + 1)[i] : 0;
                leaf[q] = lo + pl * hi; // < p^2 < 2^52
            }
            result[i] = pairs == 0 ? BigInteger.ZERO : combine(leaf, 0, pairs, powers);
        }
        return result;
    }

    private static BigInteger combine(long[] leaf, int lo, int hi, java.util.List<BigInteger> powers) {
        if (hi - lo == 1) {
            return BigInteger.valueOf(leaf[lo]);
        }
        int level = 31 - Integer.numberOfLeadingZeros(hi - lo - 1); // 2^level < hi - lo <= 2^(level+1)
        int half = 1 << level;
        while (powers.size() <= level) {
            BigInteger last = powers.get(powers.size() - 1);
            powers.add(last.multiply(last));
        }
        BigInteger low = combine(leaf, lo, lo + half, powers);
        BigInteger high = combine(leaf, lo + half, hi, powers);
        return high.multiply(powers.get(level)).add(low);
    }

    /** Vector rational reconstruction with a growing common denominator; null when it fails. */
    private static FractionVector reconstruct(BigInteger[] xs, BigInteger modulus) {
        int n = xs.length;
        BigInteger bound = modulus.shiftRight(1).sqrt();
        BigInteger half = modulus.shiftRight(1);
        BigInteger d = BigInteger.ONE;
        BigInteger[] num = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            BigInteger y = xs[i].multiply(d).mod(modulus);
            if (y.compareTo(half) > 0) {
                y = y.subtract(modulus);
            }
            if (y.abs().compareTo(bound) <= 0) {
                num[i] = y;
                continue;
            }
            BigInteger[] nd = reconstructOne(xs[i].multiply(d).mod(modulus), modulus, bound);
            if (nd == null) {
                return null;
            }
            BigInteger extra = nd[1];
            for (int j = 0; j < i; j++) {
                num[j] = num[j].multiply(extra);
            }
            d = d.multiply(extra);
            num[i] = nd[0];
            if (d.compareTo(bound) > 0) {
                return null;
            }
        }
        return FractionVector.wrap(num, d);
    }

    /** n/d with |n| &lt;= bound, 0 &lt; d &lt;= bound, n = d x mod m; null when none. */
    private static BigInteger[] reconstructOne(BigInteger x, BigInteger m, BigInteger bound) {
        BigInteger r0 = m;
        BigInteger r1 = x;
        BigInteger t0 = BigInteger.ZERO;
        BigInteger t1 = BigInteger.ONE;
        while (r1.compareTo(bound) > 0) {
            BigInteger[] qr = r0.divideAndRemainder(r1);
            BigInteger t2 = t0.subtract(qr[0].multiply(t1));
            r0 = r1;
            r1 = qr[1];
            t0 = t1;
            t1 = t2;
        }
        if (t1.signum() == 0 || t1.abs().compareTo(bound) > 0) {
            return null;
        }
        if (t1.signum() < 0) {
            t1 = t1.negate();
            r1 = r1.negate();
        }
        if (!r1.gcd(t1).equals(BigInteger.ONE)) {
            return null;
        }
        return new BigInteger[] {r1, t1};
    }

    /** sum_j row[j] x[j] for |row[j]| &lt; 2^26 and 0 &lt;= x[j] &lt; 2^26, in blocks of 1024 that fit a long. */
    private static BigInteger dot(int[] row, long[] x) {
        int n = row.length;
        BigInteger total = BigInteger.ZERO;
        for (int start = 0; start < n; start += 1024) {
            int end = Math.min(n, start + 1024);
            long acc = 0;
            for (int j = start; j < end; j++) {
                acc += row[j] * x[j];
            }
            total = start == 0 ? BigInteger.valueOf(acc) : total.add(BigInteger.valueOf(acc));
        }
        return total;
    }

    private static long modInverse(long a, long p) {
        return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(p)).longValue();
    }
}
