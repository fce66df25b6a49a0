package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Interval arithmetic against its definition: for exact rational intervals, every operation's ends are the least
 * and greatest values of the operation over the operands' ends (so both inclusion and tightness are checked); the
 * double intervals of FloatInterval hold the operation's value at random points of wide operands; matrix
 * enclosures hold every matrix between their ends. The expected values are computed here from the definitions.
 */
class IntervalOracleTest {
    private static Rational draw(SplittableRandom rnd) {
        return Rational.of(rnd.nextInt(-30, 31), rnd.nextInt(1, 9));
    }

    private static RationalInterval interval(SplittableRandom rnd) {
        Rational a = draw(rnd);
        Rational b = rnd.nextInt(5) == 0 ? a : draw(rnd);
        return RationalInterval.of(a.min(b), a.max(b));
    }

    /** A point of x: an end, or a rational between them. */
    private static Rational inside(SplittableRandom rnd, RationalInterval x) {
        Rational t = Rational.of(rnd.nextInt(0, 9), 8);
        return x.lower().add(x.width().multiply(t));
    }

    private static void assertHull(RationalInterval got, Rational... values) {
        Rational lo = values[0];
        Rational hi = values[0];
        for (Rational v : values) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        assertEquals(RationalInterval.of(lo, hi), got);
    }

    private static void corners(RationalInterval x, RationalInterval y, BinaryOperator<Rational> op,
            RationalInterval got) {
        assertHull(got, op.apply(x.lower(), y.lower()), op.apply(x.lower(), y.upper()), op.apply(x.upper(), y.lower()),
                op.apply(x.upper(), y.upper()));
    }

