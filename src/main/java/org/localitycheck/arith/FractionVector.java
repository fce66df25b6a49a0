package org.localitycheck.arith;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A vector of rationals held as integer numerators over one common positive denominator (not necessarily
 * the least one). Large exact vectors (joint-state functions, solutions of linear systems) use it so that
 * comparisons and differences run on integers.
 */
public final class FractionVector {
    private final BigInteger[] num;
    private final BigInteger den;

    private FractionVector(BigInteger[] num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    public static FractionVector of(BigInteger[] numerators, BigInteger denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("FractionVector.of: denominator must be positive, got " + denominator);
        }
        return new FractionVector(numerators.clone(), denominator);
    }

    /** Takes ownership of the array: for code in this package that built it. */
    static FractionVector wrap(BigInteger[] numerators, BigInteger denominator) {
        return new FractionVector(numerators, denominator);
    }

    public static FractionVector of(Rational[] values) {
        BigInteger d = BigInteger.ONE;
        for (Rational v : values) {
            BigInteger vd = v.denominator();
            if (!vd.equals(BigInteger.ONE)) {
                d = d.divide(d.gcd(vd)).multiply(vd);
            }
        }
        BigInteger[] n = new BigInteger[values.length];
        for (int i = 0; i < values.length; i++) {
            n[i] = values[i].numerator().multiply(d.divide(values[i].denominator()));
        }
        return new FractionVector(n, d);
    }

    public static FractionVector of(RationalVector v) {
        return of(v.toArray());
    }

    public int size() {
        return num.length;
    }

    public BigInteger numerator(int i) {
        return num[i];
    }

    public BigInteger denominator() {
        return den;
    }

    public Rational get(int i) {
        return Rational.of(num[i], den);
    }

    /** Work (entries times denominator bits) above which the entries are reduced in parallel. */
    static final long PARALLEL_WORK = 1L << 20;
    /**
     * Work of one gcd per entry (entries times denominator bits squared: Lehmer's gcd is quadratic) from which the
     * entries share one product instead, whose multiplications are subquadratic (Toom-Cook). Measured in fresh JVMs:
     * at generic n = 8 (256 entries of 17,000 and 34,000 bits, work 0.7e11 and 3.0e11) the gcds took 0.25-0.35 s and
     * the product 0.3-0.9 s (with BigInteger.mod, and as long with Barrett's reduction, on first use); at n = 9 (512
     * entries of 34,000 and 68,000 bits, 5.9e11 and 2.4e12) the gcds made `compute` 2-3 s slower (bench, phase
     * "output").
     */
    static final double BATCH_WORK = 4e11;

    /**
     * Every entry in lowest terms; long vectors in parallel. Below {@link #BATCH_WORK} one gcd per entry
     * ({@link Rational#of}, with {@link Lehmer#gcd} in place). From there the entries share the work: with D the
     * common denominator and P = prod of the nonzero |x_i| mod D, every prime p of D that divides some x_i divides P
     * (p | D), hence p | F = gcd(D, P). Let F* be the largest divisor of D made of the primes of F (F_0 = F,
     * F_{j+1} = gcd(D, F_j^2) until it stops changing). Then gcd(x_i, D) = gcd(x_i, F*): a prime of D dividing x_i
     * lies in F*, with its full power in D. F* is usually small, so each entry costs a division by it instead of a
     * gcd of numbers as long as D; when it is not, the result is the same, only slower.
     */
    public Rational[] toRationals() {
        boolean parallel = (long) num.length * den.bitLength() > PARALLEL_WORK;
        if ((double) num.length * den.bitLength() * den.bitLength() < BATCH_WORK) {
            IntStream entries = IntStream.range(0, num.length);
            return (parallel ? entries.parallel() : entries).mapToObj(this::get).toArray(Rational[]::new);
        }
        // the product mod D in any order is the same number: a parallel reduction
        Barrett modD = Barrett.of(den);
        BigInteger p = Arrays.stream(num).parallel().filter(x -> x.signum() != 0).map(x -> modD.mod(x.abs()))
                .reduce(BigInteger.ONE, (x, y) -> modD.mod(x.multiply(y)));
        BigInteger f = Lehmer.gcd(den, p);
        while (true) {
            BigInteger next = Lehmer.gcd(den, f.multiply(f));
            if (next.equals(f)) {
                break;
            }
            f = next;
        }
        BigInteger common = f;
        return IntStream.range(0, num.length).parallel().mapToObj(i -> {
            BigInteger g = Lehmer.gcd(common, num[i]);
            return Rational.ofReduced(num[i].divide(g), den.divide(g));
        }).toArray(Rational[]::new);
    }

    public RationalVector toVector() {
        return RationalVector.wrap(toRationals());
    }

    /** this - c for a rational constant c, over the least common denominator of the two. */
    public FractionVector subtractConstant(Rational c) {
        BigInteger cn = c.numerator();
        BigInteger cd = c.denominator();
        BigInteger g = den.gcd(cd);
        BigInteger m1 = cd.divide(g);
        BigInteger shift = cn.multiply(den.divide(g));
        BigInteger[] r = new BigInteger[num.length];
        for (int i = 0; i < num.length; i++) {
            r[i] = num[i].multiply(m1).subtract(shift);
        }
        return new FractionVector(r, den.multiply(m1));
    }

    public FractionVector subtract(FractionVector o) {
        return add(o, true);
    }

    public FractionVector add(FractionVector o) {
        return add(o, false);
    }

    private FractionVector add(FractionVector o, boolean negate) {
        if (o.num.length != num.length) {
            throw new IllegalArgumentException("FractionVector.add: sizes " + num.length + " and " + o.num.length
                    + " differ");
        }
        BigInteger g = den.gcd(o.den);
        BigInteger m1 = o.den.divide(g);
        BigInteger m2 = den.divide(g);
        BigInteger[] r = new BigInteger[num.length];
        for (int i = 0; i < num.length; i++) {
            BigInteger b = o.num[i].multiply(m2);
            r[i] = num[i].multiply(m1).add(negate ? b.negate() : b);
        }
        return new FractionVector(r, den.multiply(m1));
    }

    /** sum_i w_i x_i exactly. */
    public Rational dot(FractionVector o) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < num.length; i++) {
            s = s.add(num[i].multiply(o.num[i]));
        }
        return Rational.of(s, den.multiply(o.den));
    }

    /** max_i x_i - min_i x_i. */
    public Rational oscillation() {
        BigInteger max = num[0];
        BigInteger min = num[0];
        for (BigInteger x : num) {
            if (x.compareTo(max) > 0) {
                max = x;
            }
            if (x.compareTo(min) < 0) {
                min = x;
            }
        }
        return Rational.of(max.subtract(min), den);
    }
}
