package org.localitycheck.arith;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Dixon's p-adic lifting (Dixon 1982, as in IML) for a nonsingular integer matrix A: A is factored once modulo a
 * word prime p, the solution's p-adic digits are lifted one per step with the exact residual update
 * r &lt;- (r - A x_k)/p, and rational reconstruction recovers x = num/D. The result is then proved exact:
 * A num - D b is divisible by p^K by construction, and its entries are bounded in absolute value by
 * N max|A| max|num| + D max|b| &lt; p^K, so it is zero. When the bound does not yet hold, lifting continues;
 * nothing is returned unproved.
 *
 * <p>Output-sensitive reconstruction: at each checkpoint only the first entries (the probe) are turned into integers
 * and reconstructed; the others follow only when the probe succeeds, and then from about half the digits: their
 * numerators are at most B (a power of two, sqrt(p^K/2)/2 &lt; B &lt;= sqrt(p^K/2)), so their residues modulo a
 * q = p^t just above (N max|A| + max|b|) 2 B give them, and the same proof with q in place of p^K makes the result
 * exact. An entry whose residue is too large (its denominator is not yet in the probe's) is completed to K digits
 * and reconstructed in full.
 *
 * <p>The residual lives in longs: each row as radix-2^26 digits, the top one a signed long. Since
 * |r'| &lt;= (|r| + N max|A| (p - 1)) / p, |r| never exceeds max(|b|, N max|A|), and the update (A x_k by 26-bit
 * limbs of A, carries, exact division by p from the top digit) needs no BigInteger.
 */
final class Dixon {
    private static final int LIMB_BITS = 26;
    private static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
    /** Products of a limb and a residue are below 2^52: this many add up below 2^62. */
    private static final int BLOCK = 1024;
    private static final int PRIMES_TRIED = 10;
    /** Entries reconstructed at every checkpoint before the others are. */
    private static final int PROBE = 4;

    private Dixon() {
    }

    /** Solves A x = b; ArithmeticException when A is singular. */
    static FractionVector solve(BigInteger[][] a, BigInteger[] b) {
        int n = a.length;
        for (long p : WordPrimes.first(PRIMES_TRIED)) {
            long[][] lu = new long[n][];
            int[] perm = new int[n];
            if (!factorModP(a, p, lu, perm)) {
                continue; // p divides det(A), or A is singular: try the next prime
            }
            return lift(a, b, p, lu, perm);
        }
        // every prime divides det: decide singularity exactly
        return Bareiss.solve(a, b);
    }

