package org.localitycheck.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.localitycheck.arith.FloatInterval;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.JointSpace;

/**
 * The small quantities against their definitions, written out here by brute force: total variation as half the
 * l1 distance, oscillations as the largest difference over all pairs that differ in one coordinate, the
 * discounted value as the solution of V = r + gamma P V, the least power constant by listing norms, the Neumann and
 * Poisson partial sums by explicit powers, weighted influence entrywise, graph distances by Floyd-Warshall, and
 * softmax probabilities by big-math at 50 digits. Expected values come from these definitions.
 */
class QuantityDefinitionsTest {
    private static Rational[] distribution(SplittableRandom rnd, int n) {
        long[] w = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1, 7);
            total += w[i];
        }
        if (total == 0) {
            w[rnd.nextInt(n)] = 1;
            total = 1;
        }
        Rational[] p = new Rational[n];
        for (int i = 0; i < n; i++) {
            p[i] = Rational.of(w[i], total);
        }
        return p;
    }

    @Test
    void totalVariationIsHalfTheL1Distance() {
        SplittableRandom rnd = new SplittableRandom(103);
        for (int t = 0; t < 500; t++) {
            int n = rnd.nextInt(1, 6);
            Rational[] p = distribution(rnd, n);
            Rational[] q = distribution(rnd, n);
            Rational l1 = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                l1 = l1.add(p[i].subtract(q[i]).abs());
            }
            Rational tv = l1.multiply(Rational.HALF);
            assertEquals(tv, TotalVariation.of(p, q));
            RationalInterval[] pi = new RationalInterval[n];
            RationalInterval[] qi = new RationalInterval[n];
            FloatInterval[] pf = new FloatInterval[n];
            FloatInterval[] qf = new FloatInterval[n];
            for (int i = 0; i < n; i++) {
                pi[i] = RationalInterval.point(p[i]);
                qi[i] = RationalInterval.of(q[i].subtract(Rational.of(1, 100)), q[i]);
                pf[i] = FloatInterval.of(p[i]);
                qf[i] = FloatInterval.of(q[i]);
            }
            assertTrue(TotalVariation.of(pi, qi).contains(tv));
            assertEquals(RationalInterval.point(tv), TotalVariation.of(pi, pointwise(q)));
            assertTrue(TotalVariation.of(pf, qf).toRational().contains(tv));
            assertTrue(TotalVariation.of(pf, pf).isPoint() && TotalVariation.of(pf, pf).lower() == 0);
            long[] u = new long[n];
            long[] v = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                u[i] = rnd.nextInt(-9, 10);
                v[i] = rnd.nextInt(-9, 10);
                sum += Math.abs(u[i] - v[i]);
            }
            assertEquals(sum, TotalVariation.doubledNumerator(u, v));
            // rows over their own denominators: 2 du dv TV, the TV above written as u / du and v / dv
            BigInteger du = BigInteger.valueOf(rnd.nextLong(1, 1L << 40));
            BigInteger dv = BigInteger.valueOf(rnd.nextLong(1, 1L << 40));
            BigInteger[] ub = new BigInteger[n];
            BigInteger[] vb = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                ub[i] = p[i].numerator().multiply(du).divide(p[i].denominator()).add(BigInteger.valueOf(i));
                vb[i] = q[i].numerator().multiply(dv).divide(q[i].denominator());
            }
            Rational[] uq = new Rational[n];
            Rational[] vq = new Rational[n];
            for (int i = 0; i < n; i++) {
                uq[i] = Rational.of(ub[i], du);
                vq[i] = Rational.of(vb[i], dv);
            }
            Rational l1uv = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                l1uv = l1uv.add(uq[i].subtract(vq[i]).abs());
            }
            assertEquals(l1uv, Rational.of(TotalVariation.doubledNumerator(ub, du, vb, dv), du.multiply(dv)));
        }
        assertThrows(IllegalArgumentException.class, () -> TotalVariation.doubledNumerator(new BigInteger[2],
                BigInteger.ONE, new BigInteger[3], BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> TotalVariation.of(new Rational[2], new Rational[3]));
        assertThrows(IllegalArgumentException.class,
                () -> TotalVariation.of(new RationalInterval[2], new RationalInterval[3]));
        assertThrows(IllegalArgumentException.class, () -> TotalVariation.of(new FloatInterval[2], new FloatInterval[3]));
    }

    private static RationalInterval[] pointwise(Rational[] q) {
        RationalInterval[] out = new RationalInterval[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = RationalInterval.point(q[i]);
        }
        return out;
    }

    @Test
    void oscillationsAreTheLargestDifferencesAlongEachCoordinate() {
        SplittableRandom rnd = new SplittableRandom(107);
        for (int t = 0; t < 200; t++) {
            int n = rnd.nextInt(1, 4);
            int[] sizes = rnd.ints(n, 1, 4).toArray();
            JointSpace sp = JointSpace.of(sizes);
            Rational[] f = new Rational[sp.size()];
            for (int s = 0; s < f.length; s++) {
                f[s] = Rational.of(rnd.nextInt(-12, 13), rnd.nextInt(1, 5));
            }
            RationalVector d = Oscillation.delta(sp, f);
            Rational max = Rational.ZERO;
            for (int i = 0; i < n; i++) {
                Rational best = Rational.ZERO;
                for (int x = 0; x < sp.size(); x++) {
                    for (int y = 0; y < sp.size(); y++) {
                        boolean sameElsewhere = true;
                        for (int j = 0; j < n; j++) {
                            sameElsewhere &= j == i || sp.digit(x, j) == sp.digit(y, j);
                        }
                        if (sameElsewhere) {
                            best = best.max(f[x].subtract(f[y]).abs());
                        }
                    }
                }
                assertEquals(best, d.get(i), "delta_" + i);
                assertEquals(best, Oscillation.delta(sp, FractionVector.of(f), i));
                max = max.max(best);
            }
            FractionVector fv = FractionVector.of(f);
            Rational hi = f[0];
            Rational lo = f[0];
            for (Rational x : f) {
                hi = hi.max(x);
                lo = lo.min(x);
            }
            assertEquals(hi.subtract(lo), Oscillation.osc(fv));
            assertEquals(hi.subtract(lo).multiply(Rational.HALF), Oscillation.distanceToConstants(fv));
            assertEquals(max, Oscillation.seminorm(sp, fv));
            // an f within 1/8 of the centre has each delta_i(f) in the enclosure around the centre's
            Rational radius = Rational.of(1, 8);
            RationalInterval[] around = Oscillation.delta(sp, fv, radius);
            Rational[] g = new Rational[f.length];
            for (int s = 0; s < f.length; s++) {
                g[s] = f[s].add(Rational.of(rnd.nextInt(-2, 3), 16));
            }
            RationalVector dg = Oscillation.delta(sp, g);
            for (int i = 0; i < n; i++) {
                assertTrue(around[i].contains(dg.get(i)), "delta_" + i + " of a nearby f in " + around[i]);
                assertTrue(around[i].width().compareTo(Rational.HALF) <= 0, "within 2 radius on each side");
                if (sp.localSize(i) == 1) {
                    assertEquals(RationalInterval.point(Rational.ZERO), around[i]);
                }
            }
        }
        Rational[] three = {Rational.ZERO, Rational.ONE, Rational.HALF};
        assertThrows(IllegalArgumentException.class, () -> Oscillation.delta(JointSpace.of(2), three));
    }

    private static Rational[][] kernel(SplittableRandom rnd, int n) {
        Rational[][] rows = new Rational[n][];
        for (int s = 0; s < n; s++) {
            rows[s] = distribution(rnd, n);
        }
        return rows;
    }

    @Test
    void discountedValuesSolveTheBellmanEquation() {
        SplittableRandom rnd = new SplittableRandom(109);
        for (int t = 0; t < 100; t++) {
            int n = rnd.nextInt(1, 6);
            Rational[][] rows = kernel(rnd, n);
            JointKernel p = JointKernel.ofRows(JointSpace.of(n), rows);
            Rational[] r = new Rational[n];
            for (int s = 0; s < n; s++) {
                r[s] = Rational.of(rnd.nextInt(-5, 6), rnd.nextInt(1, 4));
            }
            Rational gamma = Rational.of(rnd.nextInt(0, 10), 10);
            FractionVector v = DiscountedValue.of(p, r, gamma);
            for (int s = 0; s < n; s++) {
                Rational next = Rational.ZERO;
                for (int y = 0; y < n; y++) {
                    next = next.add(rows[s][y].multiply(v.get(y)));
                }
                assertEquals(v.get(s), r[s].add(gamma.multiply(next)), "V = r + gamma P V at " + s);
            }
            // T^pi f by the rows
            FractionVector f = FractionVector.of(r);
            FractionVector pf = p.apply(f);
            for (int s = 0; s < n; s++) {
                Rational e = Rational.ZERO;
                for (int y = 0; y < n; y++) {
                    e = e.add(rows[s][y].multiply(r[y]));
                    assertEquals(rows[s][y], p.get(s, y));
                    assertEquals(!rows[s][y].isZero(), p.isPositive(s, y));
                }
                assertEquals(e, pf.get(s));
            }
        }
        JointKernel p = JointKernel.ofRows(JointSpace.of(1), new Rational[][] {{Rational.ONE}});
        assertThrows(IllegalArgumentException.class, () -> DiscountedValue.of(p, new Rational[] {Rational.ONE}, Rational.ONE));
        assertThrows(IllegalArgumentException.class,
                () -> DiscountedValue.of(p, new Rational[] {Rational.ONE}, Rational.MINUS_ONE));
        JointSpace two = JointSpace.of(2);
        assertThrows(IllegalArgumentException.class, () -> JointKernel.ofRows(two, new Rational[][] {{Rational.ONE}}));
        assertThrows(IllegalArgumentException.class, () -> JointKernel.ofRows(two,
                new Rational[][] {{Rational.ONE}, {Rational.ONE}}));
        assertThrows(IllegalArgumentException.class, () -> JointKernel.ofRows(two,
                new Rational[][] {{Rational.TWO, Rational.MINUS_ONE}, {Rational.ONE, Rational.ZERO}}));
        assertThrows(IllegalArgumentException.class, () -> JointKernel.ofRows(two,
                new Rational[][] {{Rational.HALF, Rational.ZERO}, {Rational.ONE, Rational.ZERO}}));
    }

    @Test
    void powerConstantsPartialSumsAndWeights() {
        SplittableRandom rnd = new SplittableRandom(113);
        int above = 0;
        for (int t = 0; t < 60; t++) {
            int n = rnd.nextInt(1, 4);
            Rational[][] a = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rnd.nextInt(3) == 0 ? Rational.ZERO : Rational.of(rnd.nextInt(1, 5), 8);
                }
            }
            RationalMatrix m = RationalMatrix.ofRows(a);
            // the least power constant on [[p, q], [0, r]] (rho = max(p, r)) with a large q and lambda just above rho,
            // where norms first grow: listed here until the first power of norm at most 1
            Rational pp = Rational.of(rnd.nextInt(0, 4), 4);
            Rational rr = Rational.of(rnd.nextInt(0, 4), 4);
            RationalMatrix tri = RationalMatrix.ofRows(new Rational[][] {{pp, Rational.of(rnd.nextInt(1, 9))},
                {Rational.ZERO, rr}});
            Rational lambda = pp.max(rr).add(Rational.of(1, 4));
            Optional<PowerBound.LeastConstant> c = PowerBound.leastConstant(tri, lambda);
            assertTrue(c.isPresent());
            RationalMatrix scaled = tri.scale(lambda.reciprocal());
            Rational best = Rational.ONE;
            int at = 0;
            int t0 = 1;
            RationalMatrix power = scaled;
            while (power.normInf().compareTo(Rational.ONE) > 0) {
                if (power.normInf().compareTo(best) > 0) {
                    best = power.normInf();
                    at = t0;
                }
                power = power.multiply(scaled);
                t0++;
            }
            assertEquals(best, c.get().constant(), "sup_t ||(M/lambda)^t||");
            assertEquals(at, c.get().attainedAt());
            assertEquals(t0, c.get().t0());
            above += best.compareTo(Rational.ONE) > 0 ? 1 : 0;
            assertTrue(PowerBound.leastConstant(m, Rational.ZERO).isEmpty());
            assertTrue(PowerBound.leastConstant(RationalMatrix.identity(n), Rational.ONE).isEmpty(), "lambda = rho");
            // Neumann partial sums: sum_{t <= k} (H^T)^t b
            RationalVector b = RationalVector.of(distribution(rnd, n));
            List<RationalVector> sums = NeumannCertificate.partialSums(m, b, 4);
            RationalVector acc = RationalVector.zeros(n);
            for (int k = 0; k <= 4; k++) {
                acc = acc.add(m.transpose().pow(k).multiply(b));
                assertEquals(acc, sums.get(k));
            }
            // W^{-1} H W entrywise h_ij w_j / w_i
            RationalVector w = RationalVector.of(distribution(rnd, n)).addConstant(Rational.ONE);
            RationalMatrix conj = WeightedInfluence.conjugate(m, w);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(a[i][j].multiply(w.get(j)).divide(w.get(i)), conj.get(i, j));
                }
                assertEquals(b.get(i).multiply(w.get(i)), WeightedInfluence.weighted(b, w).get(i));
            }
        }
        assertTrue(above > 30, "constants above 1: " + above);
        assertThrows(IllegalArgumentException.class, () -> WeightedInfluence.conjugate(RationalMatrix.identity(1),
                RationalVector.of(Rational.ZERO)));
    }

    @Test
    void truncatedPoissonSumsArePowersOfTheKernel() {
        SplittableRandom rnd = new SplittableRandom(127);
        for (int t = 0; t < 60; t++) {
            int n = rnd.nextInt(1, 5);
            Rational[][] rows = kernel(rnd, n);
            JointKernel p = JointKernel.ofRows(JointSpace.of(n), rows);
            RationalMatrix pm = RationalMatrix.ofRows(rows);
            Rational[] r = distribution(rnd, n);
            Rational rbar = Rational.of(rnd.nextInt(0, 5), 7);
            TruncatedPoisson tp = TruncatedPoisson.of(p, r, rbar, 3);
            assertEquals(3, tp.maxKappa());
            // the definition: hhat_k = sum_{t <= k} P^t (r - rbar) - c
            RationalVector centred = RationalVector.of(r).addConstant(rbar.negate());
            RationalVector u = RationalVector.zeros(n);
            for (int k = 0; k <= 3; k++) {
                u = u.add(pm.pow(k).multiply(centred));
                Rational c = Rational.of(rnd.nextInt(-3, 4), 2);
                FractionVector hh = tp.surrogate(k, c);
                FractionVector h = FractionVector.of(distribution(rnd, n));
                Rational hi = null;
                Rational lo = null;
                for (int s = 0; s < n; s++) {
                    assertEquals(u.get(s).subtract(c), hh.get(s));
                    Rational diff = u.get(s).subtract(h.get(s));
                    hi = hi == null ? diff : hi.max(diff);
                    lo = lo == null ? diff : lo.min(diff);
                }
                assertEquals(hi.subtract(lo).multiply(Rational.HALF), tp.bias(k, h));
            }
        }
    }

    @Test
    void graphDistancesAreShortestPaths() {
        SplittableRandom rnd = new SplittableRandom(131);
        for (int t = 0; t < 100; t++) {
            int n = rnd.nextInt(1, 6);
            RationalMatrix[] ms = new RationalMatrix[3];
            for (int k = 0; k < 3; k++) {
                Rational[][] a = new Rational[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = rnd.nextInt(4) == 0 ? Rational.HALF : Rational.ZERO;
                    }
                }
                ms[k] = RationalMatrix.ofRows(a);
            }
            long inf = Integer.MAX_VALUE;
            long[][] und = new long[n][n];
            long[][] dir = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    boolean edge = false;
                    for (RationalMatrix m : ms) {
                        edge |= !m.get(i, j).isZero() || !m.get(j, i).isZero();
                    }
                    und[i][j] = i == j ? 0 : edge ? 1 : inf;
                    dir[i][j] = i == j ? 0 : !ms[0].get(j, i).isZero() ? 1 : inf;
                }
            }
            floyd(und);
            floyd(dir);
            int[][] gotU = InfluenceGraph.sparsityDistances(ms[0], ms[1], ms[2]);
            int[][] gotD = InfluenceGraph.supportDistances(ms[0]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(und[i][j], gotU[i][j], "undirected " + i + "-" + j);
                    assertEquals(dir[i][j], gotD[i][j], "directed " + i + "->" + j);
                }
            }
        }
    }

    private static void floyd(long[][] d) {
        int n = d.length;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] < Integer.MAX_VALUE && d[k][j] < Integer.MAX_VALUE) {
                        d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
                    }
                }
            }
        }
    }

    @Test
    void softmaxEnclosesBigMathsProbabilities() {
        MathContext mc = new MathContext(50);
        SplittableRandom rnd = new SplittableRandom(137);
        for (int t = 0; t < 40; t++) {
            int m = rnd.nextInt(1, 5);
            Rational[] u = new Rational[m];
            for (int a = 0; a < m; a++) {
                u[a] = Rational.of(rnd.nextInt(-8, 9), 2);
            }
            Rational tau = Rational.of(rnd.nextInt(1, 9), 4);
            RationalInterval[] p = Softmax.probabilities(u, tau, 80);
            RationalInterval total = RationalInterval.point(Rational.ZERO);
            for (int a = 0; a < m; a++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int b = 0; b < m; b++) {
                    Rational x = u[b].subtract(u[a]).divide(tau);
                    sum = sum.add(BigDecimalMath.exp(new BigDecimal(x.numerator()).divide(new BigDecimal(x.denominator()),
                            mc), mc));
                }
                BigDecimal expected = BigDecimal.ONE.divide(sum, mc);
                Rational e = Rational.parse(expected.toPlainString());
                Rational slack = Rational.of(1, 1).divide(Rational.of(10).pow(45));
                assertTrue(p[a].lower().compareTo(e.add(slack)) <= 0 && e.subtract(slack).compareTo(p[a].upper()) <= 0,
                        "p_" + a + " = " + expected + " in " + p[a]);
                // the ends are rounded outward to multiples of 2^-88 (bits + 8): two such steps, plus the exps' own width
                Rational bound = Rational.TWO.divide(Rational.TWO.pow(88)).add(p[a].upper().divide(Rational.TWO.pow(70)));
                assertTrue(p[a].width().compareTo(bound) <= 0, "width of p_" + a + ": " + p[a].width().doubleValue());
                total = total.add(p[a]);
            }
            assertTrue(total.contains(Rational.ONE), "the probabilities sum to 1: " + total);
        }
        assertThrows(IllegalArgumentException.class, () -> Softmax.probabilities(new Rational[] {Rational.ONE},
                Rational.ZERO, 10));
    }
}
