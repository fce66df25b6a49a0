package org.localitycheck.arith;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The primes below 2^26 in descending order, and Chinese remaindering over the first k of them. Residues are
 * below 2^26, so a product of two fits in 52 bits and 2^11 such products add up without overflowing a long.
 */
public final class WordPrimes {
    /** Products of two residues summed this many times stay below 2^63. */
    public static final int SAFE_SUMS = 1 << 11;
    private static final int BITS = 26;
    private static long[] primes = new long[0];

    private final long[] p;
    private final long[] inverse; // inverse[i] = (p_0 ... p_{i-1})^{-1} mod p_i (Garner's constants)
    private final BigInteger[] prefix; // prefix[i] = p_0 ... p_{i-1}

    private WordPrimes(int count) {
        p = first(count);
        inverse = new long[count];
        prefix = new BigInteger[count + 1];
        prefix[0] = BigInteger.ONE;
        for (int i = 0; i < count; i++) {
            long m = 1;
            for (int j = 0; j < i; j++) {
                m = m * (p[j] % p[i]) % p[i];
            }
            inverse[i] = i == 0 ? 1 : BigInteger.valueOf(m).modInverse(BigInteger.valueOf(p[i])).longValue();
            prefix[i + 1] = prefix[i].multiply(BigInteger.valueOf(p[i]));
        }
    }

    /** The first {@code count} primes below 2^26, largest first. */
    public static synchronized long[] first(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("WordPrimes.first: count must be at least 0, got " + count);
        }
        if (primes.length < count) {
            primes = extend(primes, Math.max(count, 2 * primes.length));
        }
        return Arrays.copyOf(primes, count);
    }

    /** {@code known} (the first primes below 2^26, largest first) continued to {@code count} primes. */
    static long[] extend(long[] known, int count) {
        long[] grown = Arrays.copyOf(known, count);
        long c = known.length == 0 ? (1L << BITS) - 1 : known[known.length - 1] - 2;
        for (int i = known.length; i < count; c -= 2) {
            if (isPrime(c)) {
                grown[i++] = c;
            }
        }
        return grown;
    }

    /** Trial division by 2 and the odd numbers up to sqrt(c) (at most 8192 here): exact, unlike a probable-prime test. */
    static boolean isPrime(long c) {
        if (c < 2 || c % 2 == 0) {
            return c == 2;
        }
        for (long d = 3; d * d <= c; d += 2) {
            if (c % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Chinese remaindering over the fewest leading primes whose product exceeds {@code bound} (at least 0). */
    public static WordPrimes above(BigInteger bound) {
        if (bound.signum() < 0) {
            throw new IllegalArgumentException("WordPrimes.above: bound must be at least 0, got " + bound);
        }
        // each prime exceeds 2^(BITS-1), so bitLength/(BITS-1) + 1 of them always suffice; trim from there
        int k = bound.bitLength() / (BITS - 1) + 1;
        WordPrimes w = new WordPrimes(k);
        int need = 1;
        while (w.prefix[need].compareTo(bound) <= 0) {
            need++;
        }
        return need == k ? w : new WordPrimes(need);
    }

    public int count() {
        return p.length;
    }

    public long prime(int i) {
        return p[i];
    }

    /** x mod p_i in [0, p_i). */
    public long residue(BigInteger x, int i) {
        if (x.bitLength() < 64) { // fits a long
            return Math.floorMod(x.longValue(), p[i]);
        }
        return x.mod(BigInteger.valueOf(p[i])).longValue();
    }

    /** The unique x in [0, p_0 ... p_{k-1}) with x = r[i] mod p_i (Garner's mixed-radix form, then Horner). */
    public BigInteger combine(long[] r) {
        int k = p.length;
        long[] v = new long[k];
        for (int i = 0; i < k; i++) {
            long pi = p[i];
            // x_i = v_0 + v_1 p_0 + ... + v_{i-1} p_0..p_{i-2} mod p_i, by Horner from the top digit
            long x = 0;
            for (int j = i - 1; j >= 0; j--) {
                x = (x * (p[j] % pi) + v[j]) % pi;
            }
            v[i] = Math.floorMod(r[i] - x, pi) * inverse[i] % pi;
        }
        BigInteger acc = BigInteger.valueOf(v[k - 1]);
        for (int i = k - 2; i >= 0; i--) {
            acc = acc.multiply(BigInteger.valueOf(p[i])).add(BigInteger.valueOf(v[i]));
        }
        return acc;
    }
}
