package org.localitycheck.arith;

import java.math.BigInteger;

/** A closed interval [lower, upper] with rational endpoints: a rigorous enclosure of a real number. */
public final class RationalInterval {
    private final Rational lower;
    private final Rational upper;

    private RationalInterval(Rational lower, Rational upper) {
        this.lower = lower;
        this.upper = upper;
    }

    public static RationalInterval of(Rational lower, Rational upper) {
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("RationalInterval.of: lower " + lower + " exceeds upper " + upper);
        }
        return new RationalInterval(lower, upper);
    }

    public static RationalInterval point(Rational x) {
        return new RationalInterval(x, x);
    }

    public Rational lower() {
        return lower;
    }

    public Rational upper() {
        return upper;
    }

    public Rational width() {
        return upper.subtract(lower);
    }

    public boolean isPoint() {
        return lower.equals(upper);
    }

    public boolean contains(Rational x) {
        return lower.compareTo(x) <= 0 && x.compareTo(upper) <= 0;
    }

    public boolean overlaps(RationalInterval o) {
        return lower.compareTo(o.upper) <= 0 && o.lower.compareTo(upper) <= 0;
    }

    public RationalInterval add(RationalInterval o) {
        return new RationalInterval(lower.add(o.lower), upper.add(o.upper));
    }

    public RationalInterval subtract(RationalInterval o) {
        return new RationalInterval(lower.subtract(o.upper), upper.subtract(o.lower));
    }

    public RationalInterval negate() {
        return new RationalInterval(upper.negate(), lower.negate());
    }

    public RationalInterval multiply(RationalInterval o) {
        Rational a = lower.multiply(o.lower);
        Rational b = lower.multiply(o.upper);
        Rational c = upper.multiply(o.lower);
        Rational d = upper.multiply(o.upper);
        return new RationalInterval(a.min(b).min(c).min(d), a.max(b).max(c).max(d));
    }

    public RationalInterval multiply(Rational k) {
        return k.signum() >= 0 ? new RationalInterval(lower.multiply(k), upper.multiply(k))
                : new RationalInterval(upper.multiply(k), lower.multiply(k));
    }

    /** 1/x for an interval of positive numbers. */
    public RationalInterval reciprocal() {
        if (lower.signum() <= 0) {
            throw new ArithmeticException("RationalInterval.reciprocal: " + this + " does not lie above 0");
        }
        return new RationalInterval(upper.reciprocal(), lower.reciprocal());
    }

    /** {|x| : x in this}. */
    public RationalInterval abs() {
        if (lower.signum() >= 0) {
            return this;
        }
        if (upper.signum() <= 0) {
            return negate();
        }
        return new RationalInterval(Rational.ZERO, lower.negate().max(upper));
    }

    /** {max(x, y)}: monotone in both. */
    public RationalInterval max(RationalInterval o) {
        return new RationalInterval(lower.max(o.lower), upper.max(o.upper));
    }

    /** {min(x, y)}: monotone in both. */
    public RationalInterval min(RationalInterval o) {
        return new RationalInterval(lower.min(o.lower), upper.min(o.upper));
    }

    /** Outward rounding to dyadic endpoints k / 2^bits: keeps sizes bounded, never loses the value. */
    public RationalInterval roundOutward(int bits) {
        BigInteger scale = BigInteger.ONE.shiftLeft(bits);
        Rational lo = Rational.of(lower.multiply(Rational.of(scale)).floor(), scale);
        Rational hi = Rational.of(upper.multiply(Rational.of(scale)).ceil(), scale);
        return new RationalInterval(lo, hi);
    }

    /** True when every point of this interval is below every point of o (x &lt; y decided). */
    public boolean certainlyBelow(RationalInterval o) {
        return upper.compareTo(o.lower) < 0;
    }

    /** True when every point is at most every point of o (x &lt;= y decided). */
    public boolean certainlyAtMost(RationalInterval o) {
        return upper.compareTo(o.lower) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RationalInterval && lower.equals(((RationalInterval) o).lower)
                && upper.equals(((RationalInterval) o).upper);
    }

    @Override
    public int hashCode() {
        return lower.hashCode() * 31 + upper.hashCode();
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
