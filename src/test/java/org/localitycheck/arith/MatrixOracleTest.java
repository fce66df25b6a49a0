package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.localitycheck.oracle.BigRationalMatrices.cofactorDet;
import static org.localitycheck.oracle.BigRationalMatrices.product;

import ch.obermuhlner.math.big.BigRational;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.localitycheck.oracle.BigRationalMatrices;

/**
 * RationalMatrix and RationalVector against an independent oracle: big-math's BigRational (its own fraction
 * arithmetic, reduced here before comparing) and textbook definitions (cofactor expansion for the determinant,
 * ratios of leading principal minors for the pivots). Seeded random matrices with zeros, negatives and mixed
 * denominators; the expected values come from the oracle, never from the code under test.
 */
class MatrixOracleTest {
    private static final int TRIALS = 150;

    private static Rational entry(SplittableRandom rnd) {
        return rnd.nextInt(4) == 0 ? Rational.ZERO : Rational.of(rnd.nextInt(-9, 10), rnd.nextInt(1, 7));
    }

    private static Rational[][] random(SplittableRandom rnd, int r, int c) {
        Rational[][] m = new Rational[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m[i][j] = entry(rnd);
            }
        }
        return m;
    }

    private static BigRational big(Rational x) {
        return BigRational.valueOf(x.numerator(), x.denominator());
    }

    private static Rational back(BigRational x) {
        BigRational r = x.reduce();
        return Rational.of(r.getNumeratorBigInteger(), r.getDenominatorBigInteger());
    }

    private static BigRational[][] big(Rational[][] m) {
        return BigRationalMatrices.of(m, MatrixOracleTest::big);
    }



    private static void assertSame(BigRational[][] expected, RationalMatrix actual) {
        assertEquals(expected.length, actual.rows());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual.cols());
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(back(expected[i][j]), actual.get(i, j), "entry (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void arithmeticAgreesWithTheOracle() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int t = 0; t < TRIALS; t++) {
            int r = rnd.nextInt(1, 5);
            int c = rnd.nextInt(1, 5);
            Rational[][] a = random(rnd, r, c);
            Rational[][] b = random(rnd, r, c);
            Rational[][] d = random(rnd, c, rnd.nextInt(1, 5));
            Rational s = entry(rnd);
            RationalMatrix ma = RationalMatrix.ofRows(a);
            RationalMatrix mb = RationalMatrix.ofRows(b);
            BigRational[][] ba = big(a);
            BigRational[][] bb = big(b);
            BigRational[][] sum = new BigRational[r][c];
            BigRational[][] diff = new BigRational[r][c];
            BigRational[][] scaled = new BigRational[r][c];
            BigRational[][] tr = new BigRational[c][r];
            BigRational rowMax = BigRational.ZERO;
            BigRational colMax = BigRational.ZERO;
            BigRational max = ba[0][0];
            boolean nonneg = true;
            boolean zero = true;
            boolean atMost = true;
            for (int i = 0; i < r; i++) {
                BigRational rs = BigRational.ZERO;
                for (int j = 0; j < c; j++) {
                    sum[i][j] = ba[i][j].add(bb[i][j]);
                    diff[i][j] = ba[i][j].subtract(bb[i][j]);
                    scaled[i][j] = ba[i][j].multiply(big(s));
                    tr[j][i] = ba[i][j];
                    rs = rs.add(ba[i][j].abs());
                    max = BigRational.max(max, ba[i][j]);
                    nonneg &= ba[i][j].signum() >= 0;
                    zero &= ba[i][j].signum() == 0;
                    atMost &= ba[i][j].compareTo(bb[i][j]) <= 0;
                }
                rowMax = BigRational.max(rowMax, rs);
            }
            for (int j = 0; j < c; j++) {
                BigRational cs = BigRational.ZERO;
                for (int i = 0; i < r; i++) {
                    cs = cs.add(ba[i][j].abs());
                }
                colMax = BigRational.max(colMax, cs);
            }
            assertSame(sum, ma.add(mb));
            assertSame(diff, ma.subtract(mb));
            assertSame(scaled, ma.scale(s));
            assertSame(tr, ma.transpose());
            assertSame(product(ba, big(d)), ma.multiply(RationalMatrix.ofRows(d)));
            assertEquals(back(rowMax), ma.normInf());
            assertEquals(back(colMax), ma.norm1());
            assertEquals(back(max), ma.maxEntry());
            assertEquals(nonneg, ma.isNonnegative());
            assertEquals(zero, ma.isZero());
            assertEquals(atMost, ma.isEntrywiseAtMost(mb));
            assertTrue(ma.isEntrywiseAtMost(ma));
            // matrix times vector, and the vector operations, on a column of d's shape
            Rational[] x = random(rnd, 1, c)[0];
            Rational[] y = random(rnd, 1, c)[0];
            RationalVector vx = RationalVector.of(x);
            RationalVector vy = RationalVector.of(y);
            BigRational[][] col = new BigRational[c][1];
            for (int j = 0; j < c; j++) {
                col[j][0] = big(x[j]);
            }
            BigRational[][] ax = product(ba, col);
            RationalVector got = ma.multiply(vx);
            for (int i = 0; i < r; i++) {
                assertEquals(back(ax[i][0]), got.get(i));
            }
            vectorAgrees(x, y, s, vx, vy);
            int i = rnd.nextInt(r);
            assertEquals(RationalVector.of(a[i]), ma.row(i));
            int j = rnd.nextInt(c);
            RationalMatrix changed = ma.with(i, j, a[i][j].add(Rational.ONE));
            assertEquals(a[i][j].add(Rational.ONE), changed.get(i, j));
            assertEquals(a[i][j], ma.get(i, j), "with() leaves the original alone");
            assertNotEquals(ma, changed);
            assertEquals(ma, RationalMatrix.ofRows(ma.toArray()));
            assertEquals(ma.hashCode(), RationalMatrix.ofRows(ma.toArray()).hashCode());
        }
    }

    private static void vectorAgrees(Rational[] x, Rational[] y, Rational s, RationalVector vx, RationalVector vy) {
        int n = x.length;
        BigRational dot = BigRational.ZERO;
        BigRational sum = BigRational.ZERO;
        BigRational n1 = BigRational.ZERO;
        BigRational nInf = BigRational.ZERO;
        BigRational mx = big(x[0]);
        BigRational mn = big(x[0]);
        boolean atMost = true;
        for (int i = 0; i < n; i++) {
            BigRational bx = big(x[i]);
            BigRational by = big(y[i]);
            assertEquals(back(bx.add(by)), vx.add(vy).get(i));
            assertEquals(back(bx.subtract(by)), vx.subtract(vy).get(i));
            assertEquals(back(bx.multiply(big(s))), vx.scale(s).get(i));
            assertEquals(back(bx.add(big(s))), vx.addConstant(s).get(i));
            dot = dot.add(bx.multiply(by));
            sum = sum.add(bx);
            n1 = n1.add(bx.abs());
            nInf = BigRational.max(nInf, bx.abs());
            mx = BigRational.max(mx, bx);
            mn = BigRational.min(mn, bx);
            atMost &= bx.compareTo(by) <= 0;
        }
        assertEquals(back(dot), vx.dot(vy));
        assertEquals(back(sum), vx.sum());
        assertEquals(back(n1), vx.norm1());
        assertEquals(back(nInf), vx.normInf());
        assertEquals(back(mx), vx.max());
        assertEquals(back(mn), vx.min());
        assertEquals(atMost, vx.isEntrywiseAtMost(vy));
        assertArrayEquals(x, vx.toArray());
        FractionVector fx = FractionVector.of(x);
        FractionVector fy = FractionVector.of(vy);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], fx.get(i));
            assertEquals(back(big(x[i]).add(big(y[i]))), fx.add(fy).get(i));
            assertEquals(back(big(x[i]).subtract(big(y[i]))), fx.subtract(fy).get(i));
            assertEquals(back(big(x[i]).subtract(big(s))), fx.subtractConstant(s).get(i));
        }
        assertEquals(back(dot), fx.dot(fy));
        assertEquals(back(mx.subtract(mn)), fx.oscillation());
        assertArrayEquals(x, fx.toRationals());
        assertEquals(vx, fx.toVector());
    }

    @Test
    void determinantInverseAndPivotsAgreeWithTheOracle() {
        SplittableRandom rnd = new SplittableRandom(43);
        int singular = 0;
        int nullPivots = 0;
        int zeroLastPivot = 0;
        for (int t = 0; t < TRIALS; t++) {
            int n = rnd.nextInt(1, 6);
            Rational[][] a = random(rnd, n, n);
            if (rnd.nextInt(5) == 0 && n > 1) {
                a[n - 1] = a[0].clone(); // a repeated row: singular
            }
            RationalMatrix m = RationalMatrix.ofRows(a);
            BigRational[][] ba = big(a);
            BigRational det = cofactorDet(ba);
            assertEquals(back(det), m.determinant(), "det of " + m);
            if (det.isZero()) {
                singular++;
                assertThrows(ArithmeticException.class, m::inverse);
            } else {
                assertEquals(RationalMatrix.identity(n), m.multiply(m.inverse()));
                assertEquals(RationalMatrix.identity(n), m.inverse().multiply(m));
            }
            // pivots without exchange: piv_k = det(A_k) / det(A_{k-1}) while the leading minors are nonzero
            Rational[] piv = m.pivotsWithoutExchange();
            BigRational prev = BigRational.ONE;
            boolean broke = false;
            for (int k = 0; k < n && !broke; k++) {
                BigRational[][] lead = new BigRational[k + 1][k + 1];
                for (int i = 0; i <= k; i++) {
                    System.arraycopy(ba[i], 0, lead[i], 0, k + 1);
                }
                BigRational dk = cofactorDet(lead);
                if (piv == null) {
                    if (dk.isZero()) {
                        broke = true;
                        assertTrue(k < n - 1, "null only for a zero pivot before the last step");
                    }
                    continue;
                }
                assertEquals(back(dk.divide(prev)), piv[k], "pivot " + k);
                if (dk.isZero()) {
                    assertEquals(n - 1, k, "a zero pivot is returned only at the last step");
                    zeroLastPivot++;
                }
                prev = dk;
            }
            if (piv == null) {
                assertTrue(broke, "null pivots only after a zero leading minor");
                nullPivots++;
            }
        }
        assertTrue(singular > 10, "the trials include singular matrices: " + singular);
        assertTrue(nullPivots > 10 && zeroLastPivot > 3, "both pivot branches reached: " + nullPivots + ", "
                + zeroLastPivot);
    }

    @Test
    void powersPrincipalsAndConstructors() {
        SplittableRandom rnd = new SplittableRandom(47);
        for (int t = 0; t < 40; t++) {
            int n = rnd.nextInt(1, 5);
            Rational[][] a = random(rnd, n, n);
            RationalMatrix m = RationalMatrix.ofRows(a);
            BigRational[][] p = new BigRational[n][n]; // the identity, written out
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i][j] = i == j ? BigRational.ONE : BigRational.ZERO;
                }
            }
            for (int e = 0; e <= 6; e++) {
                assertSame(p, m.pow(e));
                p = product(p, big(a));
            }
            int[] idx = rnd.nextBoolean() ? new int[] {0} : IntStream.range(0, n).filter(i -> i % 2 == 0)
                    .toArray();
            RationalMatrix sub = m.principal(idx);
            for (int i = 0; i < idx.length; i++) {
                for (int j = 0; j < idx.length; j++) {
                    assertEquals(a[idx[i]][idx[j]], sub.get(i, j));
                }
            }
        }
        assertEquals(RationalMatrix.zeros(2, 3), RationalMatrix.ofRows(new Rational[][] {
            {Rational.ZERO, Rational.ZERO, Rational.ZERO}, {Rational.ZERO, Rational.ZERO, Rational.ZERO}}));
        RationalMatrix d = RationalMatrix.diagonal(RationalVector.of(Rational.ONE, Rational.HALF));
        assertEquals(RationalMatrix.ofRows(new Rational[][] {{Rational.ONE, Rational.ZERO}, {Rational.ZERO, Rational.HALF}}), d);
        assertEquals(RationalVector.of(Rational.ZERO, Rational.ONE, Rational.ZERO), RationalVector.unit(3, 1));
        assertEquals(RationalVector.of(Rational.HALF, Rational.HALF), RationalVector.constant(2, Rational.HALF));
        assertEquals(RationalVector.of(Rational.ZERO, Rational.ZERO), RationalVector.zeros(2));
        RationalMatrix sparse = RationalMatrix.ofSparseRows(new int[][] {{1}, {0, 1}},
                new Rational[][] {{Rational.HALF}, {Rational.ONE, Rational.TWO}});
        assertEquals(RationalMatrix.ofRows(new Rational[][] {{Rational.ZERO, Rational.HALF}, {Rational.ONE, Rational.TWO}}),
                sparse);
    }

    @Test
    void shapesThatDoNotFitAreRefused() {
        RationalMatrix a = RationalMatrix.zeros(2, 3);
        RationalMatrix b = RationalMatrix.zeros(3, 2);
        assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertThrows(IllegalArgumentException.class, () -> a.subtract(b));
        assertThrows(IllegalArgumentException.class, () -> a.isEntrywiseAtMost(b));
        assertThrows(IllegalArgumentException.class, () -> a.multiply(a));
        assertThrows(IllegalArgumentException.class, () -> a.multiply(RationalVector.zeros(2)));
        assertThrows(IllegalArgumentException.class, a::determinant);
        assertThrows(IllegalArgumentException.class, a::inverse);
        assertThrows(IllegalArgumentException.class, () -> a.pow(2));
        assertThrows(IllegalArgumentException.class, () -> RationalMatrix.identity(2).pow(-1));
        assertThrows(IllegalArgumentException.class, a::pivotsWithoutExchange);
        assertThrows(IllegalArgumentException.class,
                () -> RationalMatrix.ofRows(new Rational[][] {{Rational.ONE}, {Rational.ONE, Rational.ONE}}));
        assertThrows(IllegalArgumentException.class, () -> RationalMatrix.ofRows(new Rational[][] {{null}}));
        RationalVector v = RationalVector.zeros(2);
        RationalVector w = RationalVector.zeros(3);
        assertThrows(IllegalArgumentException.class, () -> v.add(w));
        assertThrows(IllegalArgumentException.class, () -> v.subtract(w));
        assertThrows(IllegalArgumentException.class, () -> v.dot(w));
        assertThrows(IllegalArgumentException.class, () -> v.isEntrywiseAtMost(w));
        assertNull(RationalMatrix.ofRows(new Rational[][] {{Rational.ZERO, Rational.ONE}, {Rational.ONE, Rational.ZERO}})
                .pivotsWithoutExchange(), "a zero first pivot of a 2x2 matrix");
        assertFalse(RationalMatrix.identity(2).equals(RationalVector.zeros(2)));
        assertEquals(BigInteger.ONE, FractionVector.of(new Rational[] {Rational.ONE, Rational.TWO}).denominator());
    }
}
