package org.localitycheck.arith;

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
