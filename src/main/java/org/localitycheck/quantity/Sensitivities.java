package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The sensitivity matrices of Sec. 2, each a supremum of total variations over one-coordinate changes,
 * indexed M[j][i] = M_{j&lt;-i}: E^s (state, action held fixed), E^a (action, state held fixed),
 * Pi(pi) (policy), C^pi (closed-loop marginals) and H = E^s + E^a Pi (Lemma 2).
 */
public final class Sensitivities {
    private Sensitivities() {
    }

    /** A coordinate with more local values than this is compared through subsets, not pairs (see lineSupremum). */
    static final int PAIRWISE_UP_TO = 16;

    /**
     * sup over pairs of rows of TV = max over sets A of next states of (max_r r(A) - min_r r(A)), since TV(p, q) =
     * max_A p(A) - q(A): linear in the number of rows when there are few next states (the pairwise sup is quadratic).
     */
    static Rational lineSupremum(List<Rational[]> rows) {
        int width = rows.get(0).length;
        Rational best = Rational.ZERO;
        for (int set = 1; set < (1 << width) - 1; set++) {
            Rational max = null;
            Rational min = null;
            for (Rational[] r : rows) {
                Rational mass = Rational.ZERO;
                for (int x = 0; x < width; x++) {
                    if ((set >> x & 1) != 0) {
                        mass = mass.add(r[x]);
                    }
                }
                max = max == null ? mass : max.max(mass);
                min = min == null ? mass : min.min(mass);
            }
            best = best.max(max.subtract(min));
        }
        return best;
    }

    /** The entrywise max of the pairwise result and the lines compared through subsets. */
    private static RationalMatrix withLines(RationalMatrix pairwise, Rational[][] lines) {
        Rational[][] out = new Rational[lines.length][lines.length];
        for (int j = 0; j < lines.length; j++) {
            for (int i = 0; i < lines.length; i++) {
                out[j][i] = pairwise.get(j, i).max(lines[j][i]);
            }
        }
        return RationalMatrix.ofRows(out);
    }

    /** Whether agent j's rows along a line of m values are compared through subsets: many values, few next states. */
    private static boolean bySubsets(int m, int nextStates) {
        return m > PAIRWISE_UP_TO && nextStates <= 12 && (1L << nextStates) < m;
    }

