package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every operation of FloatInterval holds the exact rational result of the same operation on its operands. */
class FloatIntervalTest {
    /** Rationals with denominators that are not powers of two, so their doubles are inexact. */
    private static Rational draw(SplittableRandom rnd) {
        return Rational.of(rnd.nextLong(-1_000_000, 1_000_000), rnd.nextLong(1, 1_000_000));
    }

    private static boolean holds(FloatInterval x, Rational v) {
        return x.toRational().contains(v);
    }

    @Test
    void operationsEncloseTheirExactResults() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 20_000; t++) {
            Rational a = draw(rnd);
            Rational b = draw(rnd);
            FloatInterval x = FloatInterval.of(a);
            FloatInterval y = FloatInterval.of(b);
            assertTrue(holds(x, a));
            assertTrue(holds(x.add(y), a.add(b)), a + " + " + b);
            assertTrue(holds(x.subtract(y), a.subtract(b)), a + " - " + b);
            assertTrue(holds(x.multiply(y), a.multiply(b)), a + " * " + b);
            assertTrue(holds(x.abs(), a.abs()));
            assertTrue(holds(x.half(), a.multiply(Rational.HALF)));
            assertTrue(holds(x.max(y), a.max(b)));
            // chains of operations stay enclosures
            FloatInterval z = x.multiply(y).add(x).subtract(y.half()).multiply(x.abs());
            assertTrue(holds(z, a.multiply(b).add(a).subtract(b.multiply(Rational.HALF)).multiply(a.abs())));
        }
    }

    @Test
    void exactOperationsOnDyadicsStayPoints() {
        FloatInterval a = FloatInterval.of(Rational.of(3, 8));
        FloatInterval b = FloatInterval.of(Rational.of(5, 16));
        assertTrue(a.add(b).isPoint());
        assertTrue(a.subtract(b).isPoint());
        assertEquals(Rational.of(11, 16), a.add(b).toRational().lower());
        assertTrue(a.multiply(FloatInterval.of(Rational.ONE)).isPoint());
        assertTrue(a.multiply(FloatInterval.ZERO).isPoint());
    }

    @Test
    void roundingToNearestAloneWouldMissTheValue() {
        // the test above can fail: without the outward step, 1/3 + 1/5 rounded to nearest is not the exact sum
        double nearest = 1.0 / 3 + 1.0 / 5;
        Rational exact = Rational.of(8, 15);
        assertTrue(!FloatInterval.exact(nearest).equals(exact));
        assertTrue(holds(FloatInterval.of(Rational.of(1, 3)).add(FloatInterval.of(Rational.of(1, 5))), exact));
    }
}
