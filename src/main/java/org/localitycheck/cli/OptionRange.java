package org.localitycheck.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.localitycheck.arith.Rational;

/** Numeric options checked before any work: out of range is bad usage (exit 2), naming the option and its range. */
final class OptionRange {
    private OptionRange() {
    }

    static long require(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static double require(String option, double value, double minExclusive, double max) {
        if (!(value > minExclusive && value <= max)) {
            throw new UsageException(option + " must be above " + minExclusive + " and at most " + max + ", got "
                    + value);
        }
        return value;
    }

    /** A positive exact rational written as FORMATS.md's numbers or as a decimal with an exponent (1e-6). */
    static Rational positiveRational(String option, String text) {
        Rational r = nonNegativeRational(option, text);
        if (r.signum() <= 0) {
            throw new UsageException(option + " must be positive, got " + text);
        }
        return r;
    }

    /** A rational at least 0, written as for {@link #positiveRational}; exponents beyond +-1000 are refused. */
    static Rational nonNegativeRational(String option, String text) {
        Rational r;
        try {
            BigDecimal d = new BigDecimal(text.trim());
            if (Math.abs((long) d.scale()) > 1000) {
                throw new UsageException(option + " has an exponent beyond +-1000: \"" + text + "\"");
            }
            r = d.scale() <= 0 ? Rational.of(d.toBigIntegerExact())
                    : Rational.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        } catch (NumberFormatException | ArithmeticException notDecimal) {
            try {
                r = Rational.parse(text.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + " must be a positive number such as 1e-6 or 1/1000, got \""
                        + text + "\"");
            }
        }
        if (r.signum() < 0) {
            throw new UsageException(option + " must be at least 0, got " + text);
        }
        return r;
    }
}