    /** LU factorisation of A mod p with partial pivoting: false when singular mod p. */
    private static boolean factorModP(BigInteger[][] a, long p, long[][] lu, int[] perm) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            lu[i] = new long[n];
            for (int j = 0; j < n; j++) {
                lu[i][j] = residue(a[i][j], p);
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
            y[i] = Math.floorMod(r[perm[i]] - dotModP(lu[i], y, 0, i, p), p);
        }
        long[] x = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            x[i] = Math.floorMod(y[i] - dotModP(lu[i], x, i + 1, n, p), p) * invDiag[i] % p;
        }
        return x;
    }

    /** sum_{from &lt;= j &lt; to} row[j] v[j] mod p for residues below 2^26. */
    private static long dotModP(long[] row, long[] v, int from, int to, long p) {
        long acc = 0;
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            long block = 0;
            for (int j = start; j < end; j++) {
                block += row[j] * v[j];
            }
            acc = (acc + block % p) % p;
        }
        return acc;
    }

    private static FractionVector lift(BigInteger[][] a, BigInteger[] b, long p, long[][] lu, int[] perm) {
        int n = a.length;
        BigInteger bp = BigInteger.valueOf(p);
        long[] invDiag = new long[n];
        for (int i = 0; i < n; i++) {
            invDiag[i] = modInverse(lu[i][i], p);
        }
        BigInteger maxA = BigInteger.ZERO;
        for (BigInteger[] row : a) {
            for (BigInteger x : row) {
                maxA = maxA.max(x.abs());
            }
        }
        BigInteger maxB = BigInteger.ZERO;
        for (BigInteger x : b) {
            maxB = maxB.max(x.abs());
        }
        // signed limbs of A: A = sum_l 2^(26 l) limb[l]
        int limbs = Math.max(1, (maxA.bitLength() + LIMB_BITS - 1) / LIMB_BITS);
        int[][][] limb = new int[limbs][n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger x = a[i][j];
                int sign = x.signum();
                if (x.bitLength() < 63) {
                    long m = Math.abs(x.longValue());
                    for (int l = 0; l < limbs && m != 0; l++, m >>>= LIMB_BITS) {
                        limb[l][i][j] = sign * (int) (m & LIMB_MASK);
                    }
                    continue;
                }
                byte[] mag = x.abs().toByteArray(); // big-endian
                for (int l = 0; l < limbs; l++) {
                    limb[l][i][j] = sign * (int) bits(mag, l * LIMB_BITS);
                }
            }
        }
        int rBits = Math.max(maxB.bitLength(), maxA.bitLength() + 33 - Integer.numberOfLeadingZeros(n));
        int width = Math.max(rBits / LIMB_BITS + 2, limbs + 2);
        long[][] r = new long[n][];
        for (int i = 0; i < n; i++) {
            r[i] = toDigits(b[i], width);
        }
        // `enough` digits come from Hadamard's bounds on the numerators and the denominator (a target, not a
        // guarantee for the symmetric reconstruction below: when it falls short, lifting just goes on). Solutions
        // are often far smaller, so reconstruction is tried at doubling checkpoints first. The exactness proof
        // makes an early answer as certain as a late one.
        int enough = Math.max(1, (int) Math.ceil(reconstructionBits(a, b) / log2(p)) + 2);
        int steps = Math.min(enough, 16);
        List<long[]> digits = new ArrayList<>();
        long[] rmod = new long[n];
        long[] scratch = new long[width];
        // x_i = sum_k digit_k[i] p^k so far; the first `probe` entries are extended at every checkpoint, the others
        // only once the probe reconstructs (before that the checkpoint cannot succeed)
        int probe = Math.min(n, PROBE);
        BigInteger[] xs = new BigInteger[n];
        Arrays.fill(xs, BigInteger.ZERO);
        int[] combined = new int[2];
        BigInteger[] powers = {BigInteger.ONE, BigInteger.ONE}; // p^combined
        while (true) {
            addDigits(digits, steps, r, limb, lu, invDiag, perm, p, rmod, scratch);
            extend(xs, 0, probe, digits, digits.size(), combined, powers, 0, bp);
            BigInteger modulus = powers[0];
            FractionVector head = reconstruct(Arrays.copyOf(xs, probe), modulus);
            if (head != null && probe == n) {
                if (provedExact(head, n, maxA, maxB, modulus)) {
                    return head;
                }
            } else if (head != null) {
                // the numerators are at most `bound`: the other entries need about half the digits (short path)
                BigInteger bound = reconstructionBound(modulus);
                BigInteger target = BigInteger.valueOf(n).multiply(maxA).add(maxB).multiply(bound).shiftLeft(1);
                int half = (int) Math.ceil(target.bitLength() / log2(p)) + 1; // p^half > 2^bitLength > target
                if (half < digits.size()) {
                    extend(xs, probe, n, digits, Math.max(half, combined[1]), combined, powers, 1, bp);
                    BigInteger q = powers[1];
                    int from = combined[1];
                    FractionVector candidate = reconstructShort(xs, head, q, modulus, bound, i -> xs[i].add(
                            combineDigits(digits, from, digits.size(), i, i + 1, bp)[0].multiply(q)));
                    if (candidate != null && provedExact(candidate, n, maxA, maxB, powers[1])) {
                        return candidate;
                    }
                }
                extend(xs, probe, n, digits, digits.size(), combined, powers, 1, bp);
                FractionVector candidate = reconstruct(xs, modulus);
                if (candidate != null && provedExact(candidate, n, maxA, maxB, modulus)) {
                    return candidate;
                }
            }
            steps = steps >= enough ? steps + Math.max(4, steps / 4) : Math.min(enough, 2 * steps);
        }
    }

    /**
     * Lifts until there are {@code steps} digits: each solves A x = r mod p and updates r exactly. A method of its own
     * so that the JIT compiles this loop alone, not the whole of {@link #lift} around it.
     */
    private static void addDigits(List<long[]> digits, int steps, long[][] r, int[][][] limb, long[][] lu,
            long[] invDiag, int[] perm, long p, long[] rmod, long[] scratch) {
        int n = r.length;
        while (digits.size() < steps) {
            for (int i = 0; i < n; i++) {
                rmod[i] = residue(r[i], p);
            }
            long[] x = solveModP(lu, invDiag, perm, rmod, p);
            digits.add(x);
            for (int i = 0; i < n; i++) {
                updateResidual(r[i], limb, i, x, p, scratch);
            }
        }
    }

    /**
     * The numerator and denominator bound for reconstruction modulo m: 2^e with e = floor((bits(m) - 2) / 2), so
     * 2 bound^2 &lt;= 2^(bits(m) - 1) &lt; m for odd m &gt; 1, and two fractions within it that agree modulo m are
     * equal. At most sqrt(m/2), more than half of it (a square root would cost more than the bit it gains).
     */
    static BigInteger reconstructionBound(BigInteger m) {
        return BigInteger.ONE.shiftLeft(Math.max(0, (m.bitLength() - 2) / 2));
    }

    /**
     * Adds digits combined[part]..upTo-1 to xs[from..to): x_i += (sum of those digits times p^(k - combined))
     * p^combined; then powers[part] = p^upTo.
     */
    private static void extend(BigInteger[] xs, int from, int to, List<long[]> digits, int upTo, int[] combined,
            BigInteger[] powers, int part, BigInteger p) {
        if (from == to || upTo == combined[part]) {
            return;
        }
        BigInteger[] fresh = combineDigits(digits, combined[part], upTo, from, to, p);
        for (int i = from; i < to; i++) {
            xs[i] = xs[i].add(fresh[i - from].multiply(powers[part]));
        }
        powers[part] = powers[part].multiply(p.pow(upTo - combined[part]));
        combined[part] = upTo;
    }

    /**
     * {@link #reconstruct} with the entries from the probe's end on known modulo q = p^t only (t &lt;= K): an entry is
     * the residue of d x_i modulo q (|.| &lt;= q/2) when that is within the bound; otherwise it is completed to K digits
     * ({@code full}) and reconstructed at the full modulus, growing d. Every numerator is then congruent to d x_i
     * mod q, so {@link #provedExact} with q proves the candidate as it would with the full modulus. Null when the
     * reconstruction fails.
     */
    private static FractionVector reconstructShort(BigInteger[] xs, FractionVector head, BigInteger q,
            BigInteger modulus, BigInteger bound, IntFunction<BigInteger> full) {
        BigInteger[] known = new BigInteger[head.size()];
        Arrays.setAll(known, head::numerator);
        return reconstruct(xs, known, head.denominator(), q, modulus, bound, full);
    }

    /** v as {@code width} radix-2^26 digits, little end first: digits in [0, 2^26) below a signed top one. */
    private static long[] toDigits(BigInteger v, int width) {
        long[] d = new long[width];
        for (int l = 0; l < width - 1; l++) {
            d[l] = v.shiftRight(LIMB_BITS * l).longValue() & LIMB_MASK; // shiftRight floors, as the digits need
        }
        d[width - 1] = v.shiftRight(LIMB_BITS * (width - 1)).longValueExact();
        return d;
    }

    /** The 26 bits of a big-endian magnitude starting at bit {@code from} (bit 0 the least significant). */
    private static long bits(byte[] mag, int from) {
        long v = 0;
        for (int k = (from + LIMB_BITS - 1) >> 3; k >= from >> 3; k--) { // at most 5 bytes, the top one first
            int index = mag.length - 1 - k;
            v = (v << 8) | (index >= 0 ? mag[index] & 0xFF : 0);
        }
        return (v >>> (from & 7)) & LIMB_MASK;
    }

    /** x mod p in [0, p). */
    private static long residue(BigInteger x, long p) {
        return x.bitLength() < 63 ? Math.floorMod(x.longValue(), p) : x.mod(BigInteger.valueOf(p)).longValue();
    }

    /** The value of digits d modulo p, by Horner from the top. */
    private static long residue(long[] d, long p) {
        int top = d.length - 1;
        long m = Math.floorMod(d[top], p);
        for (int l = top - 1; l >= 0; l--) {
            m = ((m << LIMB_BITS) + d[l]) % p;
        }
        return m;
    }

    /** r &lt;- (r - (A x)_i) / p in place, exactly; IllegalStateException if p does not divide. */
    private static void updateResidual(long[] r, int[][][] limb, int i, long[] x, long p, long[] t) {
        int width = r.length;
        int n = x.length;
        System.arraycopy(r, 0, t, 0, width);
        for (int l = 0; l < limb.length; l++) {
            int[] row = limb[l][i];
            for (int start = 0; start < n; start += BLOCK) {
                int end = Math.min(n, start + BLOCK);
                long acc = 0;
                for (int j = start; j < end; j++) {
                    acc += row[j] * x[j];
                }
                // acc = (acc >> 26) 2^26 + (acc & mask), also for negative acc
                t[l] -= acc & LIMB_MASK;
                t[l + 1] -= acc >> LIMB_BITS;
            }
        }
        long carry = 0;
        for (int l = 0; l < width - 1; l++) {
            long v = t[l] + carry;
            t[l] = v & LIMB_MASK;
            carry = v >> LIMB_BITS;
        }
        t[width - 1] += carry;
        long q = Math.floorDiv(t[width - 1], p);
        long rem = t[width - 1] - q * p;
        r[width - 1] = q;
        for (int l = width - 2; l >= 0; l--) {
            long cur = (rem << LIMB_BITS) | t[l];
            q = cur / p;
            rem = cur - q * p;
            r[l] = q;
        }
        if (rem != 0) {
            throw new IllegalStateException("Dixon.solve: residual not divisible by p in row " + i);
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
        BigInteger[] col = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = a[i][j];
            }
            double colBits = log2NormAbove(col);
            detBits += colBits;
            minCol = Math.min(minCol, colBits);
        }
        double numBits = detBits - minCol + log2NormAbove(b);
        return 1 + detBits + numBits + 8; // 8 bits of margin; the exactness proof decides in the end
    }

    /**
     * An upper bound on log2 of the Euclidean norm of v, from bit lengths alone: |v_i| &lt; 2^b_i, so
     * |v|^2 &lt; sum 2^(2 b_i) = 2^(2 max) sum 2^(2 (b_i - max)). Rounded up by a bit; 0 for the zero vector.
     */
    private static double log2NormAbove(BigInteger[] v) {
        int max = 0;
        for (BigInteger x : v) {
            max = Math.max(max, x.bitLength());
        }
        if (max == 0) {
            return 0;
        }
        double sum = 0;
        for (BigInteger x : v) {
            sum += Math.scalb(1.0, 2 * (x.bitLength() - max));
        }
        return max + Math.log(sum) / Math.log(2) / 2 + 1;
    }

    private static double log2(long p) {
        return Math.log(p) / Math.log(2);
    }

    /** sum_{k=from}^{to-1} digit_k[i] p^(k-from) for first &lt;= i &lt; end, by balanced splitting over pairs of digits. */
    private static BigInteger[] combineDigits(List<long[]> digits, int from, int to, int first, int end,
            BigInteger p) {
        long pl = p.longValueExact();
        int pairs = (to - from + 1) / 2;
        List<BigInteger> powers = new ArrayList<>();
        powers.add(p.multiply(p)); // the base of a pair of digits
        BigInteger[] result = new BigInteger[end - first];
        long[] leaf = new long[pairs];
        for (int i = first; i < end; i++) {
            for (int q = 0; q < pairs; q++) {
                int k = from + 2 * q;
                long lo = digits.get(k)[i];
                long hi = k + 1 < to ? digits.get(k + 1)[i] : 0;
                leaf[q] = lo + pl * hi; // < p^2 < 2^52
            }
            result[i - first] = pairs == 0 ? BigInteger.ZERO : combine(leaf, 0, pairs, powers);
        }
        return result;
    }

    private static BigInteger combine(long[] leaf, int lo, int hi, List<BigInteger> powers) {
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
        return reconstruct(xs, new BigInteger[0], BigInteger.ONE, modulus, modulus, reconstructionBound(modulus),
                i -> xs[i]);
    }

    /**
     * Entries num[0..known) over d are given; each later x_i is known modulo q (q = modulus, or a divisor of it with
     * {@code full} giving x_i modulo the modulus). An entry whose residue d x_i mod q exceeds the bound is reconstructed
     * at the full modulus and d grows by the new denominator; null when that fails or d exceeds the bound.
     */
    private static FractionVector reconstruct(BigInteger[] xs, BigInteger[] known, BigInteger d, BigInteger q,
            BigInteger modulus, BigInteger bound, IntFunction<BigInteger> full) {
        int n = xs.length;
        BigInteger halfQ = q.shiftRight(1);
        BigInteger[] num = Arrays.copyOf(known, n);
        Barrett modQ = Barrett.of(q);
        for (int i = known.length; i < n; i++) {
            BigInteger r = modQ.mod(xs[i].multiply(d));
            BigInteger y = r.compareTo(halfQ) > 0 ? r.subtract(q) : r;
            if (y.abs().compareTo(bound) <= 0) {
                num[i] = y;
                continue;
            }
            BigInteger residue = q.equals(modulus) ? r : full.apply(i).multiply(d).mod(modulus);
            BigInteger[] nd = reconstructOne(residue, modulus, bound);
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
        // r_k = t_k x mod m along Euclid's sequence from (m, x); stop at the first r_k <= bound
        BigInteger[] e = Lehmer.remaindersDownTo(m, x, BigInteger.ZERO, BigInteger.ONE, bound);
        BigInteger r1 = e[1];
        BigInteger t1 = e[3];
        if (t1.signum() == 0 || t1.abs().compareTo(bound) > 0) {
            return null;
        }
        if (t1.signum() < 0) {
            t1 = t1.negate();
            r1 = r1.negate();
        }
        if (!Lehmer.gcd(r1, t1).equals(BigInteger.ONE)) {
            return null;
        }
        return new BigInteger[] {r1, t1};
    }

    private static long modInverse(long a, long p) {
        return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(p)).longValue();
    }
}
