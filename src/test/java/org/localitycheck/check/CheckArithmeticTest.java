package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.localitycheck.oracle.BigRationalMatrices.cofactorDet;
import static org.localitycheck.oracle.BigRationalMatrices.product;

import ch.obermuhlner.math.big.BigDecimalMath;
import ch.obermuhlner.math.big.BigRational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.localitycheck.oracle.BigRationalMatrices;

/**
 * The checker's own arithmetic (Frac, Enclose, Mat) against independent oracles: big-math's BigRational for
 * fractions and matrices, cofactor expansion for determinants, the hull of the ends for intervals, big-math's
 * BigDecimalMath at 60 digits for exp and log, and permuted triangular matrices (rho = largest diagonal entry)
 * for the spectral tests. Expected values come from those, never from the checker.
 */
class CheckArithmeticTest {
    private static Frac draw(SplittableRandom rnd) {
        return rnd.nextInt(4) == 0 ? Frac.ZERO : new Frac(BigInteger.valueOf(rnd.nextInt(-20, 21)),
                BigInteger.valueOf(rnd.nextInt(1, 9) * (rnd.nextBoolean() ? 1 : -1)));
    }

    private static BigRational big(Frac x) {
        return BigRational.valueOf(x.n(), x.d());
    }

    private static Frac back(BigRational x) {
        BigRational r = x.reduce();
        return new Frac(r.getNumeratorBigInteger(), r.getDenominatorBigInteger());
    }

    @Test
    void fractionsAgreeWithTheOracle() {
        SplittableRandom rnd = new SplittableRandom(83);
        for (int t = 0; t < 2000; t++) {
            Frac x = draw(rnd);
            Frac y = draw(rnd);
            BigRational bx = big(x);
            BigRational by = big(y);
            assertTrue(x.d().signum() > 0 && x.n().gcd(x.d()).equals(BigInteger.ONE), "canonical " + x);
            assertEquals(back(bx.add(by)), x.add(y));
            assertEquals(back(bx.subtract(by)), x.sub(y));
            assertEquals(back(bx.multiply(by)), x.mul(y));
            assertEquals(back(bx.negate()), x.neg());
            assertEquals(back(bx.abs()), x.abs());
            assertEquals(back(bx.pow(3)), x.pow(3));
            assertEquals(bx.signum(), x.signum());
            assertEquals(bx.isZero(), x.isZero());
            assertEquals(Integer.signum(bx.compareTo(by)), Integer.signum(x.compareTo(y)));
            assertEquals(back(BigRational.max(bx, by)), x.max(y));
            if (!by.isZero()) {
                assertEquals(back(bx.divide(by)), x.div(y));
            } else {
                assertThrows(ArithmeticException.class, () -> x.div(y));
            }
            assertEquals(x, Frac.parse(x.toString()));
        }
        assertEquals(new Frac(BigInteger.valueOf(-5), BigInteger.valueOf(4)), Frac.parse("-1.25"));
        assertEquals(new Frac(BigInteger.valueOf(3), BigInteger.valueOf(7)), Frac.parse("6/14"));
        assertEquals(Frac.of(12), Frac.parse("12"));
        assertEquals("-3/4", Frac.parse("-0.75").toString());
        assertEquals("2", Frac.of(2).toString());
        assertThrows(ArithmeticException.class, () -> new Frac(BigInteger.ONE, BigInteger.ZERO));
    }

