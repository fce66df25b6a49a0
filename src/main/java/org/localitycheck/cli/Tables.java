package org.localitycheck.cli;

import org.localitycheck.arith.Rational;

/** Number formatting for tables people read (the exact values stay in the files). */
final class Tables {
    private Tables() {
    }

    /** Six significant digits, rounded toward zero; exact rationals are in the counterexample files. */
    static String decimal(Rational r) {
        return r.significant(6);
    }
}
