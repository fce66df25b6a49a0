package org.localitycheck.quantity;

import java.util.Arrays;
import org.localitycheck.arith.Exp;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Log;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * One block KL-prox update of Sec. 5 / App. D.3 for agent k, at every joint state s:
 * g_k(s, b) = E_{a_{-k} ~ pi_{-k}(.|s)} Ahat(s, (b, a_{-k})) with the surrogate advantage of hhat, and
 * pi_k^new(b | s) = q(b|s) exp(g_k(s,b)/tau) / Z(s), Z(s) = sum_c q(c|s) exp(g_k(s,c)/tau), q = pi_k, computed as
 * q_b / sum_c q_c exp((g_c - g_b)/tau) (one exp per pair of actions) and log Z = g_b/tau + log of that sum. The baseline q and
 * the logits g may be exact (a tabular policy) or enclosed (a policy after earlier updates); the new probabilities,
 * Z, log Z and KL(pi_k^new || q) = &lt;pi_k^new, g&gt;/tau - log Z are enclosures. An entry with q exactly 0 stays 0.
 */
public final class KlProxUpdate {
    private final RationalInterval[][] logits; // [s][b]
    private final RationalInterval[][] next; // [s][b]
    private final RationalInterval[] logZ; // [s]
    private final RationalInterval[] kl; // [s]

    private KlProxUpdate(RationalInterval[][] logits, RationalInterval[][] next, RationalInterval[] logZ,
            RationalInterval[] kl) {
        this.logits = logits;
        this.next = next;
        this.logZ = logZ;
        this.kl = kl;
    }

    /** g_k(s, .) for every s, exactly, for a tabular policy. */
    public static Rational[][] logits(Instance inst, int k, FractionVector hhat, Rational averageReward) {
        TabularPolicy pol = inst.tabularPolicy("KlProxUpdate");
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int m = ac.localSize(k);
        Rational[][] g = new Rational[st.size()][m];
        for (int s = 0; s < st.size(); s++) {
            Arrays.fill(g[s], Rational.ZERO);
            for (int a = 0; a < ac.size(); a++) {
                Rational w = pol.weight(ac, s, a, k);
                if (!w.isZero()) {
                    int b = ac.digit(a, k);
                    g[s][b] = g[s][b].add(w.multiply(Advantage.at(inst, averageReward, hhat, s, a)));
                }
            }
        }
        return g;
    }

