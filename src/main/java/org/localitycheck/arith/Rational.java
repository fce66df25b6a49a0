package org.localitycheck.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * An exact rational number in one canonical form: reduced, denominator positive.
 * Values whose numerator and denominator fit in a {@code long} are held as two longs (the fast path);
 * the others as two {@link BigInteger}s. Because the form is canonical, {@link #equals},
 * {@link #hashCode} and {@link #compareTo} agree.
 */
public final class Rational implements Comparable<Rational> {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);
    public static final Rational TWO = new Rational(2, 1);
    public static final Rational HALF = new Rational(1, 2);
    public static final Rational MINUS_ONE = new Rational(-1, 1);

    /**
     * Short texts already parsed in longs, one shared value each (values are immutable): an instance file repeats a few
     * numbers up to millions of times. Bounded: when full it is emptied and refilled.
     */
    private static final ConcurrentHashMap<String, Rational> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LENGTH = 24;
    private static final int PARSED_ENTRIES = 1 << 16;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern FRACTION = Pattern.compile("-?[0-9]+/[1-9][0-9]*");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");

    // small form: big == null; values never hold Long.MIN_VALUE so negation is always safe
    private final long num;
    private final long den;
    private final BigInteger bigNum;
    private final BigInteger bigDen;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
        this.bigNum = null;
        this.bigDen = null;
    }

    private Rational(BigInteger num, BigInteger den) {
        this.num = 0;
        this.den = 0;
        this.bigNum = num;
        this.bigDen = den;
    }

    public static Rational of(long value) {
        if (value == 0) {
            return ZERO;
        }
        if (value == 1) {
            return ONE;
        }
        if (value == Long.MIN_VALUE) {
            return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
        }
        return new Rational(value, 1);
    }

    public static Rational of(long num, long den) {
        if (den == 0) {
            throw new ArithmeticException("Rational.of: denominator is zero (numerator " + num + ")");
        }
        if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
        }
        return reduceSmall(num, den);
    }

    public static Rational of(BigInteger value) {
        return of(value, BigInteger.ONE);
    }

    public static Rational of(BigInteger num, BigInteger den) {
        int ds = den.signum();
        if (ds == 0) {
            throw new ArithmeticException("Rational.of: denominator is zero (numerator " + num + ")");
        }
        if (num.bitLength() < 63 && den.bitLength() < 63) {
            return reduceSmall(num.longValue(), den.longValue());
        }
        if (ds < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (num.signum() == 0) {
            return ZERO;
        }
        BigInteger g = Lehmer.gcd(num, den);
        if (!g.equals(BigInteger.ONE)) {
            num = num.divide(g);
            den = den.divide(g);
        }
        return canonical(num, den);
    }

    /** num/den known to be in lowest terms with den &gt; 0 (for callers in this package that proved it). */
    static Rational ofReduced(BigInteger num, BigInteger den) {
        return num.signum() == 0 ? ZERO : canonical(num, den);
    }

    /** num/den already reduced with den > 0: picks the small form when both fit. */
    private static Rational canonical(BigInteger num, BigInteger den) {
        if (num.bitLength() <= 63 && den.bitLength() <= 63 && !num.equals(LONG_MIN)) {
            return new Rational(num.longValue(), den.longValue());
        }
        return new Rational(num, den);
    }

    private static Rational reduceSmall(long num, long den) {
        if (num == 0) {
            return ZERO;
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        if (g != 1) {
            num /= g;
            den /= g;
        }
        return new Rational(num, den);
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Parses the three exact spellings of FORMATS.md: {@code -?[0-9]+}, {@code -?[0-9]+/[1-9][0-9]*},
     * {@code -?[0-9]+\.[0-9]+}. Anything else is an {@link IllegalArgumentException} naming the text.
     */
    public static Rational parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Rational.parse: null is not a number");
        }
        Rational seen = text.length() <= PARSED_LENGTH ? PARSED.get(text) : null;
        if (seen != null) {
            return seen;
        }
        Rational small = parseSmall(text);
        if (small != null) {
            if (text.length() <= PARSED_LENGTH) {
                if (PARSED.size() >= PARSED_ENTRIES) {
                    PARSED.clear(); // a stream of distinct numbers: start over rather than keep the first ones forever
                }
                PARSED.putIfAbsent(text, small);
            }
            return small;
        }
        if (INTEGER.matcher(text).matches()) {
            return of(new BigInteger(text));
        }
        if (FRACTION.matcher(text).matches()) {
            int slash = text.indexOf('/');
            return of(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
        }
        if (DECIMAL.matcher(text).matches()) {
            int dot = text.indexOf('.');
            String digits = text.substring(0, dot) + text.substring(dot + 1);
            return of(new BigInteger(digits), BigInteger.TEN.pow(text.length() - dot - 1));
        }
        throw new IllegalArgumentException("Rational.parse: \"" + text
                + "\" is not an integer, a fraction p/q or a finite decimal");
    }

    /**
     * The same three spellings when every digit run has at most 18 digits, read in longs; null for anything
     * else (longer runs, or text that is not a number: {@link #parse} then decides).
     */
    private static Rational parseSmall(String text) {
        int len = text.length();
        int i = len > 0 && text.charAt(0) == '-' ? 1 : 0;
        boolean negative = i == 1;
        int start = i;
        long a = 0;
        for (; i < len && isDigit(text.charAt(i)); i++) {
            a = a * 10 + (text.charAt(i) - '0');
        }
        int digits = i - start;
        if (digits == 0 || digits > 18) {
            return null;
        }
        if (i == len) {
            return of(negative ? -a : a);
        }
        char sep = text.charAt(i++);
        if (sep != '/' && sep != '.') {
            return null;
        }
        start = i;
        long b = 0;
        for (; i < len && isDigit(text.charAt(i)); i++) {
            b = b * 10 + (text.charAt(i) - '0');
        }
        digits = i - start;
        if (i != len || digits == 0 || digits > 18) {
            return null;
        }
        if (sep == '/') {
            return text.charAt(start) == '0' ? null : of(negative ? -a : a, b);
        }
        long scale = 1;
        for (int k = 0; k < digits; k++) {
            scale *= 10;
        }
        // a + b / scale with a, b < 10^18: a * scale + b may leave a long, so combine exactly
        return of(negative ? -a : a).add(of(negative ? -b : b, scale));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value to {@code digits} significant decimal digits, rounded toward zero, without trailing zeros. */
    public String significant(int digits) {
        BigDecimal v = new BigDecimal(numerator()).divide(new BigDecimal(denominator()),
                new MathContext(digits, RoundingMode.DOWN));
        return v.stripTrailingZeros().toPlainString();
    }

    public boolean isSmall() {
        return bigNum == null;
    }

    /** The numerator as a long; ArithmeticException when it does not fit. */
    public long longNumerator() {
        if (bigNum != null) {
            throw new ArithmeticException("Rational.longNumerator: " + this + " does not fit in a long");
        }
        return num;
    }

    /** The denominator as a long; ArithmeticException when it does not fit. */
    public long longDenominator() {
        if (bigNum != null) {
            throw new ArithmeticException("Rational.longDenominator: " + this + " does not fit in a long");
        }
        return den;
    }

    public BigInteger numerator() {
        return bigNum == null ? BigInteger.valueOf(num) : bigNum;
    }

    public BigInteger denominator() {
        return bigNum == null ? BigInteger.valueOf(den) : bigDen;
    }

    public int signum() {
        return bigNum == null ? Long.signum(num) : bigNum.signum();
    }

    public boolean isZero() {
        return bigNum == null && num == 0;
    }

    public boolean isInteger() {
        return bigNum == null ? den == 1 : bigDen.equals(BigInteger.ONE);
    }

    public Rational negate() {
        return bigNum == null ? new Rational(-num, den) : canonical(bigNum.negate(), bigDen);
    }

    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    public Rational reciprocal() {
        if (isZero()) {
            throw new ArithmeticException("Rational.reciprocal: division by zero");
        }
        if (bigNum == null) {
            return num < 0 ? new Rational(-den, -num) : new Rational(den, num);
        }
        return bigNum.signum() < 0 ? canonical(bigDen.negate(), bigNum.negate()) : canonical(bigDen, bigNum);
    }

    public Rational add(Rational o) {
        if (isZero()) {
            return o;
        }
        if (o.isZero()) {
            return this;
        }
        if (bigNum == null && o.bigNum == null) {
            try {
                if (den == o.den) {
                    return reduceSmallNonMin(Math.addExact(num, o.num), den);
                }
                long g = gcd(den, o.den);
                long d1 = den / g;
                long d2 = o.den / g;
                long n = Math.addExact(Math.multiplyExact(num, d2), Math.multiplyExact(o.num, d1));
                long d = Math.multiplyExact(den, d2);
                return reduceSmallNonMin(n, d);
            } catch (ArithmeticException overflow) {
                // fall through to the BigInteger path
            }
        }
        BigInteger d1 = denominator();
        BigInteger d2 = o.denominator();
        if (d1.equals(d2)) {
            return of(numerator().add(o.numerator()), d1);
        }
        return of(numerator().multiply(d2).add(o.numerator().multiply(d1)), d1.multiply(d2));
    }

    private static Rational reduceSmallNonMin(long n, long d) {
        if (n == Long.MIN_VALUE || d == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(n), BigInteger.valueOf(d));
        }
        return reduceSmall(n, d);
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        if (bigNum == null && o.bigNum == null) {
            try {
                long g1 = gcd(Math.abs(num), o.den);
                long g2 = gcd(Math.abs(o.num), den);
                long n = Math.multiplyExact(num / g1, o.num / g2);
                long d = Math.multiplyExact(den / g2, o.den / g1);
                if (n != Long.MIN_VALUE) {
                    return new Rational(n, d);
                }
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return of(numerator().multiply(o.numerator()), denominator().multiply(o.denominator()));
    }

    public Rational multiply(long k) {
        return multiply(of(k));
    }

    public Rational divide(Rational o) {
        if (o.isZero()) {
            throw new ArithmeticException("Rational.divide: division of " + this + " by zero");
        }
        return multiply(o.reciprocal());
    }

    public Rational pow(int exponent) {
        if (exponent == Integer.MIN_VALUE) {
            throw new ArithmeticException("Rational.pow: exponent " + exponent + " has no int negation");
        }
        if (exponent < 0) {
            return reciprocal().pow(-exponent);
        }
        return of(numerator().pow(exponent), denominator().pow(exponent));
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    @Override
    public int compareTo(Rational o) {
        if (bigNum == null && o.bigNum == null) {
            if (den == o.den) {
                return Long.compare(num, o.num);
            }
            long hi1 = Math.multiplyHigh(num, o.den);
            long lo1 = num * o.den;
            long hi2 = Math.multiplyHigh(o.num, den);
            long lo2 = o.num * den;
            if (hi1 != hi2) {
                return Long.compare(hi1, hi2);
            }
            return Long.compareUnsigned(lo1, lo2);
        }
        int s1 = signum();
        int s2 = o.signum();
        if (s1 != s2) {
            return Integer.compare(s1, s2);
        }
        return numerator().multiply(o.denominator()).compareTo(o.numerator().multiply(denominator()));
    }

    private static final MathContext DOUBLE_DIGITS = new MathContext(24);

    public double doubleValue() {
        if (bigNum == null) {
            return (double) num / (double) den;
        }
        // 24 digits, far past a double's 17: the final rounding to a double is off by at most one unit in the last place
        return new BigDecimal(bigNum).divide(new BigDecimal(bigDen), DOUBLE_DIGITS).doubleValue();
    }

    /** Largest integer not above this value. */
    public BigInteger floor() {
        BigInteger[] qr = numerator().divideAndRemainder(denominator());
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** Smallest integer not below this value. */
    public BigInteger ceil() {
        return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE);
    }

    /** Number of bits of numerator plus denominator: a size measure for shrinking and budgets. */
    public int bitSize() {
        return numerator().bitLength() + denominator().bitLength();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Rational)) {
            return false;
        }
        Rational o = (Rational) other;
        if (bigNum == null) {
            return o.bigNum == null && num == o.num && den == o.den;
        }
        return o.bigNum != null && bigNum.equals(o.bigNum) && bigDen.equals(o.bigDen);
    }

    @Override
    public int hashCode() {
        if (bigNum == null) {
            return Long.hashCode(num) * 31 + Long.hashCode(den);
        }
        return bigNum.hashCode() * 31 + bigDen.hashCode();
    }

    /** Output form of FORMATS.md: {@code "3"} for integers, {@code "p/q"} reduced otherwise. */
    @Override
    public String toString() {
        return toString(null);
    }

    /**
     * The texts of many rationals, equal to their {@link #toString()}s: converted in parallel, and a denominator
     * equal to the previous entry's is converted once (the entries of one solution vector often share it).
     */
    public static String[] toStrings(Rational[] values) {
        String[] denText = new String[values.length];
        IntStream.range(0, values.length).parallel().forEach(i -> {
            Rational x = values[i];
            boolean shared = i > 0 && x.bigDen != null && x.bigDen.equals(values[i - 1].bigDen);
            if (!shared) {
                denText[i] = x.bigDen == null ? null : DecimalText.of(x.bigDen);
            }
        });
        for (int i = 1; i < values.length; i++) {
            if (denText[i] == null && values[i].bigDen != null) {
                denText[i] = denText[i - 1];
            }
        }
        String[] out = new String[values.length];
        IntStream.range(0, values.length).parallel().forEach(i -> out[i] = values[i].toString(denText[i]));
        return out;
    }

    /** The text, with the denominator's text given when it is already known (big form only). */
    private String toString(String bigDenText) {
        if (bigNum == null) {
            return den == 1 ? Long.toString(num) : num + "/" + den;
        }
        String numText = DecimalText.of(bigNum);
        if (bigDen.equals(BigInteger.ONE)) {
            return numText;
        }
        return numText + "/" + (bigDenText != null ? bigDenText : DecimalText.of(bigDen));
    }
}
