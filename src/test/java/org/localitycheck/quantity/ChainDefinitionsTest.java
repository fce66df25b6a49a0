package org.localitycheck.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;
import org.localitycheck.search.Families;

/**
 * Chain quantities against their definitions, evaluated here by brute force from the instance's tables: the joint
 * kernel P(y | s) = sum_a prod_k pi_k(a_k | s) prod_j P_j(y_j | s, a), the stationary distribution and Poisson
 * equation (d P = d, sum d = 1, h + rbar = r^pi + P h, d . h = 0), closed classes by reachability, App. B.6's
 * asynchronous kernel and influence matrix, the advantage and the KL-prox logits of App. D, and the KL-prox update
 * pi' proportional to pi exp(g / tau) with its KL divergence by big-math. Instances: the suite's random families.
 */
class ChainDefinitionsTest {
    private static Instance instance(long seed) {
        String family = Families.GENERAL.get((int) (seed % Families.GENERAL.size()));
        return Families.generate(family, seed).instance();
    }

    /** P(y | s) from the tables. */
    private static Rational[][] jointKernel(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("test");
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        Rational[][] p = new Rational[st.size()][st.size()];
        for (int s = 0; s < st.size(); s++) {
            for (int y = 0; y < st.size(); y++) {
                Rational sum = Rational.ZERO;
                for (int a = 0; a < ac.size(); a++) {
                    Rational w = Rational.ONE;
                    for (int k = 0; k < ac.coordinates(); k++) {
                        w = w.multiply(pol.prob(k, s, ac.digit(a, k)));
                    }
                    for (int j = 0; j < st.coordinates(); j++) {
                        w = w.multiply(inst.kernel().get(j, s, a, st.digit(y, j)));
                    }
                    sum = sum.add(w);
                }
                p[s][y] = sum;
            }
        }
        return p;
    }

    private static Rational[] rewardUnderPolicy(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("test");
        JointSpace ac = inst.actions();
        Rational[] r = new Rational[inst.states().size()];
        for (int s = 0; s < r.length; s++) {
            Rational sum = Rational.ZERO;
            for (int a = 0; a < ac.size(); a++) {
                Rational w = Rational.ONE;
                for (int k = 0; k < ac.coordinates(); k++) {
                    w = w.multiply(pol.prob(k, s, ac.digit(a, k)));
                }
                sum = sum.add(w.multiply(inst.reward(s, a)));
            }
            r[s] = sum;
        }
        return r;
    }

