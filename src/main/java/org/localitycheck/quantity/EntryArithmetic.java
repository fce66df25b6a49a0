package org.localitycheck.quantity;

import org.localitycheck.arith.FloatInterval;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.FactoredInstance;

/**
 * The numbers a factored computation runs on: exact rationals for a tabular policy, outward-rounded double
 * intervals ({@link FloatInterval}) for a softmax policy, whose probabilities are irrational. The factored
 * quantities are written once, over this interface.
 */
public interface EntryArithmetic<T> {
    T of(Rational x);

    T add(T a, T b);

    T subtract(T a, T b);

    T multiply(T a, T b);

    T abs(T a);

    T max(T a, T b);

    /** TV of two probability rows ({@link TotalVariation}). */
    T totalVariation(T[] p, T[] q);

    T[] newArray(int length);

    /** The value as an interval with rational ends (a point for exact values). */
    RationalInterval enclosure(T a);

    /** pi_k(. | c) at the observed configuration c. */
    T[] policyRow(FactoredInstance f, int k, int c);

    /** The arithmetic of the instance's policy kind. */
    static EntryArithmetic<?> forPolicy(FactoredInstance f) {
        return FactoredInstance.SOFTMAX.equals(f.policyKind()) ? FLOAT : EXACT;
    }

    EntryArithmetic<Rational> EXACT = new EntryArithmetic<>() {
        @Override
        public Rational of(Rational x) {
            return x;
        }

        @Override
        public Rational add(Rational a, Rational b) {
            return a.add(b);
        }

        @Override
        public Rational subtract(Rational a, Rational b) {
            return a.subtract(b);
        }

        @Override
        public Rational multiply(Rational a, Rational b) {
            return a.multiply(b);
        }

        @Override
        public Rational abs(Rational a) {
            return a.abs();
        }

        @Override
        public Rational max(Rational a, Rational b) {
            return a.max(b);
        }

        @Override
        public Rational totalVariation(Rational[] p, Rational[] q) {
            return TotalVariation.of(p, q);
        }

        @Override
        public Rational[] newArray(int length) {
            return new Rational[length];
        }

        @Override
        public RationalInterval enclosure(Rational a) {
            return RationalInterval.point(a);
        }

        @Override
        public Rational[] policyRow(FactoredInstance f, int k, int c) {
            if (!FactoredInstance.TABULAR.equals(f.policyKind())) {
                throw new IllegalArgumentException("EntryArithmetic.EXACT: a softmax policy has irrational "
                        + "probabilities; use FLOAT");
            }
            return f.policyRow(k, c);
        }
    };

    /** Softmax rows enclosed at this many bits before rounding outward to doubles. */
    int SOFTMAX_BITS = 64;

    EntryArithmetic<FloatInterval> FLOAT = new EntryArithmetic<>() {
        @Override
        public FloatInterval of(Rational x) {
            return FloatInterval.of(x);
        }

        @Override
        public FloatInterval add(FloatInterval a, FloatInterval b) {
            return a.add(b);
        }

        @Override
        public FloatInterval subtract(FloatInterval a, FloatInterval b) {
            return a.subtract(b);
        }

        @Override
        public FloatInterval multiply(FloatInterval a, FloatInterval b) {
            return a.multiply(b);
        }

        @Override
        public FloatInterval abs(FloatInterval a) {
            return a.abs();
        }

        @Override
        public FloatInterval max(FloatInterval a, FloatInterval b) {
            return a.max(b);
        }

        @Override
        public FloatInterval totalVariation(FloatInterval[] p, FloatInterval[] q) {
            return TotalVariation.of(p, q);
        }

        @Override
        public FloatInterval[] newArray(int length) {
            return new FloatInterval[length];
        }

        @Override
        public RationalInterval enclosure(FloatInterval a) {
            return a.toRational();
        }

        @Override
        public FloatInterval[] policyRow(FactoredInstance f, int k, int c) {
            Rational[] row = f.policyRow(k, c);
            FloatInterval[] p = new FloatInterval[row.length];
            if (FactoredInstance.TABULAR.equals(f.policyKind())) {
                for (int b = 0; b < row.length; b++) {
                    p[b] = FloatInterval.of(row[b]);
                }
                return p;
            }
            RationalInterval[] e = Softmax.probabilities(row, f.tau(), SOFTMAX_BITS);
            for (int b = 0; b < row.length; b++) {
                p[b] = FloatInterval.of(e[b]);
            }
            return p;
        }
    };
}
