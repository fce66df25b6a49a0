package org.localitycheck.check;

import java.math.BigInteger;

/**
 * The checker's own exact fraction over BigInteger: reduced, denominator positive. Deliberately separate from
 * the engine's arithmetic so that a bug there cannot certify itself here.
 */
record Frac(BigInteger n, BigInteger d) implements Comparable<Frac> {
    static final Frac ZERO = of(0);
    static final Frac ONE = of(1);

    Frac {
        if (d.signum() == 0) {
            throw new ArithmeticException("check: zero denominator");
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            n = n.divide(g);
            d = d.divide(g);
        }
        if (n.signum() == 0) {
            d = BigInteger.ONE;
        }
    }

    static Frac of(long v) {
        return new Frac(BigInteger.valueOf(v), BigInteger.ONE);
    }

    /** The three spellings of FORMATS.md. */
    static Frac parse(String s) {
        if (s.contains("/")) {
            String[] p = s.split("/");
            return new Frac(new BigInteger(p[0]), new BigInteger(p[1]));
        }
        if (s.contains(".")) {
            int dot = s.indexOf('.');
            return new Frac(new BigInteger(s.substring(0, dot) + s.substring(dot + 1)),
                    BigInteger.TEN.pow(s.length() - dot - 1));
        }
        return new Frac(new BigInteger(s), BigInteger.ONE);
    }

    Frac add(Frac o) {
        return new Frac(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
    }

    Frac sub(Frac o) {
        return add(o.neg());
    }

    Frac mul(Frac o) {
        return new Frac(n.multiply(o.n), d.multiply(o.d));
    }

    Frac div(Frac o) {
        return new Frac(n.multiply(o.d), d.multiply(o.n));
    }

    Frac neg() {
        return new Frac(n.negate(), d);
    }

    Frac abs() {
        return n.signum() < 0 ? neg() : this;
    }

    Frac max(Frac o) {
        return compareTo(o) >= 0 ? this : o;
    }

    Frac pow(int k) {
        return new Frac(n.pow(k), d.pow(k));
    }

    boolean isZero() {
        return n.signum() == 0;
    }

    int signum() {
        return n.signum();
    }

    @Override
    public int compareTo(Frac o) {
        return n.multiply(o.d).compareTo(o.n.multiply(d));
    }

    @Override
    public String toString() {
        return d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d;
    }
}
