package org.localitycheck.quantity;

import java.math.BigInteger;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.JointSpace;

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

    /** The closed loop's rows P^pi(. | s), one integer row over its denominator per joint state, each reduced. */
    static JointKernel of(JointSpace st, ClosedLoopRows.IntegerRow[] rows) {
        BigInteger[][] num = new BigInteger[rows.length][];
        BigInteger[] den = new BigInteger[rows.length];
        ClosedLoopRows.forEachState(rows.length, s -> {
            num[s] = rows[s].num();
            den[s] = reduceRow(num[s], rows[s].den());
        });
        return new JointKernel(st, num, den);
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
