package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The enclosures against big-math at 80 digits. big-math promises no rounding direction, so its value is
 * widened by 1e-75 before the test asks the enclosure to meet it; the enclosure itself must be narrower than
 * 2^-120 relative. Expected values: big-math's BigDecimalMath.exp and .log (an independent implementation).
 */
class ExpLogTest {
    static final MathContext MC = new MathContext(80);
    static final Rational SLACK = Rational.parse("0." + "0".repeat(74) + "1");

    static Rational of(BigDecimal d) {
        return Rational.parse(d.toPlainString());
    }

    static void assertMeets(RationalInterval e, BigDecimal approx, String what) {
        Rational a = of(approx);
        assertTrue(e.lower().compareTo(a.add(SLACK)) <= 0 && a.subtract(SLACK).compareTo(e.upper()) <= 0,
                what + ": " + e.lower().doubleValue() + " .. " + e.upper().doubleValue() + " vs " + approx);
        Rational floor = Rational.parse("0.000000000000000000000000000001"); // 1e-30, for values near 0
        Rational rel = e.width().divide(e.upper().abs().max(floor));
        assertTrue(rel.compareTo(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(120))) < 0,
                what + ": too wide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-1", "1/3", "-7/2", "10", "-25", "123/7", "0.001", "200", "1/1024", "-1/2", "1/2"})
    void expEnclosesTheValue(String x) {
        Rational r = Rational.parse(x);
        BigDecimal v = BigDecimalMath.exp(new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MC), MC);
        assertMeets(Exp.exp(r, 140), v, "exp(" + x + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "1/2", "3", "1/1000", "12345/7", "0.999", "1/3", "1048576", "1/1048577", "4/3"})
    void logEnclosesTheValue(String x) {
        Rational r = Rational.parse(x);
        BigDecimal v = BigDecimalMath.log(new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MC), MC);
        RationalInterval e = Log.log(r, 140);
        if (r.equals(Rational.ONE)) {
            assertTrue(e.isPoint() && e.lower().isZero());
            return;
        }
        assertMeets(e, v, "log(" + x + ")");
    }

    /**
     * The interval forms: each end of the result meets big-math's value at the matching end of the argument (exp and
     * log increase), within the same widths as above; a point goes to the point form; log refuses x <= 0.
     */
    @Test
    void intervalsAreEnclosedFromTheirEnds() {
        RationalInterval x = RationalInterval.of(Rational.of(-1, 3), Rational.of(5, 2));
        RationalInterval e = Exp.exp(x, 140);
        assertEnd(e.lower(), exp(x.lower()), "lower end at exp(-1/3)");
        assertEnd(e.upper(), exp(x.upper()), "upper end at exp(5/2)");
        assertTrue(e.lower().compareTo(of(exp(x.lower()))) <= 0 && e.upper().compareTo(of(exp(x.upper()))) >= 0,
                "encloses both ends' values");
        assertEquals(Exp.exp(Rational.of(5, 2), 100), Exp.exp(RationalInterval.point(Rational.of(5, 2)), 100));
        RationalInterval y = RationalInterval.of(Rational.of(1, 3), Rational.of(7, 2));
        RationalInterval l = Log.log(y, 140);
        assertEnd(l.lower(), log(y.lower()), "lower end at log(1/3)");
        assertEnd(l.upper(), log(y.upper()), "upper end at log(7/2)");
        assertEquals(Log.log(Rational.of(7, 2), 100), Log.log(RationalInterval.point(Rational.of(7, 2)), 100));
        assertThrows(ArithmeticException.class, () -> Log.log(Rational.ZERO, 100));
        assertThrows(ArithmeticException.class, () -> Log.log(Rational.of(-2), 100));
    }

    /** An end within 2^-120 relative (the enclosures' width) and big-math's slack of big-math's value. */
    private static void assertEnd(Rational end, BigDecimal value, String what) {
        Rational v = of(value);
        Rational tolerance = v.abs().divide(Rational.of(BigInteger.ONE.shiftLeft(120))).add(SLACK);
        assertTrue(end.subtract(v).abs().compareTo(tolerance) <= 0, what + ": " + end.doubleValue() + " vs " + value);
    }

    private static BigDecimal exp(Rational r) {
        return BigDecimalMath.exp(new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MC), MC);
    }

    private static BigDecimal log(Rational r) {
        return BigDecimalMath.log(new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MC), MC);
    }
}
