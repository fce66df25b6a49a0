package org.localitycheck.arith;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An interval [lo, hi] with double endpoints, rounded outward after every operation: a rigorous enclosure
 * whose ends are dyadic rationals, for sums and products too many for exact rationals (softmax policies on
 * large networks).
 *
 * <p>Why it encloses: IEEE 754 rounds each of +, -, x to the nearest double, so the exact result lies within
 * one unit in the last place of the computed one, that is between its {@code Math.nextDown} and
 * {@code Math.nextUp}. Each operation takes the computed endpoint one step outward; the interval
 * operations are the usual ones (the product takes the least and greatest of the four endpoint products), so
 * by induction every result holds the exact value of the same expression on any points of the operands.
 * Endpoints stay finite for the magnitudes used here (probabilities, rewards within 10^300).
 */
public final class FloatInterval {
    public static final FloatInterval ZERO = new FloatInterval(0, 0);

    private final double lo;
    private final double hi;

    private FloatInterval(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /** The least interval with double ends holding the rational x. */
    public static FloatInterval of(Rational x) {
        return enclose(x, x);
    }

    /** An interval with double ends holding [lower, upper]. */
    public static FloatInterval of(RationalInterval x) {
        return enclose(x.lower(), x.upper());
    }

    private static FloatInterval enclose(Rational lower, Rational upper) {
        double l = lower.doubleValue();
        while (exact(l).compareTo(lower) > 0) {
            l = Math.nextDown(l);
        }
        double u = upper.doubleValue();
        while (exact(u).compareTo(upper) < 0) {
            u = Math.nextUp(u);
        }
        return new FloatInterval(l, u);
    }

    /** The double d as an exact rational. */
    public static Rational exact(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ArithmeticException("FloatInterval.exact: " + d + " is not a finite number");
        }
        BigDecimal b = new BigDecimal(d);
        return b.scale() <= 0 ? Rational.of(b.toBigIntegerExact())
                : Rational.of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()));
    }

    public double lower() {
        return lo;
    }

    public double upper() {
        return hi;
    }

    public boolean isPoint() {
        return lo == hi;
    }

    public FloatInterval add(FloatInterval o) {
        return new FloatInterval(sumDown(lo, o.lo), sumUp(hi, o.hi));
    }

    public FloatInterval subtract(FloatInterval o) {
        return new FloatInterval(sumDown(lo, -o.hi), sumUp(hi, -o.lo));
    }

    public FloatInterval multiply(FloatInterval o) {
        if (lo >= 0 && o.lo >= 0) {
            return new FloatInterval(productDown(lo, o.lo), productUp(hi, o.hi));
        }
        double l = Math.min(Math.min(productDown(lo, o.lo), productDown(lo, o.hi)),
                Math.min(productDown(hi, o.lo), productDown(hi, o.hi)));
        double u = Math.max(Math.max(productUp(lo, o.lo), productUp(lo, o.hi)),
                Math.max(productUp(hi, o.lo), productUp(hi, o.hi)));
        return new FloatInterval(l, u);
    }

    /** Half of the interval: x * 0.5 is exact unless it underflows, which the outward step covers. */
    public FloatInterval half() {
        return new FloatInterval(productDown(lo, 0.5), productUp(hi, 0.5));
    }

    public FloatInterval abs() {
        if (lo >= 0) {
            return this;
        }
        if (hi <= 0) {
            return new FloatInterval(-hi, -lo);
        }
        return new FloatInterval(0, Math.max(-lo, hi));
    }

    public FloatInterval max(FloatInterval o) {
        return new FloatInterval(Math.max(lo, o.lo), Math.max(hi, o.hi));
    }

    /** The same interval with rational ends. */
    public RationalInterval toRational() {
        return RationalInterval.of(exact(lo), exact(hi));
    }

    /** A double at most a + b: the computed sum when Knuth's two-sum shows it exact, else one step down. */
    private static double sumDown(double a, double b) {
        double s = a + b;
        return sumIsExact(a, b, s) ? s : Math.nextDown(s);
    }

    private static double sumUp(double a, double b) {
        double s = a + b;
        return sumIsExact(a, b, s) ? s : Math.nextUp(s);
    }

    /** Knuth's two-sum: the rounding error of s = fl(a + b) is exactly (a - (s - bv)) + (b - bv), bv = s - a. */
    private static boolean sumIsExact(double a, double b, double s) {
        double bv = s - a;
        double av = s - bv;
        return (a - av) + (b - bv) == 0;
    }

    /** A double at most a * b: exact for a factor 0 or 1, else one step below the computed product. */
    private static double productDown(double a, double b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        if (a == 1 || b == 1) {
            return a * b;
        }
        return Math.nextDown(a * b);
    }

    private static double productUp(double a, double b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        if (a == 1 || b == 1) {
            return a * b;
        }
        return Math.nextUp(a * b);
    }

    @Override
    public String toString() {
        return "[" + lo + ", " + hi + "]";
    }
}
