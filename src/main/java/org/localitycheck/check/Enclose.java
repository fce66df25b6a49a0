package org.localitycheck.check;

import java.math.BigInteger;

/**
 * The checker's own interval arithmetic, exp and log, on {@link Frac} endpoints (the same mathematics as the
 * engine's, written again: Taylor with the Lagrange remainder after halving, then squaring; atanh series).
 */
record Enclose(Frac lo, Frac hi) {
    static Enclose point(Frac x) {
        return new Enclose(x, x);
    }

    Enclose add(Enclose o) {
        return new Enclose(lo.add(o.lo), hi.add(o.hi));
    }

    Enclose sub(Enclose o) {
        return new Enclose(lo.sub(o.hi), hi.sub(o.lo));
    }

    Enclose mul(Enclose o) {
        Frac a = lo.mul(o.lo);
        Frac b = lo.mul(o.hi);
        Frac c = hi.mul(o.lo);
        Frac d = hi.mul(o.hi);
        Frac min = a;
        Frac max = a;
        for (Frac x : new Frac[] {b, c, d}) {
            min = x.compareTo(min) < 0 ? x : min;
            max = x.compareTo(max) > 0 ? x : max;
        }
        return new Enclose(min, max);
    }

    Enclose mul(Frac k) {
        return mul(point(k));
    }

    Enclose inv() {
        if (lo.signum() <= 0) {
            throw new ArithmeticException("check: reciprocal of an interval reaching 0");
        }
        return new Enclose(Frac.ONE.div(hi), Frac.ONE.div(lo));
    }

    /** Outward to multiples of 2^-bits. */
    Enclose round(int bits) {
        BigInteger sc = BigInteger.ONE.shiftLeft(bits);
        BigInteger[] l = lo.n().multiply(sc).divideAndRemainder(lo.d());
        BigInteger fl = l[1].signum() < 0 ? l[0].subtract(BigInteger.ONE) : l[0];
        BigInteger[] h = hi.n().multiply(sc).divideAndRemainder(hi.d());
        BigInteger ce = h[1].signum() > 0 ? h[0].add(BigInteger.ONE) : h[0];
        return new Enclose(new Frac(fl, sc), new Frac(ce, sc));
    }

    /** Largest |x| whose exp the checker evaluates: beyond it the work (and the number) is too large to be safe. */
    static final Frac MAX_EXP_ARGUMENT = Frac.of(1 << 14);

    static Enclose exp(Frac x, int bits) {
        if (x.isZero()) {
            return point(Frac.ONE);
        }
        if (x.abs().compareTo(MAX_EXP_ARGUMENT) > 0) {
            throw new ArithmeticException("check: exp of an argument beyond 2^14 is not evaluated");
        }
        Frac half = Frac.parse("1/2");
        int k = 0;
        Frac y = x;
        while (y.abs().compareTo(half) > 0) {
            y = y.mul(half);
            k++;
        }
        int work = bits + 2 * k + 16;
        // each term enclosed and rounded outward to 2^-(work + 16): short dyadic ends instead of ever longer fractions
        int fine = work + 16;
        Frac eps = new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(work + 2));
        Enclose yE = point(y);
        Enclose term = point(Frac.ONE);
        Enclose sum = point(Frac.ONE);
        Frac rem;
        for (int i = 1; ; i++) {
            term = term.mul(yE).mul(new Frac(BigInteger.ONE, BigInteger.valueOf(i))).round(fine);
            rem = term.magnitude().mul(Frac.of(2));
            if (rem.compareTo(eps) <= 0) {
                break;
            }
            sum = sum.add(term);
        }
        Enclose e = new Enclose(sum.lo.sub(rem), sum.hi.add(rem)).round(work);
        for (int q = 0; q < k; q++) {
            e = new Enclose(e.lo.mul(e.lo), e.hi.mul(e.hi)).round(work);
        }
        return e;
    }

    static Enclose log(Frac x, int bits) {
        if (x.compareTo(Frac.ONE) == 0) {
            return point(Frac.ZERO);
        }
        int k = 0;
        Frac y = x;
        Frac two = Frac.of(2);
        Frac half = Frac.parse("1/2");
        while (y.compareTo(two) >= 0) {
            y = y.mul(half);
            k++;
        }
        while (y.compareTo(half) < 0) {
            y = y.mul(two);
            k--;
        }
        int work = bits + 48;
        Enclose ly = atanh2(y.sub(Frac.ONE).div(y.add(Frac.ONE)), work);
        return ly.add(atanh2(Frac.parse("1/3"), work).mul(Frac.of(k))).round(work);
    }

    /**
     * 2 atanh(z) for |z| &lt;= 1/3: tail after the terms summed is at most (9/4)|z|^(2j+1)/(2j+1). The powers and terms
     * are enclosed and rounded outward to 2^-(bits + 16), so a z with a long denominator stays cheap.
     */
    private static Enclose atanh2(Frac z, int bits) {
        int fine = bits + 16;
        Frac eps = new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(bits + 2));
        Enclose z2 = point(z).mul(point(z)).round(fine);
        Enclose pow = point(z).round(fine);
        Enclose sum = point(Frac.ZERO);
        for (int j = 0; ; j++) {
            Frac odd = new Frac(BigInteger.ONE, BigInteger.valueOf(2L * j + 1));
            Frac tail = pow.magnitude().mul(Frac.parse("9/4")).mul(odd);
            if (tail.compareTo(eps) <= 0) {
                Enclose s2 = sum.mul(Frac.of(2));
                return new Enclose(s2.lo.sub(tail), s2.hi.add(tail)).round(bits);
            }
            sum = sum.add(pow.mul(odd).round(fine));
            pow = pow.mul(z2).round(fine);
        }
    }

    /** max(|lo|, |hi|). */
    Frac magnitude() {
        return lo.abs().max(hi.abs());
    }
}
