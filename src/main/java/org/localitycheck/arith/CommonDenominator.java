package org.localitycheck.arith;

import java.math.BigInteger;

/** The least common denominator of the rationals added so far: in a long while it fits, exact beyond. */
public final class CommonDenominator {
    private long small = 1;
    private BigInteger big; // null while the value fits in small

    /** Takes r's denominator into the least common multiple. */
    public void add(Rational r) {
        if (big == null && r.isSmall()) {
            long d = r.longDenominator();
            if (d == 1 || small % d == 0) {
                return;
            }
            long q = small / Rational.gcd(small, d);
            long high = Math.multiplyHigh(q, d);
            long product = q * d;
            if (high == 0 && product > 0) {
                small = product;
                return;
            }
        }
        BigInteger current = value();
        BigInteger d = r.denominator();
        big = current.divide(current.gcd(d)).multiply(d);
    }

    public BigInteger value() {
        return big == null ? BigInteger.valueOf(small) : big;
    }

    /** The value as a long; ArithmeticException when it does not fit (it only grows, so it never fits again). */
    public long longValue() {
        if (big != null) {
            throw new ArithmeticException("CommonDenominator.longValue: " + big + " does not fit in a long");
        }
        return small;
    }

    public boolean fitsLong() {
        return big == null;
    }
}
