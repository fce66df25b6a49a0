package org.localitycheck.model;

import java.util.function.Supplier;
import org.localitycheck.arith.Rational;

/** The one check of a probability vector: right length, entries at least 0, sum exactly 1. */
final class ProbabilityRows {
    private ProbabilityRows() {
    }

    /** The place and the where-clause of a message are built only for a message. */
    static Rational[] check(Rational[] row, int length, Supplier<String> placeOf, Supplier<String> whereOf) {
        Rational sum = Rational.ZERO;
        boolean valid = row.length == length;
        for (int x = 0; x < row.length && valid; x++) {
            valid = row[x] != null && row[x].signum() >= 0;
            sum = valid ? sum.add(row[x]) : sum;
        }
        if (!valid || !sum.equals(Rational.ONE)) {
            refuse(row, length, placeOf.get(), whereOf.get());
        }
        return row.clone();
    }

    private static void refuse(Rational[] row, int length, String place, String where) {
        if (row.length != length) {
            throw new InstanceException(place, "has " + row.length + " entries, expected " + length + " " + where);
        }
        Rational sum = Rational.ZERO;
        for (int x = 0; x < row.length; x++) {
            if (row[x] == null) {
                throw new InstanceException(place + "[" + x + "]", "is missing " + where);
            }
            if (row[x].signum() < 0) {
                throw new InstanceException(place + "[" + x + "]", "is " + row[x]
                        + ", a negative probability " + where);
            }
            sum = sum.add(row[x]);
        }
        if (!sum.equals(Rational.ONE)) {
            throw new InstanceException(place, "sums to " + sum + ", expected 1 " + where);
        }
    }
}
