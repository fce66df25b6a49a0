package org.localitycheck.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import org.localitycheck.arith.Rational;

/** Number formatting for tables people read (the exact values stay in the files). */
final class Tables {
    private Tables() {
    }

    /** Six significant digits, rounded toward zero; exact rationals are in the counterexample files. */
    static String decimal(Rational r) {
        BigDecimal v = new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), new MathContext(6,
                java.math.RoundingMode.DOWN));
        return v.stripTrailingZeros().toPlainString();
    }
}
