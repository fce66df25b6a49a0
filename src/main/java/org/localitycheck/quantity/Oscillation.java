package org.localitycheck.quantity;

import java.math.BigInteger;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.JointSpace;

/**
 * Coordinate oscillations delta_i(f) = sup over x, y with x_{-i} = y_{-i} of |f(x) - f(y)|, the total
 * oscillation osc(f) = max f - min f, and p(f) = max_i delta_i(f) (Sec. 2, App. E.3).
 */
public final class Oscillation {
    private Oscillation() {
    }

    /** The vector delta(f) for f on the joint space. */
    public static RationalVector delta(JointSpace space, FractionVector f) {
        Rational[] d = new Rational[space.coordinates()];
        for (int i = 0; i < space.coordinates(); i++) {
            d[i] = Rational.of(deltaNumerator(space, f, i), f.denominator());
        }
        return RationalVector.of(d);
    }

    public static RationalVector delta(JointSpace space, Rational[] f) {
        return delta(space, FractionVector.of(f));
    }

    public static Rational delta(JointSpace space, FractionVector f, int i) {
        return Rational.of(deltaNumerator(space, f, i), f.denominator());
    }

    private static BigInteger deltaNumerator(JointSpace space, FractionVector f, int i) {
        if (f.size() != space.size()) {
            throw new IllegalArgumentException("Oscillation.delta: function has " + f.size()
                    + " values, the joint space " + space.size());
        }
        BigInteger best = BigInteger.ZERO;
        int m = space.localSize(i);
        for (int s = 0; s < space.size(); s++) {
            if (space.digit(s, i) != 0) {
                continue;
            }
            // the fibre {s with digit i = v}: its oscillation is max - min
            BigInteger max = f.numerator(s);
            BigInteger min = max;
            for (int v = 1; v < m; v++) {
                BigInteger x = f.numerator(space.withDigit(s, i, v));
                if (x.compareTo(max) > 0) {
                    max = x;
                }
                if (x.compareTo(min) < 0) {
                    min = x;
                }
            }
            BigInteger o = max.subtract(min);
            if (o.compareTo(best) > 0) {
                best = o;
            }
        }
        return best;
    }

    /**
     * delta(f) for f known within a uniform radius of a center f~ (||f - f~||_inf &lt;= radius): each difference
     * |f(x) - f(y)| moves by at most 2 radius, so delta_i(f) lies within 2 radius of delta_i(f~) (and above 0).
     */
    public static RationalInterval[] delta(JointSpace space, FractionVector center, Rational radius) {
        RationalVector d = delta(space, center);
        Rational r = radius.multiply(Rational.TWO);
        RationalInterval[] out = new RationalInterval[d.size()];
        for (int i = 0; i < out.length; i++) {
            // a coordinate with one local state has no pairs: delta_i is exactly 0
            out[i] = space.localSize(i) == 1 ? RationalInterval.point(Rational.ZERO)
                    : RationalInterval.of(d.get(i).subtract(r).max(Rational.ZERO), d.get(i).add(r));
        }
        return out;
    }

    /** osc(f) = max_s f(s) - min_s f(s). */
    public static Rational osc(FractionVector f) {
        return f.oscillation();
    }

    /** p(f) = ||delta(f)||_inf. */
    public static Rational seminorm(JointSpace space, FractionVector f) {
        return delta(space, f).max();
    }

    /** min_c max_s |f(s) - c| = osc(f)/2 (App. D.1). */
    public static Rational distanceToConstants(FractionVector f) {
        return osc(f).multiply(Rational.HALF);
    }
}
