package org.localitycheck.cli;

/** Numeric options checked before any work: out of range is bad usage (exit 2), naming the option and its range. */
final class OptionRange {
    private OptionRange() {
    }

    static long require(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static double require(String option, double value, double minExclusive, double max) {
        if (!(value > minExclusive && value <= max)) {
            throw new IllegalArgumentException(option + " must be above " + minExclusive + " and at most " + max + ", got "
                    + value);
        }
        return value;
    }
}