    /**
     * g_k(s, .) for the policy of an enclosed chain, up to one unknown constant per state (neither the update nor the
     * KL sees it), with hhat_kappa = u_kappa - (kappa+1) rbar (c_kappa = 0). Write u = u~ + du (|du| &lt;= the chain's
     * radius for u_kappa), w, w~ for the weights of a_{-k} under pi and pi~, and A~ for the exact advantage at pi~.
     * With a reference action a0 at s, Ahat(s, a) = A~(s, a) + O_s + e(s, a): O_s = -(rbar - rbar~) +
     * sum_y P(y|s, a0) du(y) - du(s) is common to every a, and e(s, a) = sum_y (P(y|s, a) - P(y|s, a0)) du(y) has
     * |e| &lt;= ||P(.|s, a) - P(.|s, a0)||_1 |du| (the difference sums to 0). Then g(s, b) - O_s = sum w~ A~ +
     * sum (w - w~) A~ + sum w e, and since sum (w - w~) = 0 the middle term is at most ||w - w~||_1 (max - min)/2 of
     * A~(s, (b, .)), with ||w - w~||_1 &lt;= sum_{j != k} ||pi_j - pi~_j||_1. Where the kernel does not see the actions
     * and the other agents' rows are exact, the result is exact.
     */
    public static RationalInterval[][] logits(IntervalPolicyChain chain, int k, int kappa) {
        PolicyEnclosure pe = chain.policy();
        Instance approx = pe.pointInstance();
        FractionVector u = chain.pointPartialSum(kappa);
        Rational du = chain.partialSumRadius(kappa);
        Rational rbar = chain.pointSolution().averageReward();
        JointSpace st = approx.states();
        JointSpace ac = approx.actions();
        TabularPolicy pol = approx.tabularPolicy("KlProxUpdate.logits");
        int m = ac.localSize(k);
        RationalInterval[][] out = new RationalInterval[st.size()][m];
        for (int s = 0; s < st.size(); s++) {
            Rational wDist = Rational.ZERO;
            for (int j = 0; j < ac.coordinates(); j++) {
                if (j != k) {
                    wDist = wDist.add(pe.agentDistance(j, s));
                }
            }
            Rational[][] next = du.signum() > 0 ? new Rational[ac.size()][] : null;
            Rational[] center = new Rational[m];
            Rational[] hi = new Rational[m];
            Rational[] lo = new Rational[m];
            Rational[] eMax = new Rational[m];
            Arrays.fill(center, Rational.ZERO);
            Arrays.fill(eMax, Rational.ZERO);
            for (int a = 0; a < ac.size(); a++) {
                int b = ac.digit(a, k);
                Rational adv = Advantage.at(approx, rbar, u, s, a);
                hi[b] = hi[b] == null ? adv : hi[b].max(adv);
                lo[b] = lo[b] == null ? adv : lo[b].min(adv);
                Rational w = pol.weight(ac, s, a, k);
                center[b] = center[b].add(w.multiply(adv));
                if (next != null) {
                    next[a] = Advantage.nextState(approx, s, a);
                    eMax[b] = eMax[b].max(TotalVariation.of(next[a], next[0]).multiply(Rational.TWO).multiply(du));
                }
            }
            for (int b = 0; b < m; b++) {
                Rational radius = eMax[b].add(wDist.multiply(hi[b].subtract(lo[b])).multiply(Rational.HALF));
                out[s][b] = RationalInterval.of(center[b].subtract(radius), center[b].add(radius));
            }
        }
        return out;
    }

    /** The update of agent k of a tabular policy with exact logits. */
    public static KlProxUpdate of(Instance inst, int k, Rational[][] g, Rational tau, int bits) {
        TabularPolicy pol = inst.tabularPolicy("KlProxUpdate");
        RationalInterval[][] q = new RationalInterval[g.length][];
        RationalInterval[][] gi = new RationalInterval[g.length][];
        for (int s = 0; s < g.length; s++) {
            q[s] = new RationalInterval[g[s].length];
            gi[s] = new RationalInterval[g[s].length];
            for (int b = 0; b < g[s].length; b++) {
                q[s][b] = RationalInterval.point(pol.prob(k, s, b));
                gi[s][b] = RationalInterval.point(g[s][b]);
            }
        }
        return of(q, gi, tau, bits);
    }

