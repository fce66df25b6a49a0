package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.localitycheck.arith.CommonDenominator;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.WordPrimes;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The closed loop at one joint state s in integers: the row P^pi(. | s) = sum_a pi(a | s) prod_j P_j(. | s, a) over
 * one denominator, and the marginals P^pi_j(. | s) (the same sum with agent j's factor alone).
 *
 * <p>Scale agent k's policy row at s by the least common denominator L_k of its entries, and agent j's kernel rows
 * P_j(. | s, a), over the actions a with pi(a | s) &gt; 0, by their least common denominator M_j. With
 * D = prod_k L_k prod_j M_j every entry D P^pi(t | s) is an integer in [0, D] (the row sums to D). It is found
 * modulo word primes whose product exceeds D and then by Chinese remaindering, so no intermediate number is
 * larger than a word. Modulo each prime the row is a matrix product: with the agents split into a first part
 * (digits t1 of t) and a second part (digits t2), D P^pi(t1 t2 | s) = sum_a U[a][t1] V[a][t2], where U carries the
 * policy weight and the first part's kernel factors and V the second part's.
 */
final class ClosedLoopRows {
    /** Integer numerators over one denominator. */
    record IntegerRow(BigInteger[] num, BigInteger den) {
    }

    private final JointSpace st;
    private final JointSpace ac;
    private final BigInteger[][] polNum;
    private final BigInteger polDen; // prod_k L_k
    private final boolean[] active;
    private final Scaled[] scaled;
    private final BigInteger[] kerDen; // M_j

    private ClosedLoopRows(JointSpace st, JointSpace ac, BigInteger[][] polNum, BigInteger polDen, boolean[] active,
            Scaled[] scaled, BigInteger[] kerDen) {
        this.st = st;
        this.ac = ac;
        this.polNum = polNum;
        this.polDen = polDen;
        this.active = active;
        this.scaled = scaled;
        this.kerDen = kerDen;
    }

    /** From this many joint states on, the rows of different states are built on all cores. */
    static final int PARALLEL_FROM = 64;

    /** Runs the action for every joint state, on all cores from {@link #PARALLEL_FROM} states on (each state's own). */
    static void forEachState(int states, IntConsumer action) {
        IntStream all = IntStream.range(0, states);
        (states >= PARALLEL_FROM ? all.parallel() : all).forEach(action);
    }

    /** The policy and the kernel at joint state s, scaled to integers. */
    static ClosedLoopRows at(Instance inst, int s) {
        TabularPolicy pol = inst.tabularPolicy("ClosedLoopRows.at");
        FactoredKernel ker = inst.kernel();
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = st.coordinates();
        BigInteger polDen = BigInteger.ONE;
        BigInteger[][] polNum = new BigInteger[n][];
        for (int k = 0; k < n; k++) {
            FractionVector row = FractionVector.of(pol.row(k, s));
            polNum[k] = numerators(row);
            polDen = polDen.multiply(row.denominator());
        }
        boolean[] active = new boolean[ac.size()];
        for (int a = 0; a < ac.size(); a++) {
            active[a] = true;
            for (int k = 0; k < n && active[a]; k++) {
                active[a] = polNum[k][ac.digit(a, k)].signum() != 0;
            }
        }
        // scaled[j][a][x] = M_j P_j(x | s, a) for the active actions
        Scaled[] scaled = new Scaled[n];
        BigInteger[] kerDen = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            CommonDenominator m = new CommonDenominator();
            for (int a = 0; a < ac.size(); a++) {
                for (int x = 0; active[a] && x < st.localSize(j); x++) {
                    m.add(ker.get(j, s, a, x));
                }
            }
            scaled[j] = Scaled.of(ker, j, s, active, st.localSize(j), m);
            kerDen[j] = m.value();
        }
        return new ClosedLoopRows(st, ac, polNum, polDen, active, scaled, kerDen);
    }

    /** P^pi(. | s) over D = prod_k L_k prod_j M_j. */
    IntegerRow joint() {
        int[] all = new int[st.coordinates()];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        return sum(all);
    }

    /** pi(a | s) = prod_k pi_k(a_k | s) for every joint action a, over the denominator prod_k L_k. */
    IntegerRow policyWeights() {
        BigInteger[] w = new BigInteger[ac.size()];
        for (int a = 0; a < ac.size(); a++) {
            BigInteger x = active[a] ? BigInteger.ONE : BigInteger.ZERO;
            for (int k = 0; k < polNum.length && x.signum() != 0; k++) {
                x = x.multiply(polNum[k][ac.digit(a, k)]);
            }
            w[a] = x;
        }
        return new IntegerRow(w, polDen);
    }

    /** The marginal P^pi_j(. | s) = sum_a pi(a | s) P_j(. | s, a), over prod_k L_k M_j (not reduced). */
    IntegerRow marginalRow(int j) {
        return sum(new int[] {j});
    }

    /** The marginal P^pi_j(. | s) = sum_a pi(a | s) P_j(. | s, a). */
    static Rational[] marginal(IntegerRow r) {
        Rational[] out = new Rational[r.num.length];
        for (int x = 0; x < out.length; x++) {
            out[x] = Rational.of(r.num[x], r.den);
        }
        return out;
    }

    /**
     * sum_a w(a) (x)_{j in agents} M_j P_j(. | s, a) over prod_k L_k prod_{j in agents} M_j, indexed by the digits of
     * the given agents (ascending, the first most significant). Every entry lies in [0, that denominator].
     */
    private IntegerRow sum(int[] agents) {
        BigInteger d = polDen;
        int size = 1;
        for (int j : agents) {
            d = d.multiply(kerDen[j]);
            size *= st.localSize(j);
        }
        BigInteger[] num = new BigInteger[size];
        if (d.bitLength() < 63) {
            // every product and partial sum is at most d < 2^63: exact in longs, no modulus
            long[] row = sumModulo(agents, size, 0, 0, null);
            for (int t = 0; t < size; t++) {
                num[t] = BigInteger.valueOf(row[t]);
            }
            return new IntegerRow(num, d);
        }
        WordPrimes primes = WordPrimes.above(d);
        long[][] residues = new long[size][primes.count()];
        for (int i = 0; i < primes.count(); i++) {
            long[] row = sumModulo(agents, size, primes.prime(i), i, primes);
            for (int t = 0; t < size; t++) {
                residues[t][i] = row[t];
            }
        }
        for (int t = 0; t < size; t++) {
            num[t] = primes.combine(residues[t]);
        }
        return new IntegerRow(num, d);
    }

    /** Agent j's kernel rows at s scaled by M_j: in longs when M_j fits (each entry is at most M_j), else exact. */
    private static final class Scaled {
        final long[][] small; // null when M_j does not fit a long
        final BigInteger[][] big;

        private Scaled(long[][] small, BigInteger[][] big) {
            this.small = small;
            this.big = big;
        }

        static Scaled of(FactoredKernel ker, int j, int s, boolean[] active, int m, CommonDenominator scale) {
            int actions = active.length;
            if (scale.fitsLong()) {
                // every denominator divides l, so each entry (at most 1) is a small rational
                long l = scale.longValue();
                long[][] small = new long[actions][];
                for (int a = 0; a < actions; a++) {
                    if (active[a]) {
                        small[a] = new long[m];
                        for (int x = 0; x < m; x++) {
                            Rational p = ker.get(j, s, a, x);
                            small[a][x] = p.longNumerator() * (l / p.longDenominator());
                        }
                    }
                }
                return new Scaled(small, null);
            }
            BigInteger l = scale.value();
            BigInteger[][] big = new BigInteger[actions][];
            for (int a = 0; a < actions; a++) {
                if (active[a]) {
                    big[a] = new BigInteger[m];
                    for (int x = 0; x < m; x++) {
                        Rational p = ker.get(j, s, a, x);
                        big[a][x] = p.numerator().multiply(l.divide(p.denominator()));
                    }
                }
            }
            return new Scaled(null, big);
        }

        /** The row of action a modulo p into out (p = 0: the exact values). */
        void residues(int a, long p, WordPrimes primes, int i, long[] out) {
            if (small != null) {
                long[] row = small[a];
                for (int x = 0; x < out.length; x++) {
                    out[x] = p == 0 || row[x] < p ? row[x] : row[x] % p;
                }
            } else {
                for (int x = 0; x < out.length; x++) {
                    out[x] = primes.residue(big[a][x], i);
                }
            }
        }
    }

    private static BigInteger[] numerators(FractionVector row) {
        BigInteger[] r = new BigInteger[row.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = row.numerator(i);
        }
        return r;
    }

    /** {@link #sum} modulo p = the i-th prime (p = 0: exactly), as sum_a U[a] (x) V[a] over two parts of the agents. */
    private long[] sumModulo(int[] agents, int size, long p, int i, WordPrimes primes) {
        int split = split(agents, size);
        int s1 = 1;
        for (int q = 0; q < split; q++) {
            s1 *= st.localSize(agents[q]);
        }
        int s2 = size / s1;
        long[][] pr = policyResidues(p, i, primes);
        long[] acc = new long[size];
        long[] u = new long[s1];
        long[] v = new long[s2];
        long[][] kr = new long[agents.length][];
        for (int q = 0; q < agents.length; q++) {
            kr[q] = new long[st.localSize(agents[q])];
        }
        int sums = 0;
        for (int a = 0; a < ac.size(); a++) {
            if (!active[a]) {
                continue;
            }
            for (int q = 0; q < agents.length; q++) {
                scaled[agents[q]].residues(a, p, primes, i, kr[q]);
            }
            kronecker(kr, 0, split, weight(pr, a, p), p, u);
            kronecker(kr, split, agents.length, 1, p, v);
            accumulate(acc, u, v);
            if (p != 0 && ++sums == WordPrimes.SAFE_SUMS) {
                reduce(acc, p);
                sums = 0;
            }
        }
        if (p != 0) {
            reduce(acc, p);
        }
        return acc;
    }

    /** The scaled policy numerators modulo p = the i-th prime (p = 0: exactly). */
    private long[][] policyResidues(long p, int i, WordPrimes primes) {
        long[][] pr = new long[polNum.length][];
        for (int k = 0; k < pr.length; k++) {
            pr[k] = new long[polNum[k].length];
            for (int b = 0; b < pr[k].length; b++) {
                pr[k][b] = p == 0 ? polNum[k][b].longValueExact() : primes.residue(polNum[k][b], i);
            }
        }
        return pr;
    }

    /** The scaled weight prod_k L_k pi_k(a_k | s) of joint action a (mod p unless p = 0). */
    private long weight(long[][] pr, int a, long p) {
        long w = 1;
        for (int k = 0; k < pr.length; k++) {
            w = times(w, pr[k][ac.digit(a, k)], p);
        }
        return w;
    }

    /** acc[t1 s2 + t2] += u[t1] v[t2]: the outer product of the two parts, added. */
    private static void accumulate(long[] acc, long[] u, long[] v) {
        int s2 = v.length;
        for (int t1 = 0; t1 < u.length; t1++) {
            long x = u[t1];
            if (x == 0) {
                continue;
            }
            int base = t1 * s2;
            for (int t2 = 0; t2 < s2; t2++) {
                acc[base + t2] += x * v[t2];
            }
        }
    }

    private static long times(long x, long y, long p) {
        return p == 0 ? x * y : x * y % p;
    }

    private static void reduce(long[] acc, long p) {
        for (int t = 0; t < acc.length; t++) {
            acc[t] %= p;
        }
    }

    /** out[t] = c prod_{from <= j < to} kr[j][t_j] (mod p unless p = 0) over the digits of agents from..to-1. */
    private static void kronecker(long[][] kr, int from, int to, long c, long p, long[] out) {
        out[0] = c;
        int len = 1;
        for (int j = from; j < to; j++) {
            long[] f = kr[j];
            int m = f.length;
            // expand in place from the back: out[q * m + x] = out[q] * f[x]
            for (int q = len - 1; q >= 0; q--) {
                long y = out[q];
                for (int x = m - 1; x >= 0; x--) {
                    out[q * m + x] = times(y, f[x], p);
                }
            }
            len *= m;
        }
    }

    /** The number of leading agents whose joint size is closest to the square root of {@code size}. */
    private int split(int[] agents, int size) {
        int best = 0;
        long bestGap = Long.MAX_VALUE;
        long prod = 1;
        for (int q = 0; q <= agents.length; q++) {
            long gap = Math.abs(prod - size / prod);
            if (gap < bestGap) {
                best = q;
                bestGap = gap;
            }
            if (q < agents.length) {
                prod *= st.localSize(agents[q]);
            }
        }
        return best;
    }
}
