package org.localitycheck.quantity;

import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The chain of a product policy known by enclosures of its rows, for instance after a KL-prox update. A rational
 * policy pi~ is taken inside the rows (lower ends, the slack on the largest entry), its stationary distribution d~
 * and fundamental matrix Z~ = (I - P~ + 1 d~^T)^{-1} are computed exactly, and the true d is enclosed by
 * d - d~ = d^T E Z~ with E = P - P~ (the identity (d - d~)^T (I - P~ + 1 d~^T) = d^T (P - P~)), so
 * |d_s - d~_s| &lt;= ||E||_inf max_t |Z~_{ts}|, and ||E||_inf &lt;= max_s sum_k ||mu_k(.|s) - pi~_k(.|s)||_1 by the product
 * coupling. Everything but the projection is exact. The caller's rows must have the zero pattern of the chain it
 * describes (true of KL-prox updates), so that transient states, where d is exactly 0, are found on the support.
 */
public final class IntervalPolicyChain {
    private final RationalInterval[] stationary;
    private final RationalInterval[] rewardUnderPolicy;

    private IntervalPolicyChain(RationalInterval[] stationary, RationalInterval[] rewardUnderPolicy) {
        this.stationary = stationary;
        this.rewardUnderPolicy = rewardUnderPolicy;
    }

    /** rows[k][s][b] enclose mu_k(b|s). Empty when the chain of pi~ is multichain. */
    public static Optional<IntervalPolicyChain> of(Instance inst, RationalInterval[][][] rows) {
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = inst.agentCount();
        Rational[][][] tilde = new Rational[n][st.size()][];
        Rational eNorm = Rational.ZERO;
        for (int s = 0; s < st.size(); s++) {
            Rational rowDist = Rational.ZERO;
            for (int k = 0; k < n; k++) {
                RationalInterval[] r = rows[k][s];
                int star = 0;
                for (int b = 1; b < r.length; b++) {
                    if (r[b].upper().compareTo(r[star].upper()) > 0) {
                        star = b;
                    }
                }
                Rational[] p = new Rational[r.length];
                Rational rest = Rational.ZERO;
                Rational widths = Rational.ZERO;
                for (int b = 0; b < r.length; b++) {
                    if (b != star) {
                        // positive exactly where the enclosure's upper end is (the true support), inside the enclosure
                        p[b] = r[b].lower().signum() > 0 ? r[b].lower()
                                : r[b].upper().signum() > 0 ? r[b].upper().multiply(Rational.HALF) : Rational.ZERO;
                        rest = rest.add(p[b]);
                        widths = widths.add(r[b].upper().subtract(r[b].lower().max(Rational.ZERO)));
                    }
                }
                p[star] = Rational.ONE.subtract(rest);
                if (p[star].signum() < 0) {
                    throw new ArithmeticException("IntervalPolicyChain: row enclosures too wide at agent " + k + ", state " + s);
                }
                tilde[k][s] = p;
                rowDist = rowDist.add(widths.multiply(Rational.TWO)); // ||mu_k - pi~_k||_1 <= 2 sum_{b != star} width
            }
            eNorm = eNorm.max(rowDist);
        }
        // an updated row may depend on the whole state (Sec. 5's g_k(s, .)), so the projection observes everything
        java.util.List<org.localitycheck.model.Agent> full = new java.util.ArrayList<>();
        for (org.localitycheck.model.Agent ag : inst.agents()) {
            full.add(org.localitycheck.model.Agent.of(ag.states(), ag.actions()));
        }
        Instance approx = Instance.of(inst.name(), full, inst.kernel(), TabularPolicy.of(tilde, full, st), inst.rewardTable());
        ClosedLoop loop = ClosedLoop.of(approx);
        JointKernel p = loop.jointKernel();
        Optional<PoissonSolution> sol = PoissonSolution.of(p, loop.rewardUnderPolicy());
        if (sol.isEmpty()) {
            return Optional.empty();
        }
        FractionVector d = sol.get().stationary();
        int size = st.size();
        Rational[][] a = new Rational[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                a[i][j] = (i == j ? Rational.ONE : Rational.ZERO).subtract(p.get(i, j)).add(d.get(j));
            }
        }
        RationalMatrix z = RationalMatrix.ofRows(a).inverse();
        // the updated rows keep every zero of the old ones and no others (exp is positive), so P and P~ have the same
        // support: a state transient for P~ is transient for P, where d vanishes exactly
        boolean[] recurrent = RecurrentClasses.recurrent(p);
        // d lives on the closed class; if the rows there are known exactly, P = P~ on it and d = d~ exactly
        boolean exactOnClass = true;
        for (int s = 0; s < size && exactOnClass; s++) {
            for (int k = 0; k < n && recurrent[s]; k++) {
                for (RationalInterval x : rows[k][s]) {
                    exactOnClass &= x.isPoint();
                }
            }
        }
        if (exactOnClass) {
            eNorm = Rational.ZERO;
        }
        RationalInterval[] dEnc = new RationalInterval[size];
        for (int s = 0; s < size; s++) {
            if (!recurrent[s]) {
                dEnc[s] = RationalInterval.point(Rational.ZERO);
                continue;
            }
            Rational col = Rational.ZERO;
            for (int t = 0; t < size; t++) {
                col = col.max(z.get(t, s).abs());
            }
            Rational err = eNorm.multiply(col);
            dEnc[s] = RationalInterval.of(d.get(s).subtract(err).max(Rational.ZERO), d.get(s).add(err).min(Rational.ONE));
        }
        RationalInterval[] rEnc = new RationalInterval[size];
        for (int s = 0; s < size; s++) {
            RationalInterval acc = RationalInterval.point(Rational.ZERO);
            for (int x = 0; x < ac.size(); x++) {
                RationalInterval w = RationalInterval.point(Rational.ONE);
                for (int k = 0; k < n; k++) {
                    w = w.multiply(rows[k][s][ac.digit(x, k)]);
                }
                acc = acc.add(w.multiply(inst.reward(s, x)));
            }
            rEnc[s] = acc;
        }
        return Optional.of(new IntervalPolicyChain(dEnc, rEnc));
    }

    /** The rows of a tabular policy as point intervals. */
    public static RationalInterval[][][] rowsOf(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("IntervalPolicyChain.rowsOf");
        int n = inst.agentCount();
        RationalInterval[][][] r = new RationalInterval[n][inst.states().size()][];
        for (int k = 0; k < n; k++) {
            for (int s = 0; s < r[k].length; s++) {
                Rational[] row = pol.row(k, s);
                r[k][s] = new RationalInterval[row.length];
                for (int b = 0; b < row.length; b++) {
                    r[k][s][b] = RationalInterval.point(row[b]);
                }
            }
        }
        return r;
    }

    public RationalInterval stationary(int s) {
        return stationary[s];
    }

    /** E_{S ~ d}[f(S)] for f enclosed statewise. */
    public RationalInterval expectation(RationalInterval[] f) {
        RationalInterval acc = RationalInterval.point(Rational.ZERO);
        for (int s = 0; s < f.length; s++) {
            acc = acc.add(stationary[s].multiply(f[s]));
        }
        return acc;
    }

    /** The average reward E_{d, mu}[r]. */
    public RationalInterval averageReward() {
        return expectation(rewardUnderPolicy);
    }
}