    @Test
    void rationalIntervalOperationsAreTheHullOfTheirEnds() {
        SplittableRandom rnd = new SplittableRandom(61);
        for (int t = 0; t < 3000; t++) {
            RationalInterval x = interval(rnd);
            RationalInterval y = interval(rnd);
            corners(x, y, Rational::add, x.add(y));
            corners(x, y, Rational::subtract, x.subtract(y));
            corners(x, y, Rational::multiply, x.multiply(y));
            corners(x, y, Rational::max, x.max(y));
            corners(x, y, Rational::min, x.min(y));
            assertHull(x.negate(), x.lower().negate(), x.upper().negate());
            Rational k = draw(rnd);
            assertHull(x.multiply(k), x.lower().multiply(k), x.upper().multiply(k));
            Rational absLo = x.contains(Rational.ZERO) ? Rational.ZERO : x.lower().abs().min(x.upper().abs());
            assertHull(x.abs(), absLo, x.lower().abs().max(x.upper().abs()));
            if (x.lower().signum() > 0) {
                assertHull(x.reciprocal(), x.lower().reciprocal(), x.upper().reciprocal());
            } else {
                assertThrows(ArithmeticException.class, x::reciprocal);
            }
            assertEquals(x.upper().subtract(x.lower()), x.width());
            assertEquals(x.lower().equals(x.upper()), x.isPoint());
            Rational p = draw(rnd);
            assertEquals(x.lower().compareTo(p) <= 0 && p.compareTo(x.upper()) <= 0, x.contains(p));
            assertTrue(x.contains(inside(rnd, x)));
            assertEquals(x.lower().compareTo(y.upper()) <= 0 && y.lower().compareTo(x.upper()) <= 0, x.overlaps(y));
            assertEquals(x.upper().compareTo(y.lower()) < 0, x.certainlyBelow(y));
            assertEquals(x.upper().compareTo(y.lower()) <= 0, x.certainlyAtMost(y));
            assertEquals(x, RationalInterval.of(x.lower(), x.upper()));
            assertEquals(x.hashCode(), RationalInterval.of(x.lower(), x.upper()).hashCode());
            int bits = rnd.nextInt(1, 12);
            RationalInterval r = x.roundOutward(bits);
            BigInteger scale = BigInteger.ONE.shiftLeft(bits);
            Rational step = Rational.of(BigInteger.ONE, scale);
            assertTrue(r.lower().compareTo(x.lower()) <= 0 && x.upper().compareTo(r.upper()) <= 0, x + " in " + r);
            assertTrue(r.lower().compareTo(x.lower().subtract(step)) > 0, "lower end at most one step out");
            assertTrue(r.upper().compareTo(x.upper().add(step)) < 0, "upper end at most one step out");
            assertTrue(scale.mod(r.lower().denominator()).signum() == 0 && scale.mod(r.upper().denominator()).signum() == 0,
                    "dyadic ends k / 2^" + bits + ": " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> RationalInterval.of(Rational.ONE, Rational.ZERO));
        assertNotEquals(RationalInterval.point(Rational.ONE), Rational.ONE);
        assertEquals("[1/2, 1]", RationalInterval.of(Rational.HALF, Rational.ONE).toString());
    }

    /** Wide double intervals with both signs: the value of each operation at random points lies in the result. */
    @Test
    void floatIntervalsHoldTheValueAtEveryPointOfWideOperands() {
        SplittableRandom rnd = new SplittableRandom(67);
        for (int t = 0; t < 4000; t++) {
            RationalInterval rx = interval(rnd);
            RationalInterval ry = interval(rnd);
            FloatInterval x = FloatInterval.of(rx);
            FloatInterval y = FloatInterval.of(ry);
            assertTrue(x.toRational().lower().compareTo(rx.lower()) <= 0 && rx.upper().compareTo(x.toRational().upper()) <= 0);
            for (int k = 0; k < 3; k++) {
                Rational a = inside(rnd, rx);
                Rational b = inside(rnd, ry);
                assertTrue(x.add(y).toRational().contains(a.add(b)), rx + " + " + ry);
                assertTrue(x.subtract(y).toRational().contains(a.subtract(b)), rx + " - " + ry);
                assertTrue(x.multiply(y).toRational().contains(a.multiply(b)), rx + " * " + ry);
                assertTrue(x.abs().toRational().contains(a.abs()), "|" + rx + "|");
                assertTrue(x.max(y).toRational().contains(a.max(b)), "max");
                assertTrue(x.half().toRational().contains(a.multiply(Rational.HALF)), "half");
            }
            // not much wider than needed: each end of a sum or product is within two units in the last place of the
            // exact end computed from the operands' (dyadic) ends
            RationalInterval ex = x.toRational();
            RationalInterval ey = y.toRational();
            assertNear(ex.add(ey), x.add(y));
            assertNear(ex.subtract(ey), x.subtract(y));
            assertNear(ex.multiply(ey), x.multiply(y));
            assertEquals(x.lower() >= 0 ? x.lower() : x.upper() <= 0 ? -x.upper() : 0, x.abs().lower());
            assertEquals(Math.max(x.upper(), y.upper()), x.max(y).upper());
            assertEquals(Math.max(x.lower(), y.lower()), x.max(y).lower());
        }
        assertThrows(ArithmeticException.class, () -> FloatInterval.exact(Double.NaN));
        assertThrows(ArithmeticException.class, () -> FloatInterval.exact(Double.POSITIVE_INFINITY));
        assertEquals(Rational.of(3, 4), FloatInterval.exact(0.75));
        assertEquals(Rational.of(12), FloatInterval.exact(12.0));
        FloatInterval third = FloatInterval.of(Rational.of(1, 3));
        assertFalse(third.isPoint(), "1/3 has no double");
        assertEquals(Math.nextUp(third.lower()), third.upper(), "the least double interval around 1/3");
        assertEquals("[0.0, 0.0]", FloatInterval.ZERO.toString());
    }

    private static void assertNear(RationalInterval exact, FloatInterval got) {
        double lo = exact.lower().doubleValue();
        double hi = exact.upper().doubleValue();
        assertTrue(got.lower() >= lo - 2 * Math.ulp(lo) && got.upper() <= hi + 2 * Math.ulp(hi),
                got + " against the exact " + exact);
    }

    @Test
    void matrixEnclosuresHoldEveryMatrixBetweenTheirEnds() {
        SplittableRandom rnd = new SplittableRandom(71);
        for (int t = 0; t < 200; t++) {
            int n = rnd.nextInt(1, 4);
            RationalInterval[][] e = new RationalInterval[n][n];
            Rational[][] mid = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    RationalInterval x = interval(rnd).abs();
                    e[i][j] = x;
                    mid[i][j] = inside(rnd, x);
                }
            }
            MatrixEnclosure m = MatrixEnclosure.of(e);
            assertEquals(n, m.rows());
            assertEquals(n, m.cols());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(e[i][j], m.get(i, j));
                    assertEquals(e[i][j], m.transpose().get(j, i));
                }
            }
            int power = rnd.nextInt(0, 4);
            MatrixEnclosure p = m.pow(power);
            RationalMatrix mp = RationalMatrix.ofRows(mid).pow(power);
            assertTrue(p.lower().isEntrywiseAtMost(mp) && mp.isEntrywiseAtMost(p.upper()), "M^" + power);
            // the ends are the ends' powers, by repeated products
            RationalMatrix lo = RationalMatrix.identity(n);
            RationalMatrix hi = RationalMatrix.identity(n);
            for (int k = 0; k < power; k++) {
                lo = lo.multiply(m.lower());
                hi = hi.multiply(m.upper());
            }
            assertEquals(lo, p.lower());
            assertEquals(hi, p.upper());
            assertEquals(m.lower().equals(m.upper()), m.isPoint());
            assertTrue(MatrixEnclosure.point(mp).isPoint());
        }
        RationalMatrix one = RationalMatrix.identity(2);
        assertThrows(IllegalArgumentException.class, () -> new MatrixEnclosure(one, one.scale(Rational.HALF)));
        assertThrows(IllegalArgumentException.class, () -> new MatrixEnclosure(one, RationalMatrix.zeros(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> MatrixEnclosure.point(one.scale(Rational.MINUS_ONE)).pow(2));
    }
}