    @Test
    void intervalsAreTheHullOfTheirEnds() {
        SplittableRandom rnd = new SplittableRandom(89);
        for (int t = 0; t < 2000; t++) {
            Frac a = draw(rnd);
            Frac b = draw(rnd);
            Frac c = draw(rnd);
            Frac d = draw(rnd);
            Enclose x = new Enclose(min(a, b), a.max(b));
            Enclose y = new Enclose(min(c, d), c.max(d));
            assertEquals(new Enclose(x.lo().add(y.lo()), x.hi().add(y.hi())), x.add(y));
            assertEquals(new Enclose(x.lo().sub(y.hi()), x.hi().sub(y.lo())), x.sub(y));
            Frac[] p = {x.lo().mul(y.lo()), x.lo().mul(y.hi()), x.hi().mul(y.lo()), x.hi().mul(y.hi())};
            assertEquals(new Enclose(min(min(p[0], p[1]), min(p[2], p[3])), p[0].max(p[1]).max(p[2]).max(p[3])), x.mul(y));
            assertEquals(new Enclose(min(x.lo().mul(c), x.hi().mul(c)), x.lo().mul(c).max(x.hi().mul(c))), x.mul(c));
            if (x.lo().signum() > 0) {
                assertEquals(new Enclose(Frac.ONE.div(x.hi()), Frac.ONE.div(x.lo())), x.inv());
            } else {
                assertThrows(ArithmeticException.class, x::inv);
            }
            int bits = rnd.nextInt(1, 10);
            Enclose r = x.round(bits);
            Frac step = new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(bits));
            assertTrue(r.lo().compareTo(x.lo()) <= 0 && r.lo().compareTo(x.lo().sub(step)) > 0, r + " around " + x);
            assertTrue(r.hi().compareTo(x.hi()) >= 0 && r.hi().compareTo(x.hi().add(step)) < 0, r + " around " + x);
            assertTrue(BigInteger.ONE.shiftLeft(bits).mod(r.lo().d()).signum() == 0
                    && BigInteger.ONE.shiftLeft(bits).mod(r.hi().d()).signum() == 0, "dyadic ends");
        }
    }

    private static Frac min(Frac a, Frac b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Test
    void expAndLogEncloseBigMathsValues() {
        MathContext mc = new MathContext(60);
        for (String s : new String[] {"1", "-1", "1/3", "-7/2", "10", "-25", "123/7", "1/1024", "1/2", "-1/2", "300",
            // long denominators: the series round their terms outward instead of carrying such fractions exactly
            "-123456789012345678901234567890123456789/98765432109876543210987654321098765432109",
            "987654321098765432109876543210987654321/123456789012345678901234567890123456789"}) {
            Frac x = Frac.parse(s);
            BigDecimal v = BigDecimalMath.exp(new BigDecimal(x.n()).divide(new BigDecimal(x.d()), mc), mc);
            assertMeets(Enclose.exp(x, 120), v, "exp(" + s + ")");
        }
        for (String s : new String[] {"2", "1/2", "3", "1/1000", "12345/7", "0.999", "1/3", "1048576", "4/3",
            "123456789012345678901234567890123456789/98765432109876543210987654321098765432109",
            "98765432109876543210987654321098765432109/1234567890123456789012345678901234567"}) {
            Frac x = Frac.parse(s);
            BigDecimal v = BigDecimalMath.log(new BigDecimal(x.n()).divide(new BigDecimal(x.d()), mc), mc);
            assertMeets(Enclose.log(x, 120), v, "log(" + s + ")");
        }
        assertEquals(Enclose.point(Frac.ONE), Enclose.exp(Frac.ZERO, 50));
        assertEquals(Enclose.point(Frac.ZERO), Enclose.log(Frac.ONE, 50));
        Enclose.exp(Frac.of(1 << 14), 20); // the largest argument evaluated
        assertThrows(ArithmeticException.class, () -> Enclose.exp(Frac.of((1 << 14) + 1), 20));
        assertThrows(ArithmeticException.class, () -> Enclose.exp(Frac.of(-(1 << 14) - 1), 20));
    }

    /** e meets big-math's 60-digit value within 1e-55 of it, relative, and is narrower than 2^-110 relative. */
    private static void assertMeets(Enclose e, BigDecimal v, String what) {
        Frac a = Frac.parse(v.toPlainString());
        Frac slack = a.abs().mul(new Frac(BigInteger.ONE, BigInteger.TEN.pow(55)));
        assertTrue(e.lo().compareTo(a.add(slack)) <= 0 && a.sub(slack).compareTo(e.hi()) <= 0, what + ": " + e);
        Frac width = e.hi().sub(e.lo());
        Frac rel = width.div(e.hi().abs().max(new Frac(BigInteger.ONE, BigInteger.TEN.pow(30))));
        assertTrue(rel.compareTo(new Frac(BigInteger.ONE, BigInteger.ONE.shiftLeft(110))) < 0, what + ": too wide " + e);
    }

    private static Frac[][] matrix(SplittableRandom rnd, int r, int c) {
        Frac[][] m = new Frac[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m[i][j] = draw(rnd);
            }
        }
        return m;
    }



    private static BigRational[][] big(Frac[][] m) {
        return BigRationalMatrices.of(m, CheckArithmeticTest::big);
    }

    @Test
    void matricesAgreeWithTheOracle() {
        SplittableRandom rnd = new SplittableRandom(97);
        int singular = 0;
        for (int t = 0; t < 300; t++) {
            int n = rnd.nextInt(1, 5);
            Frac[][] a = matrix(rnd, n, n);
            if (rnd.nextInt(5) == 0 && n > 1) {
                a[n - 1] = a[0].clone();
            }
            Frac[][] b = matrix(rnd, n, n);
            Frac s = draw(rnd);
            BigRational[][] ba = big(a);
            BigRational[][] bb = big(b);
            Frac[][] prod = Mat.mul(a, b);
            Frac[][] sum = Mat.add(a, b);
            Frac[][] sc = Mat.scale(a, s);
            Frac[][] tr = Mat.t(a);
            BigRational rowMax = BigRational.ZERO;
            boolean zero = true;
            for (int i = 0; i < n; i++) {
                BigRational rs = BigRational.ZERO;
                for (int j = 0; j < n; j++) {
                    BigRational p = BigRational.ZERO;
                    for (int k = 0; k < n; k++) {
                        p = p.add(ba[i][k].multiply(bb[k][j]));
                    }
                    assertEquals(back(p), prod[i][j]);
                    assertEquals(back(ba[i][j].add(bb[i][j])), sum[i][j]);
                    assertEquals(back(ba[i][j].multiply(big(s))), sc[i][j]);
                    assertEquals(a[i][j], tr[j][i]);
                    rs = rs.add(ba[i][j].abs());
                    zero &= ba[i][j].isZero();
                }
                rowMax = BigRational.max(rowMax, rs);
            }
            assertEquals(back(rowMax), Mat.normInf(a));
            assertEquals(zero, Mat.isZero(a));
            Frac[] x = matrix(rnd, 1, n)[0];
            Frac[] ax = Mat.mul(a, x);
            for (int i = 0; i < n; i++) {
                BigRational v = BigRational.ZERO;
                for (int k = 0; k < n; k++) {
                    v = v.add(ba[i][k].multiply(big(x[k])));
                }
                assertEquals(back(v), ax[i]);
            }
            // powers k = 0..3 against BigRational products from the identity written out
            BigRational[][] bp = new BigRational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    bp[i][j] = i == j ? BigRational.ONE : BigRational.ZERO;
                }
            }
            for (int k = 0; k <= 3; k++) {
                Frac[][] pk = Mat.pow(a, k);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(back(bp[i][j]), pk[i][j], "A^" + k);
                    }
                }
                bp = product(bp, ba);
            }
            assertTrue(Mat.isZero(Mat.zero(n, n)) && !Mat.isZero(Mat.id(n)));
            BigRational det = cofactorDet(ba);
            assertEquals(back(det), Mat.det(a));
            Frac[] sol = Mat.solve(a, x);
            if (det.isZero()) {
                singular++;
                assertNull(sol);
            } else {
                Frac[] check = Mat.mul(a, sol);
                for (int i = 0; i < n; i++) {
                    assertEquals(x[i], check[i], "A solve(A, x) = x");
                }
                // (I - M) resolvent(M) = I with M = I - A
                Frac[][] m = Mat.add(Mat.id(n), Mat.scale(a, Frac.of(-1)));
                Frac[][] res = Mat.resolvent(m);
                assertTrue(Mat.isZero(Mat.add(Mat.mul(a, res), Mat.scale(Mat.id(n), Frac.of(-1)))), "resolvent");
            }
        }
        assertTrue(singular > 10, "singular cases: " + singular);
        assertNull(Mat.resolvent(Mat.id(2)), "I - I is singular");
    }

    /** rho(P T P^T) = max diag T for T upper triangular and nonnegative. */
    @Test
    void spectralTestsAgreeWithTriangularMatrices() {
        SplittableRandom rnd = new SplittableRandom(101);
        int above = 0;
        for (int t = 0; t < 200; t++) {
            int n = rnd.nextInt(1, 5);
            Frac[][] tri = new Frac[n][n];
            Frac rho = Frac.ZERO;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    tri[i][j] = j < i || rnd.nextInt(3) == 0 ? Frac.ZERO
                            : new Frac(BigInteger.valueOf(rnd.nextInt(1, 9)), BigInteger.valueOf(rnd.nextInt(1, 5)));
                }
                rho = rho.max(tri[i][i]);
            }
            int[] p = rnd.ints(0, 1000).distinct().limit(n).toArray();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (u, v) -> Integer.compare(p[u], p[v]));
            Frac[][] m = new Frac[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[order[i]][order[j]] = tri[i][j];
                }
            }
            Frac step = Frac.parse("1/7");
            for (Frac lambda : new Frac[] {rho, rho.add(step), rho.sub(step), Frac.parse("1/2")}) {
                if (lambda.signum() <= 0) {
                    continue;
                }
                assertEquals(rho.compareTo(lambda) < 0, Mat.rhoBelow(m, lambda), "rho " + rho + " < " + lambda);
                assertEquals(rho.compareTo(lambda) <= 0, Mat.rhoAtMost(m, lambda), "rho " + rho + " <= " + lambda);
            }
            assertEquals(rho.isZero(), Mat.nilpotent(m));
            // least C with ||(m / lambda)^t|| <= C for all t, at lambda just above rho: the largest norm before the first
            // power of norm at most 1 (PowerBound's argument), norms by BigRational
            Frac lambda = rho.add(Frac.parse("1/2"));
            BigRational[][] a = big(m);
            BigRational inv = big(Frac.ONE.div(lambda));
            for (BigRational[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = row[j].multiply(inv);
                }
            }
            BigRational[][] pw = a;
            BigRational best = BigRational.ONE;
            for (int k = 1; ; k++) {
                BigRational norm = BigRational.ZERO;
                for (BigRational[] row : pw) {
                    BigRational sum = BigRational.ZERO;
                    for (BigRational x : row) {
                        sum = sum.add(x.abs());
                    }
                    norm = BigRational.max(norm, sum);
                }
                if (norm.compareTo(BigRational.ONE) <= 0) {
                    break;
                }
                best = BigRational.max(best, norm);
                pw = product(pw, a);
            }
            assertEquals(back(best), Mat.leastConstant(m, lambda));
            above += best.compareTo(BigRational.ONE) > 0 ? 1 : 0;
        }
        assertTrue(above > 30, "cases whose least constant is above 1: " + above);
    }
}
