package org.localitycheck.quantity;

import java.math.BigInteger;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The policy-induced kernel P^pi(s' | s) = sum_a (prod_j P_j(s'_j | s, a)) prod_k pi_k(a_k | s_{O_k})
 * (Sec. 2) as integer rows over one denominator per row, and its action T^pi f(s) = sum_{s'} P^pi(s'|s) f(s').
 * The product over agents sits inside the sum over actions: a shared action correlates the next states,
 * so P^pi is not the product of its marginals.
 */
public final class JointKernel {
    private final JointSpace space;
    private final BigInteger[][] num;
    private final BigInteger[] den;

    private JointKernel(JointSpace space, BigInteger[][] num, BigInteger[] den) {
        this.space = space;
        this.num = num;
        this.den = den;
    }

    static JointKernel of(Instance inst) {
        IntegerView view = IntegerView.of(inst);
        if (view != null) {
            try {
                return ofLongs(inst, view);
            } catch (ArithmeticException overflow) {
                // a product or sum left the range of long: take the BigInteger path
            }
        }
        return ofBig(inst);
    }

    /**
     * A Markov kernel on a joint space from explicit rational rows (each a probability vector), for chains
     * that are not synchronous closed loops, such as the asynchronous chain of App. B.6.
     */
    public static JointKernel ofRows(JointSpace space, Rational[][] rows) {
        int size = space.size();
        if (rows.length != size) {
            throw new IllegalArgumentException("JointKernel.ofRows: " + rows.length + " rows for " + size + " states");
        }
        BigInteger[][] num = new BigInteger[size][];
        BigInteger[] den = new BigInteger[size];
        for (int s = 0; s < size; s++) {
            if (rows[s].length != size) {
                throw new IllegalArgumentException("JointKernel.ofRows: row " + s + " has " + rows[s].length
                        + " entries, expected " + size);
            }
            Rational sum = Rational.ZERO;
            for (Rational x : rows[s]) {
                if (x.signum() < 0) {
                    throw new IllegalArgumentException("JointKernel.ofRows: row " + s + " has the negative entry " + x);
                }
                sum = sum.add(x);
            }
            if (!sum.equals(Rational.ONE)) {
                throw new IllegalArgumentException("JointKernel.ofRows: row " + s + " sums to " + sum + ", expected 1");
            }
            FractionVector f = FractionVector.of(rows[s]);
            num[s] = new BigInteger[size];
            for (int t = 0; t < size; t++) {
                num[s][t] = f.numerator(t);
            }
            den[s] = f.denominator();
        }
        return new JointKernel(space, num, den);
    }

    /** w[a] = prod_k pn[k][s][a_k], the policy weights at s over the denominator prod_k pd[k]. */
    static void weights(IntegerView v, JointSpace ac, int s, long[] w) {
        int n = ac.coordinates();
        for (int a = 0; a < ac.size(); a++) {
            long x = 1;
            for (int k = 0; k < n && x != 0; k++) {
                x = Math.multiplyExact(x, v.pn[k][s][ac.digit(a, k)]);
            }
            w[a] = x;
        }
    }

    private static JointKernel ofLongs(Instance inst, IntegerView v) {
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = st.coordinates();
        int size = st.size();
        BigInteger den = BigInteger.ONE;
        for (int k = 0; k < n; k++) {
            den = den.multiply(BigInteger.valueOf(v.pd[k])).multiply(BigInteger.valueOf(v.kd[k]));
        }
        BigInteger[][] num = new BigInteger[size][];
        BigInteger[] dens = new BigInteger[size];
        long[] w = new long[ac.size()];
        long[] prefix = new long[n + 1];
        long[][] pn = new long[n][];
        for (int s = 0; s < size; s++) {
            weights(v, ac, s, w);
            long[] acc = new long[size];
            for (int a = 0; a < ac.size(); a++) {
                if (w[a] == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    pn[j] = v.kn[j][s][a];
                }
                prefix[0] = w[a];
                accumulate(pn, st, acc, prefix);
            }
            num[s] = new BigInteger[size];
            for (int t = 0; t < size; t++) {
                num[s][t] = BigInteger.valueOf(acc[t]);
            }
            dens[s] = reduceRow(num[s], den);
        }
        return new JointKernel(st, num, dens);
    }

    /** Divides the row and its denominator by their gcd; returns the new denominator. */
    private static BigInteger reduceRow(BigInteger[] row, BigInteger den) {
        BigInteger g = den;
        for (BigInteger x : row) {
            if (g.equals(BigInteger.ONE)) {
                return den;
            }
            g = g.gcd(x);
        }
        if (!g.equals(BigInteger.ONE)) {
            for (int t = 0; t < row.length; t++) {
                row[t] = row[t].divide(g);
            }
        }
        return den.divide(g);
    }

    private static JointKernel ofBig(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("JointKernel.of");
        FactoredKernel ker = inst.kernel();
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = st.coordinates();
        int size = st.size();
        BigInteger[][] num = new BigInteger[size][];
        BigInteger[] den = new BigInteger[size];
        for (int s = 0; s < size; s++) {
            ActionWeights w = ActionWeights.at(pol, ac, s);
            // per agent j: one denominator D_j(s) for P_j(. | s, a) over all a with w(a) > 0
            BigInteger[] dj = new BigInteger[n];
            BigInteger rowDen = w.den;
            for (int j = 0; j < n; j++) {
                BigInteger l = BigInteger.ONE;
                for (int a = 0; a < ac.size(); a++) {
                    if (w.num[a].signum() == 0) {
                        continue;
                    }
                    for (int x = 0; x < st.localSize(j); x++) {
                        BigInteger d = ker.get(j, s, a, x).denominator();
                        if (!d.equals(BigInteger.ONE)) {
                            l = l.divide(l.gcd(d)).multiply(d);
                        }
                    }
                }
                dj[j] = l;
                rowDen = rowDen.multiply(l);
            }
            num[s] = row(ker, st, ac, s, w, dj);
            rowDen = reduceRow(num[s], rowDen);
            den[s] = rowDen;
        }
        return new JointKernel(st, num, den);
    }

    /** sum_a w(a) prod_j (D_j P_j(t_j | s, a)) for every t: long arithmetic, BigInteger when it would overflow. */
    private static BigInteger[] row(FactoredKernel ker, JointSpace st, JointSpace ac, int s, ActionWeights w,
            BigInteger[] dj) {
        int n = st.coordinates();
        int size = st.size();
        try {
            long[] acc = new long[size];
            long[] prefix = new long[n + 1];
            for (int a = 0; a < ac.size(); a++) {
                if (w.num[a].signum() == 0) {
                    continue;
                }
                long[][] pn = new long[n][];
                for (int j = 0; j < n; j++) {
                    pn[j] = new long[st.localSize(j)];
                    for (int x = 0; x < pn[j].length; x++) {
                        Rational p = ker.get(j, s, a, x);
                        pn[j][x] = p.numerator().multiply(dj[j].divide(p.denominator())).longValueExact();
                    }
                }
                prefix[0] = w.num[a].longValueExact();
                accumulate(pn, st, acc, prefix);
            }
            BigInteger[] r = new BigInteger[size];
            for (int t = 0; t < size; t++) {
                r[t] = BigInteger.valueOf(acc[t]);
            }
            return r;
        } catch (ArithmeticException overflow) {
            return rowBig(ker, st, ac, s, w, dj);
        }
    }

    /** Enumerates t in order, keeping prefix products prefix[l] = w * prod_{j &lt; l} pn[j][t_j]. */
    private static void accumulate(long[][] pn, JointSpace st, long[] acc, long[] prefix) {
        int n = pn.length;
        int size = acc.length;
        int[] digit = new int[n];
        for (int l = 0; l < n; l++) {
            prefix[l + 1] = Math.multiplyExact(prefix[l], pn[l][0]);
        }
        for (int t = 0; t < size; t++) {
            if (prefix[n] != 0) {
                acc[t] = Math.addExact(acc[t], prefix[n]);
            }
            // increment the mixed-radix counter and refresh the changed prefix products
            int l = n - 1;
            while (l >= 0 && ++digit[l] == st.localSize(l)) {
                digit[l] = 0;
                l--;
            }
            if (l < 0) {
                break;
            }
            for (int q = l; q < n; q++) {
                prefix[q + 1] = prefix[q] == 0 ? 0 : Math.multiplyExact(prefix[q], pn[q][digit[q]]);
            }
        }
    }

    private static BigInteger[] rowBig(FactoredKernel ker, JointSpace st, JointSpace ac, int s, ActionWeights w,
            BigInteger[] dj) {
        int n = st.coordinates();
        int size = st.size();
        BigInteger[] acc = new BigInteger[size];
        java.util.Arrays.fill(acc, BigInteger.ZERO);
        for (int a = 0; a < ac.size(); a++) {
            if (w.num[a].signum() == 0) {
                continue;
            }
            for (int t = 0; t < size; t++) {
                BigInteger p = w.num[a];
                for (int j = 0; j < n && p.signum() != 0; j++) {
                    Rational q = ker.get(j, s, a, st.digit(t, j));
                    p = p.multiply(q.numerator().multiply(dj[j].divide(q.denominator())));
                }
                acc[t] = acc[t].add(p);
            }
        }
        return acc;
    }

    public JointSpace space() {
        return space;
    }

    public int size() {
        return den.length;
    }

    public Rational get(int s, int t) {
        return Rational.of(num[s][t], den[s]);
    }

    public boolean isPositive(int s, int t) {
        return num[s][t].signum() != 0;
    }

    BigInteger numerator(int s, int t) {
        return num[s][t];
    }

    BigInteger rowDenominator(int s) {
        return den[s];
    }

    /** T^pi f exactly. */
    public FractionVector apply(FractionVector f) {
        int size = den.length;
        BigInteger lcm = BigInteger.ONE;
        for (BigInteger d : den) {
            lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        }
        BigInteger[] r = new BigInteger[size];
        for (int s = 0; s < size; s++) {
            BigInteger acc = BigInteger.ZERO;
            BigInteger[] row = num[s];
            for (int t = 0; t < size; t++) {
                if (row[t].signum() != 0) {
                    acc = acc.add(row[t].multiply(f.numerator(t)));
                }
            }
            r[s] = acc.multiply(lcm.divide(den[s]));
        }
        return FractionVector.of(r, lcm.multiply(f.denominator()));
    }
}
