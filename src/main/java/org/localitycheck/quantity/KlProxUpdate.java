package org.localitycheck.quantity;

import org.localitycheck.arith.Exp;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Log;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * One block KL-prox update of Sec. 5 / App. D.3 for agent k of a tabular policy pi, at every joint state s:
 * g_k(s, b) = E_{a_{-k} ~ pi_{-k}(.|s)} Ahat(s, (b, a_{-k})) with the surrogate advantage of hhat, and
 * pi_k^new(b | s) = pi_k(b|s) exp(g_k(s,b)/tau) / Z(s), Z(s) = sum_c pi_k(c|s) exp(g_k(s,c)/tau). The logits g are
 * exact rationals; the new probabilities, Z, log Z and KL(pi_k^new || pi_k) are enclosures.
 */
public final class KlProxUpdate {
    private final Rational[][] g; // [s][b]
    private final RationalInterval[][] next; // [s][b]
    private final RationalInterval[] logZ; // [s]
    private final RationalInterval[] kl; // [s]

    private KlProxUpdate(Rational[][] g, RationalInterval[][] next, RationalInterval[] logZ, RationalInterval[] kl) {
        this.g = g;
        this.next = next;
        this.logZ = logZ;
        this.kl = kl;
    }

    /** g_k(s, .) for every s, exactly. */
    public static Rational[][] logits(Instance inst, int k, FractionVector hhat, Rational averageReward) {
        TabularPolicy pol = inst.tabularPolicy("KlProxUpdate");
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int m = ac.localSize(k);
        Rational[][] g = new Rational[st.size()][m];
        for (int s = 0; s < st.size(); s++) {
            java.util.Arrays.fill(g[s], Rational.ZERO);
            for (int a = 0; a < ac.size(); a++) {
                Rational w = Rational.ONE;
                for (int j = 0; j < ac.coordinates() && !w.isZero(); j++) {
                    if (j != k) {
                        w = w.multiply(pol.prob(j, s, ac.digit(a, j)));
                    }
                }
                if (!w.isZero()) {
                    int b = ac.digit(a, k);
                    g[s][b] = g[s][b].add(w.multiply(Advantage.at(inst, averageReward, hhat, s, a)));
                }
            }
        }
        return g;
    }

    public static KlProxUpdate of(Instance inst, int k, Rational[][] g, Rational tau, int bits) {
        TabularPolicy pol = inst.tabularPolicy("KlProxUpdate");
        int ns = g.length;
        int m = g[0].length;
        RationalInterval[][] next = new RationalInterval[ns][m];
        RationalInterval[] logZ = new RationalInterval[ns];
        RationalInterval[] kl = new RationalInterval[ns];
        for (int s = 0; s < ns; s++) {
            RationalInterval z = RationalInterval.point(Rational.ZERO);
            RationalInterval[] e = new RationalInterval[m];
            for (int b = 0; b < m; b++) {
                e[b] = Exp.exp(g[s][b].divide(tau), bits);
                z = z.add(e[b].multiply(pol.prob(k, s, b)));
            }
            RationalInterval inner = RationalInterval.point(Rational.ZERO); // <p*, g>/tau
            for (int b = 0; b < m; b++) {
                Rational q = pol.prob(k, s, b);
                if (q.isZero()) {
                    next[s][b] = RationalInterval.point(Rational.ZERO);
                    continue;
                }
                // p*_b = q_b / sum_c q_c exp((g_c - g_b)/tau)
                RationalInterval den = RationalInterval.point(Rational.ZERO);
                for (int c = 0; c < m; c++) {
                    Rational qc = pol.prob(k, s, c);
                    if (!qc.isZero()) {
                        den = den.add(Exp.exp(g[s][c].subtract(g[s][b]).divide(tau), bits).multiply(qc));
                    }
                }
                next[s][b] = den.reciprocal().multiply(q).roundOutward(bits + 8);
                inner = inner.add(next[s][b].multiply(g[s][b].divide(tau)));
            }
            logZ[s] = RationalInterval.of(Log.log(z.lower(), bits).lower(), Log.log(z.upper(), bits).upper());
            kl[s] = inner.subtract(logZ[s]);
            if (kl[s].lower().signum() < 0) {
                kl[s] = RationalInterval.of(Rational.ZERO, kl[s].upper().max(Rational.ZERO)); // KL >= 0
            }
        }
        return new KlProxUpdate(g, next, logZ, kl);
    }

    public Rational[][] logits() {
        Rational[][] c = new Rational[g.length][];
        for (int s = 0; s < g.length; s++) {
            c[s] = g[s].clone();
        }
        return c;
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
}