    /** E^s_{j&lt;-i} = sup over s, s' with s_{-i} = s'_{-i} and a of TV(P_j(.|s,a), P_j(.|s',a)). */
    public static RationalMatrix stateSensitivity(Instance inst) {
        IntegerView view = IntegerView.of(inst);
        FactoredKernel k = inst.kernel();
        JointSpace st = inst.states();
        int n = inst.agentCount();
        int na = inst.actions().size();
        Rational[][] e = zeros(n);
        long[][] best = new long[n][n];
        Rational[][] lines = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!bySubsets(st.localSize(i), st.localSize(j))) {
                    continue;
                }
                for (int s = 0; s < st.size(); s++) {
                    if (st.digit(s, i) != 0) {
                        continue;
                    }
                    for (int a = 0; a < na; a++) {
                        List<Rational[]> rows = new ArrayList<>();
                        for (int v = 0; v < st.localSize(i); v++) {
                            rows.add(k.row(j, st.withDigit(s, i, v), a));
                        }
                        lines[j][i] = lines[j][i].max(lineSupremum(rows));
                    }
                }
            }
            boolean pairwise = false;
            for (int j = 0; j < n; j++) {
                pairwise |= !bySubsets(st.localSize(i), st.localSize(j));
            }
            for (int s = 0; s < st.size() && pairwise; s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int j = 0; j < n; j++) {
                        if (bySubsets(st.localSize(i), st.localSize(j))) {
                            continue;
                        }
                        for (int a = 0; a < na; a++) {
                            if (view != null) {
                                best[j][i] = Math.max(best[j][i],
                                        TotalVariation.doubledNumerator(view.kn[j][s][a], view.kn[j][s2][a]));
                            } else {
                                e[j][i] = e[j][i].max(TotalVariation.of(k.row(j, s, a), k.row(j, s2, a)));
                            }
                        }
                    }
                }
            }
        }
        return withLines(view == null ? RationalMatrix.ofRows(e) : fromDoubled(best, view.kd), lines);
    }

    /** E^a_{j&lt;-k} = sup over s and a, a' with a_{-k} = a'_{-k} of TV(P_j(.|s,a), P_j(.|s,a')). */
    public static RationalMatrix actionSensitivity(Instance inst) {
        IntegerView view = IntegerView.of(inst);
        FactoredKernel ker = inst.kernel();
        JointSpace ac = inst.actions();
        int n = inst.agentCount();
        int ns = inst.states().size();
        Rational[][] e = zeros(n);
        long[][] best = new long[n][n];
        Rational[][] lines = zeros(n);
        JointSpace st = inst.states();
        for (int kk = 0; kk < n; kk++) {
            boolean pairwise = false;
            for (int j = 0; j < n; j++) {
                if (!bySubsets(ac.localSize(kk), st.localSize(j))) {
                    pairwise = true;
                    continue;
                }
                for (int a = 0; a < ac.size(); a++) {
                    if (ac.digit(a, kk) != 0) {
                        continue;
                    }
                    for (int s = 0; s < ns; s++) {
                        List<Rational[]> rows = new ArrayList<>();
                        for (int v = 0; v < ac.localSize(kk); v++) {
                            rows.add(ker.row(j, s, ac.withDigit(a, kk, v)));
                        }
                        lines[j][kk] = lines[j][kk].max(lineSupremum(rows));
                    }
                }
            }
            for (int a = 0; a < ac.size() && pairwise; a++) {
                for (int v = ac.digit(a, kk) + 1; v < ac.localSize(kk); v++) {
                    int a2 = ac.withDigit(a, kk, v);
                    for (int j = 0; j < n; j++) {
                        if (bySubsets(ac.localSize(kk), st.localSize(j))) {
                            continue;
                        }
                        for (int s = 0; s < ns; s++) {
                            if (view != null) {
                                best[j][kk] = Math.max(best[j][kk],
                                        TotalVariation.doubledNumerator(view.kn[j][s][a], view.kn[j][s][a2]));
                            } else {
                                e[j][kk] = e[j][kk].max(TotalVariation.of(ker.row(j, s, a), ker.row(j, s, a2)));
                            }
                        }
                    }
                }
            }
        }
        return withLines(view == null ? RationalMatrix.ofRows(e) : fromDoubled(best, view.kd), lines);
    }

    /**
     * The policy-independent worst case prior work certifies with: C^sup_{j&lt;-i} = sup over s, s' with s_{-i} =
     * s'_{-i} and over all joint actions a, a' of TV(P_j(.|s,a), P_j(.|s',a')), the largest action-supremum matrix
     * (E^s &lt;= C^sup and E^a entries are each bounded by a row of it).
     */
    public static RationalMatrix actionSupremum(Instance inst) {
        FactoredKernel k = inst.kernel();
        JointSpace st = inst.states();
        int n = inst.agentCount();
        int na = inst.actions().size();
        Rational[][] e = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = 0; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int j = 0; j < n; j++) {
                        for (int a = 0; a < na; a++) {
                            for (int a2 = 0; a2 < na; a2++) {
                                e[j][i] = e[j][i].max(TotalVariation.of(k.row(j, s, a), k.row(j, s2, a2)));
                            }
                        }
                    }
                }
            }
        }
        return RationalMatrix.ofRows(e);
    }

    /** M[j][i] = best[j][i] / (2 den[j]). */
    private static RationalMatrix fromDoubled(long[][] best, long[] den) {
        int n = best.length;
        Rational[][] e = new Rational[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                e[j][i] = Rational.of(best[j][i], den[j]).multiply(Rational.HALF);
            }
        }
        return RationalMatrix.ofRows(e);
    }

    /** Pi_{k&lt;-i} = sup over s, s' with s_{-i} = s'_{-i} of TV(pi_k(.|s), pi_k(.|s')). */
    public static RationalMatrix policySensitivity(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("Sensitivities.policySensitivity");
        JointSpace st = inst.states();
        int n = inst.agentCount();
        Rational[][] e = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int k = 0; k < n; k++) {
                        e[k][i] = e[k][i].max(TotalVariation.of(pol.row(k, s), pol.row(k, s2)));
                    }
                }
            }
        }
        return RationalMatrix.ofRows(e);
    }

    /** C^pi_{j&lt;-i} = sup over s, s' with s_{-i} = s'_{-i} of TV(P^pi_j(.|s), P^pi_j(.|s')). */
    public static RationalMatrix closedLoopInfluence(ClosedLoop loop) {
        JointSpace st = loop.instance().states();
        int n = st.coordinates();
        // the largest 2 TV so far as num[j][i] / den[j][i], compared crosswise and reduced once at the end
        BigInteger[][] num = new BigInteger[n][n];
        BigInteger[][] den = new BigInteger[n][n];
        for (BigInteger[] row : num) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        for (BigInteger[] row : den) {
            Arrays.fill(row, BigInteger.ONE);
        }
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int j = 0; j < n; j++) {
                        ClosedLoopRows.IntegerRow p = loop.marginalRow(j, s);
                        ClosedLoopRows.IntegerRow q = loop.marginalRow(j, s2);
                        BigInteger tv = TotalVariation.doubledNumerator(p.num(), p.den(), q.num(), q.den());
                        BigInteger d = p.den().multiply(q.den());
                        if (tv.multiply(den[j][i]).compareTo(num[j][i].multiply(d)) > 0) {
                            num[j][i] = tv;
                            den[j][i] = d;
                        }
                    }
                }
            }
        }
        Rational[][] e = new Rational[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                e[j][i] = Rational.of(num[j][i], den[j][i].shiftLeft(1));
            }
        }
        return RationalMatrix.ofRows(e);
    }

    /**
     * Pi of a policy known by enclosures: per pair s, s' the enclosure of TV(pi_k(.|s), pi_k(.|s')), exactly 0 where
     * the two rows are one (the same logits), and the entrywise maximum over pairs.
     */
    public static MatrixEnclosure policySensitivity(PolicyEnclosure pe) {
        JointSpace st = pe.instance().states();
        int n = pe.instance().agentCount();
        RationalInterval[][] e = zeroIntervals(n);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int k = 0; k < n; k++) {
                        if (!pe.sameRow(k, s, s2)) {
                            e[k][i] = e[k][i].max(TotalVariation.of(pe.rowShared(k, s), pe.rowShared(k, s2)));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                e[k][i] = RationalInterval.of(e[k][i].lower().min(Rational.ONE), e[k][i].upper().min(Rational.ONE));
            }
        }
        return MatrixEnclosure.of(e);
    }

    /**
     * C of a policy known by enclosures, from the exact marginals at pi~ ({@code pointLoop}): |TV(mu, nu) -
     * TV(mu~, nu~)| &lt;= TV(mu, mu~) + TV(nu, nu~), each TV half of {@link PolicyEnclosure#marginalDeviation}.
     */
    public static MatrixEnclosure closedLoopInfluence(ClosedLoop pointLoop, PolicyEnclosure pe) {
        JointSpace st = pe.instance().states();
        int n = st.coordinates();
        RationalInterval[][] e = zeroIntervals(n);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int j = 0; j < n; j++) {
                        // one policy row at both states: only the difference of the two kernels moves
                        Rational radius = pe.sameRows(s, s2) ? pe.differenceDeviation(j, s, s2, s).multiply(Rational.HALF)
                                : pe.marginalDeviation(j, s, s).add(pe.marginalDeviation(j, s2, s2)).multiply(Rational.HALF);
                        Rational tv = TotalVariation.of(pointLoop.marginalShared(j, s), pointLoop.marginalShared(j, s2));
                        e[j][i] = e[j][i].max(RationalInterval.of(tv.subtract(radius).max(Rational.ZERO),
                                tv.add(radius).min(Rational.ONE)));
                    }
                }
            }
        }
        return MatrixEnclosure.of(e);
    }

    /** H = E^s + E^a Pi for Pi known by an enclosure (every term nonnegative, so monotone in Pi). */
    public static MatrixEnclosure influenceBound(RationalMatrix es, RationalMatrix ea, MatrixEnclosure pi) {
        return new MatrixEnclosure(influenceBound(es, ea, pi.lower()), influenceBound(es, ea, pi.upper()));
    }

    private static RationalInterval[][] zeroIntervals(int n) {
        RationalInterval[][] e = new RationalInterval[n][n];
        for (RationalInterval[] row : e) {
            Arrays.fill(row, RationalInterval.point(Rational.ZERO));
        }
        return e;
    }

    /** H = E^s + E^a Pi, in the Section 3 orientation (H_{j&lt;-i}). */
    public static RationalMatrix influenceBound(RationalMatrix es, RationalMatrix ea, RationalMatrix pi) {
        return es.add(ea.multiply(pi));
    }

    private static Rational[][] zeros(int n) {
        Rational[][] e = new Rational[n][n];
        for (Rational[] row : e) {
            Arrays.fill(row, Rational.ZERO);
        }
        return e;
    }
}