    /** The number of closed classes: states from which every reachable state reaches back, grouped. */
    private static int closedClasses(Rational[][] p) {
        int n = p.length;
        boolean[][] reach = new boolean[n][n];
        for (int s = 0; s < n; s++) {
            reach[s][s] = true;
            for (int y = 0; y < n; y++) {
                reach[s][y] |= !p[s][y].isZero();
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    reach[i][j] |= reach[i][k] && reach[k][j];
                }
            }
        }
        int classes = 0;
        boolean[] seen = new boolean[n];
        for (int s = 0; s < n; s++) {
            boolean closed = true;
            for (int y = 0; y < n; y++) {
                closed &= !reach[s][y] || reach[y][s];
            }
            if (closed && !seen[s]) {
                classes++;
                for (int y = 0; y < n; y++) {
                    seen[y] |= reach[s][y];
                }
            }
        }
        return classes;
    }

    @Test
    void theClosedLoopKernelPoissonSolutionAndClassesMeetTheirDefinitions() {
        int unichain = 0;
        int multichain = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Instance inst = instance(seed);
            Rational[][] p = jointKernel(inst);
            Rational[] r = rewardUnderPolicy(inst);
            ClosedLoop loop = ClosedLoop.of(inst);
            JointKernel k = loop.jointKernel();
            int n = p.length;
            for (int s = 0; s < n; s++) {
                for (int y = 0; y < n; y++) {
                    assertEquals(p[s][y], k.get(s, y), inst.name() + " P(" + y + "|" + s + ")");
                }
                assertEquals(r[s], loop.rewardUnderPolicy()[s], "r^pi");
            }
            int classes = closedClasses(p);
            assertEquals(classes, RecurrentClasses.count(k), inst.name());
            assertEquals(classes > 1, RecurrentClasses.isMultichain(k));
            Optional<PoissonSolution> sol = PoissonSolution.of(k, r);
            assertEquals(classes == 1, sol.isPresent());
            if (sol.isEmpty()) {
                multichain++;
                continue;
            }
            unichain++;
            FractionVector d = sol.get().stationary();
            FractionVector h = sol.get().poisson();
            Rational rbar = sol.get().averageReward();
            Rational total = Rational.ZERO;
            Rational dh = Rational.ZERO;
            Rational dr = Rational.ZERO;
            boolean[] recurrent = RecurrentClasses.recurrent(k);
            for (int y = 0; y < n; y++) {
                Rational dp = Rational.ZERO;
                for (int s = 0; s < n; s++) {
                    dp = dp.add(d.get(s).multiply(p[s][y]));
                }
                assertEquals(d.get(y), dp, "d P = d");
                assertTrue(d.get(y).signum() >= 0);
                assertEquals(d.get(y).signum() > 0, recurrent[y], "d is positive exactly on the closed class");
                total = total.add(d.get(y));
                dh = dh.add(d.get(y).multiply(h.get(y)));
                dr = dr.add(d.get(y).multiply(r[y]));
            }
            assertEquals(Rational.ONE, total);
            assertEquals(Rational.ZERO, dh, "d . h = 0");
            assertEquals(dr, rbar, "rbar = d . r^pi");
            for (int s = 0; s < n; s++) {
                Rational ph = Rational.ZERO;
                for (int y = 0; y < n; y++) {
                    ph = ph.add(p[s][y].multiply(h.get(y)));
                }
                assertEquals(r[s].add(ph), h.get(s).add(rbar), "h + rbar = r + P h at " + s);
            }
        }
        assertTrue(unichain > 20 && multichain > 0, unichain + " unichain and " + multichain + " multichain instances");
    }

    @Test
    void theAsynchronousChainIsOneAgentMovingAtATime() {
        for (long seed = 1; seed <= 30; seed++) {
            Instance inst = instance(seed);
            int n = inst.agentCount();
            ClosedLoop loop = ClosedLoop.of(inst);
            JointSpace st = inst.states();
            Rational[] nu = new Rational[n];
            for (int j = 0; j < n; j++) {
                nu[j] = Rational.of(j + 1, n * (n + 1) / 2); // positive, summing to 1
            }
            RationalVector nv = RationalVector.of(nu);
            JointKernel kk = AsynchronousChain.kernel(loop, nv);
            for (int s = 0; s < st.size(); s++) {
                for (int y = 0; y < st.size(); y++) {
                    // K(y | s) = sum_j nu_j [y_{-j} = s_{-j}] P^pi_j(y_j | s)
                    Rational expected = Rational.ZERO;
                    for (int j = 0; j < n; j++) {
                        boolean others = true;
                        for (int i = 0; i < n; i++) {
                            others &= i == j || st.digit(y, i) == st.digit(s, i);
                        }
                        if (others) {
                            expected = expected.add(nu[j].multiply(loop.marginal(j, s)[st.digit(y, j)]));
                        }
                    }
                    assertEquals(expected, kk.get(s, y), "K(" + y + "|" + s + ")");
                }
            }
            RationalMatrix h = RationalMatrix.identity(n).scale(Rational.HALF);
            RationalMatrix m = AsynchronousChain.influence(h, nv);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    Rational expected = (i == j ? Rational.ONE.subtract(nu[i]) : Rational.ZERO)
                            .add(nu[i].multiply(h.get(i, j)));
                    assertEquals(expected, m.get(i, j));
                }
            }
            Rational[] bad = nu.clone();
            bad[0] = Rational.ZERO;
            assertThrows(IllegalArgumentException.class, () -> AsynchronousChain.kernel(loop, RationalVector.of(bad)));
            assertThrows(IllegalArgumentException.class, () -> AsynchronousChain.kernel(loop,
                    RationalVector.of(nv.scale(Rational.TWO).toArray())));
        }
    }

    /** A(s, a) = r(s, a) - rbar + sum_y P(y | s, a) v(y) - v(s), P(y | s, a) = prod_j P_j(y_j | s, a). */
    private static Rational advantage(Instance inst, Rational rbar, FractionVector v, int s, int a) {
        JointSpace st = inst.states();
        Rational e = Rational.ZERO;
        for (int y = 0; y < st.size(); y++) {
            Rational q = Rational.ONE;
            for (int j = 0; j < st.coordinates(); j++) {
                q = q.multiply(inst.kernel().get(j, s, a, st.digit(y, j)));
            }
            e = e.add(q.multiply(v.get(y)));
        }
        return inst.reward(s, a).subtract(rbar).add(e).subtract(v.get(s));
    }

    @Test
    void klProxLogitsAndUpdatesMeetTheirDefinitions() {
        MathContext mc = new MathContext(50);
        SplittableRandom rnd = new SplittableRandom(149);
        for (long seed = 1; seed <= 20; seed++) {
            Instance inst = instance(seed);
            TabularPolicy pol = inst.tabularPolicy("test");
            JointSpace st = inst.states();
            JointSpace ac = inst.actions();
            Rational[] v = new Rational[st.size()];
            for (int s = 0; s < v.length; s++) {
                v[s] = Rational.of(rnd.nextInt(-6, 7), rnd.nextInt(1, 4));
            }
            FractionVector hv = FractionVector.of(v);
            Rational rbar = Rational.of(rnd.nextInt(-3, 4), 5);
            int k = rnd.nextInt(inst.agentCount());
            Rational[][] g = KlProxUpdate.logits(inst, k, hv, rbar);
            for (int s = 0; s < st.size(); s++) {
                Rational[] expected = new Rational[ac.localSize(k)];
                Arrays.fill(expected, Rational.ZERO);
                for (int a = 0; a < ac.size(); a++) {
                    Rational w = Rational.ONE;
                    for (int j = 0; j < ac.coordinates(); j++) {
                        if (j != k) {
                            w = w.multiply(pol.prob(j, s, ac.digit(a, j)));
                        }
                    }
                    assertEquals(advantage(inst, rbar, hv, s, a), Advantage.at(inst, rbar, hv, s, a));
                    int b = ac.digit(a, k);
                    expected[b] = expected[b].add(w.multiply(advantage(inst, rbar, hv, s, a)));
                }
                for (int b = 0; b < expected.length; b++) {
                    assertEquals(expected[b], g[s][b], "g_" + k + "(" + s + ", " + b + ")");
                }
            }
            Rational tau = Rational.of(rnd.nextInt(1, 5), 2);
            KlProxUpdate up = KlProxUpdate.of(inst, k, g, tau, 120);
            for (int s = 0; s < st.size(); s++) {
                // pi'(b) = pi(b) exp(g(b)/tau) / Z; KL = sum_b pi'(b) log(pi'(b) / pi(b)), by big-math
                int m = ac.localSize(k);
                BigDecimal[] weight = new BigDecimal[m];
                BigDecimal z = BigDecimal.ZERO;
                for (int b = 0; b < m; b++) {
                    Rational x = g[s][b].divide(tau);
                    weight[b] = decimal(pol.prob(k, s, b), mc).multiply(BigDecimalMath.exp(decimal(x, mc), mc), mc);
                    z = z.add(weight[b], mc);
                }
                BigDecimal kl = BigDecimal.ZERO;
                RationalInterval total = RationalInterval.point(Rational.ZERO);
                for (int b = 0; b < m; b++) {
                    BigDecimal next = weight[b].divide(z, mc);
                    assertNear(up.next(s, b), next, "pi'(" + b + "|" + s + ")");
                    total = total.add(up.next(s, b));
                    if (next.signum() > 0) {
                        kl = kl.add(next.multiply(BigDecimalMath.log(next.divide(decimal(pol.prob(k, s, b), mc), mc), mc), mc), mc);
                    }
                    assertEquals(RationalInterval.point(g[s][b]), up.logit(s, b));
                }
                assertTrue(total.contains(Rational.ONE), "pi'(.|" + s + ") sums to 1: " + total);
                assertNear(up.kl(s), kl, "KL at " + s);
                assertEquals(up.kl(s), up.kl()[s]);
                assertNear(up.logZ(s), BigDecimalMath.log(z, mc), "log Z at " + s);
            }
        }
    }

    private static BigDecimal decimal(Rational x, MathContext mc) {
        return new BigDecimal(x.numerator()).divide(new BigDecimal(x.denominator()), mc);
    }

    /** e holds the 50-digit value within 1e-40 and is narrower than 1e-20 (both absolute: values are O(1)). */
    private static void assertNear(RationalInterval e, BigDecimal value, String what) {
        Rational v = Rational.parse(value.round(new MathContext(45)).toPlainString());
        Rational slack = Rational.of(1, 1).divide(Rational.of(10).pow(40));
        assertTrue(e.lower().compareTo(v.add(slack)) <= 0 && v.subtract(slack).compareTo(e.upper()) <= 0,
                what + ": " + e.lower().doubleValue() + " .. " + e.upper().doubleValue() + " vs " + value);
        assertTrue(e.width().compareTo(Rational.of(1, 1).divide(Rational.of(10).pow(20))) < 0, what + ": too wide");
        assertFalse(e.lower().compareTo(e.upper()) > 0);
    }
}