    /** The update of baseline rows q[s][b] with logits g[s][b], both enclosed. */
    public static KlProxUpdate of(RationalInterval[][] q, RationalInterval[][] g, Rational tau, int bits) {
        int ns = g.length;
        Rational inv = tau.reciprocal();
        RationalInterval[][] next = new RationalInterval[ns][];
        RationalInterval[] logZ = new RationalInterval[ns];
        RationalInterval[] kl = new RationalInterval[ns];
        for (int s = 0; s < ns; s++) {
            int m = g[s].length;
            next[s] = new RationalInterval[m];
            int only = singleSupport(q[s]);
            if (only >= 0) {
                // one action has all the mass: p* = q = that vertex exactly, Z = e^{g/tau}, KL = 0
                for (int b = 0; b < m; b++) {
                    next[s][b] = RationalInterval.point(b == only ? Rational.ONE : Rational.ZERO);
                }
                logZ[s] = g[s][only].multiply(inv);
                kl[s] = RationalInterval.point(Rational.ZERO);
                continue;
            }
            Rational constant = constantOnSupport(q[s], g[s]);
            if (constant != null) {
                // g(s, .) is one exact number c on the support: p* = q exactly, Z = e^{c/tau}, KL = 0
                for (int b = 0; b < m; b++) {
                    next[s][b] = q[s][b];
                }
                logZ[s] = RationalInterval.point(constant.multiply(inv));
                kl[s] = RationalInterval.point(Rational.ZERO);
                continue;
            }
            // ratio[b][c] = exp((g_c - g_b)/tau), one exp per pair of the support, the other way by its reciprocal
            RationalInterval[][] ratio = new RationalInterval[m][m];
            int star = -1;
            for (int b = 0; b < m; b++) {
                if (q[s][b].upper().signum() == 0) {
                    continue;
                }
                if (star < 0 || g[s][b].upper().compareTo(g[s][star].upper()) > 0) {
                    star = b;
                }
                ratio[b][b] = RationalInterval.point(Rational.ONE);
                for (int c = 0; c < b; c++) {
                    if (q[s][c].upper().signum() != 0) {
                        ratio[c][b] = Exp.exp(g[s][b].subtract(g[s][c]).multiply(inv), bits);
                        ratio[b][c] = ratio[c][b].reciprocal();
                    }
                }
            }
            RationalInterval[] den = new RationalInterval[m];
            RationalInterval inner = RationalInterval.point(Rational.ZERO); // <p*, g>/tau
            for (int b = 0; b < m; b++) {
                if (q[s][b].upper().signum() == 0) {
                    next[s][b] = RationalInterval.point(Rational.ZERO);
                    continue;
                }
                // p*_b = q_b / sum_c q_c exp((g_c - g_b)/tau)
                den[b] = RationalInterval.point(Rational.ZERO);
                for (int c = 0; c < m; c++) {
                    if (q[s][c].upper().signum() != 0) {
                        den[b] = den[b].add(ratio[b][c].multiply(q[s][c]));
                    }
                }
                next[s][b] = den[b].reciprocal().multiply(q[s][b]).roundOutward(bits + 8);
                inner = inner.add(next[s][b].multiply(g[s][b].multiply(inv)));
            }
            // Z = exp(g_b/tau) den_b for every b of the support; b = the largest logit keeps den_b near 1
            logZ[s] = g[s][star].multiply(inv).add(Log.log(den[star], bits));
            kl[s] = inner.subtract(logZ[s]);
            if (kl[s].lower().signum() < 0) {
                kl[s] = RationalInterval.of(Rational.ZERO, kl[s].upper().max(Rational.ZERO)); // KL >= 0
            }
        }
        RationalInterval[][] gc = new RationalInterval[ns][];
        for (int s = 0; s < ns; s++) {
            gc[s] = g[s].clone();
        }
        return new KlProxUpdate(gc, next, logZ, kl);
    }

    /** The one action of q's support when the support (entries not exactly 0) has one element, else -1. */
    private static int singleSupport(RationalInterval[] q) {
        int only = -1;
        for (int b = 0; b < q.length; b++) {
            if (q[b].upper().signum() != 0) {
                if (only >= 0) {
                    return -1;
                }
                only = b;
            }
        }
        return only;
    }

    /** The exact value of g on the support of q when it is one point there, else null. */
    private static Rational constantOnSupport(RationalInterval[] q, RationalInterval[] g) {
        Rational c = null;
        for (int b = 0; b < q.length; b++) {
            if (q[b].upper().signum() == 0) {
                continue;
            }
            if (!g[b].isPoint() || c != null && !c.equals(g[b].lower())) {
                return null;
            }
            c = g[b].lower();
        }
        return c;
    }

    /** g_k(s, b), as given. */
    public RationalInterval logit(int s, int b) {
        return logits[s][b];
    }

    /** pi_k^new(b | s). */
    public RationalInterval next(int s, int b) {
        return next[s][b];
    }

    public RationalInterval[][] nextTable() {
        RationalInterval[][] c = new RationalInterval[next.length][];
        for (int s = 0; s < next.length; s++) {
            c[s] = next[s].clone();
        }
        return c;
    }

    public RationalInterval logZ(int s) {
        return logZ[s];
    }

    /** KL(pi_k^new(.|s) || pi_k(.|s)). */
    public RationalInterval kl(int s) {
        return kl[s];
    }

    /** KL(pi_k^new(.|s) || pi_k(.|s)) for every s. */
    public RationalInterval[] kl() {
        return kl.clone();
    }
}
