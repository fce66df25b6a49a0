package org.localitycheck.quantity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.Agent;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.model.TabularPolicy;

/**
 * A product policy known by enclosures of its rows (softmax probabilities, KL-prox updates), with one rational
 * product policy pi~ beside it: rows of exact sum 1, positive exactly where the enclosures' upper ends are, and
 * per joint state a bound eta(s) &gt;= sum_k ||pi_k(.|s) - pi~_k(.|s)||_1. The sum bounds the product measures'
 * distance ||pi(.|s) - pi~(.|s)||_1 (replace one factor at a time: each swap moves the product by at most that
 * factor's distance), hence ||P^pi(s, .) - P^pi~(s, .)||_1 &lt;= eta(s) for the joint kernels and
 * ||P^pi_j(.|s) - P^pi~_j(.|s)||_1 &lt;= eta(s) for every marginal. Long-run quantities are enclosed by perturbation
 * bounds in eta: around their exact values at pi~ ({@link IntervalPolicyChain}, for the claims) or around centres
 * proposed in floating point on a dyadic grid ({@link DyadicChain}, for the reference output).
 *
 * <p>pi~ keeps point rows as they are (eta = 0 there) and rounds the midpoints of the other rows to multiples of
 * 2^-bits, putting the rounding slack on the entry with the largest upper end. An entry is positive exactly when its
 * enclosure's upper end is (an enclosure [0, x] with x &gt; 0 is refused as too wide), so P and P~ have one support,
 * hence the same closed classes.
 */
public final class PolicyEnclosure {
    private final Instance instance;
    private final RationalInterval[][][] rows; // [k][s][b]
    private final Rational[][][] point; // [k][s][b]
    private final Rational[] eta; // [s]
    private final Rational[][] agentDistance; // [k][s]: ||pi_k(.|s) - pi~_k(.|s)||_1 bound
    private Instance pointInstance;
    private final Rational[][] spreadCache; // [j][s]: actionSpread(j, s, -1), filled on demand

    private PolicyEnclosure(Instance instance, RationalInterval[][][] rows, Rational[][][] point, Rational[] eta,
            Rational[][] agentDistance) {
        this.instance = instance;
        this.rows = rows;
        this.point = point;
        this.eta = eta;
        this.agentDistance = agentDistance;
        this.spreadCache = new Rational[instance.agentCount()][instance.states().size()];
    }

    /** rows[k][s][b] enclose pi_k(b | s) for every full joint state s. */
    public static PolicyEnclosure of(Instance inst, RationalInterval[][][] rows, int bits) {
        int n = inst.agentCount();
        int ns = inst.states().size();
        if (rows.length != n) {
            throw new IllegalArgumentException("PolicyEnclosure.of: " + rows.length + " agents of rows, expected " + n);
        }
        RationalInterval[][][] copy = new RationalInterval[n][ns][];
        Rational[][][] pt = new Rational[n][ns][];
        Rational[][] dist = new Rational[n][ns];
        Rational[] eta = new Rational[ns];
        Arrays.fill(eta, Rational.ZERO);
        Map<RationalInterval[], RationalInterval[]> clones = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            for (int s = 0; s < ns; s++) {
                RationalInterval[] r = rows[k][s];
                if (r.length != inst.agents().get(k).actions()) {
                    throw new IllegalArgumentException("PolicyEnclosure.of: agent " + k + ", joint state " + s + " has "
                            + r.length + " entries, expected " + inst.agents().get(k).actions());
                }
                copy[k][s] = clones.computeIfAbsent(r, RationalInterval[]::clone); // shared rows stay shared
                pt[k][s] = pointRow(r, bits, k, s);
                Rational d = rowDistance(r, pt[k][s]);
                dist[k][s] = d;
                eta[s] = eta[s].add(d);
            }
        }
        return new PolicyEnclosure(inst, copy, pt, eta, dist);
    }

    /** The rows of a softmax policy enclosed at the given precision ({@link Softmax}). */
    public static PolicyEnclosure softmax(Instance inst, int bits) {
        if (!(inst.policy() instanceof SoftmaxPolicy)) {
            throw new IllegalArgumentException("PolicyEnclosure.softmax: the policy is " + inst.policy().kind());
        }
        SoftmaxPolicy pol = (SoftmaxPolicy) inst.policy();
        int n = inst.agentCount();
        int ns = inst.states().size();
        RationalInterval[][][] rows = new RationalInterval[n][ns][];
        for (int k = 0; k < n; k++) {
            int m = inst.agents().get(k).actions();
            Map<List<Rational>, RationalInterval[]> seen = new HashMap<>();
            for (int s = 0; s < ns; s++) {
                Rational[] g = new Rational[m];
                for (int b = 0; b < m; b++) {
                    g[b] = pol.logit(k, s, b);
                }
                // equal logits give the same enclosure, so states agent k cannot tell apart keep equal rows
                rows[k][s] = seen.computeIfAbsent(List.of(g), key -> Softmax.probabilities(g, pol.tau(), bits));
            }
        }
        return of(inst, rows, bits);
    }

    /** The rows of a tabular policy, exactly: pi~ = pi and eta = 0. */
    public static PolicyEnclosure exact(Instance inst) {
        TabularPolicy pol = inst.tabularPolicy("PolicyEnclosure.exact");
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
        return of(inst, r, 0);
    }

    /**
     * A bound on ||p - x||_1 for every p in the row enclosure r with sum 1 (x sums to 1 too). With dev_b the largest
     * distance from x_b to r_b: the sum of dev_b, and, since p_c - x_c = -sum_{b != c} (p_b - x_b) for any c,
     * 2 sum_{b != c} dev_b with c the entry of largest dev.
     */
    private static Rational rowDistance(RationalInterval[] r, Rational[] x) {
        Rational sum = Rational.ZERO;
        Rational max = Rational.ZERO;
        for (int b = 0; b < r.length; b++) {
            Rational dev = r[b].upper().subtract(x[b]).abs().max(x[b].subtract(r[b].lower()).abs());
            sum = sum.add(dev);
            max = max.max(dev);
        }
        return sum.min(sum.subtract(max).multiply(Rational.TWO));
    }

    private static Rational[] pointRow(RationalInterval[] r, int bits, int k, int s) {
        Rational[] p = new Rational[r.length];
        boolean points = true;
        for (RationalInterval x : r) {
            points &= x.isPoint();
        }
        if (points) {
            for (int b = 0; b < r.length; b++) {
                p[b] = r[b].lower();
            }
            return p;
        }
        for (int b = 0; b < r.length; b++) {
            if (r[b].lower().signum() <= 0 && r[b].upper().signum() > 0) {
                throw new ArithmeticException("PolicyEnclosure: entry " + b + " of agent " + k + " at joint state " + s
                        + " is enclosed by " + r[b] + ", which does not tell whether it is positive");
            }
        }
        BigInteger scale = BigInteger.ONE.shiftLeft(bits);
        Rational unit = Rational.of(BigInteger.ONE, scale);
        int star = 0;
        for (int b = 1; b < r.length; b++) {
            if (r[b].upper().compareTo(r[star].upper()) > 0) {
                star = b;
            }
        }
        Rational rest = Rational.ZERO;
        for (int b = 0; b < r.length; b++) {
            if (b == star) {
                continue;
            }
            if (r[b].upper().signum() <= 0) {
                p[b] = Rational.ZERO;
            } else {
                Rational mid = r[b].lower().add(r[b].upper()).multiply(Rational.HALF);
                BigInteger q = mid.multiply(Rational.of(scale)).add(Rational.HALF).floor();
                p[b] = Rational.of(q, scale).max(unit); // positive where the upper end is
            }
            rest = rest.add(p[b]);
        }
        p[star] = Rational.ONE.subtract(rest);
        if (p[star].signum() <= 0) {
            throw new ArithmeticException("PolicyEnclosure: the row enclosures of agent " + k + " at joint state " + s
                    + " are too wide for a positive rational row at " + bits + " bits");
        }
        return p;
    }

    public Instance instance() {
        return instance;
    }

    public RationalInterval row(int k, int s, int b) {
        return rows[k][s][b];
    }

    /** A copy of the enclosed rows. */
    public RationalInterval[][][] rows() {
        RationalInterval[][][] c = new RationalInterval[rows.length][][];
        for (int k = 0; k < rows.length; k++) {
            c[k] = new RationalInterval[rows[k].length][];
            for (int s = 0; s < rows[k].length; s++) {
                c[k][s] = rows[k][s].clone();
            }
        }
        return c;
    }

    /**
     * True when the rows of agent k at s and t are one array: the softmax factory shares the row of equal logits, so
     * the two rows are equal exactly, not just their enclosures.
     */
    public boolean sameRow(int k, int s, int t) {
        return rows[k][s] == rows[k][t];
    }

    /** The enclosed row of agent k at s, not copied (for the sums of this package). */
    RationalInterval[] rowShared(int k, int s) {
        return rows[k][s];
    }

    /** pi~_k(b | s). */
    public Rational point(int k, int s, int b) {
        return point[k][s][b];
    }

    /** eta(s) &gt;= ||pi(.|s) - pi~(.|s)||_1. */
    public Rational eta(int s) {
        return eta[s];
    }

    /** max_s eta(s). */
    public Rational etaMax() {
        Rational m = Rational.ZERO;
        for (Rational e : eta) {
            m = m.max(e);
        }
        return m;
    }

    /**
     * A bound on |r^pi(s) - r^pi~(s)|: r^pi(s) - r^pi~(s) = sum_a (pi - pi~)(a|s) (r(s, a) - c) for every c, the
     * differences summing to 0; with c the midrange of r(s, .) it is at most eta(s) (max_a r(s, a) - min_a r(s, a))/2.
     */
    public Rational rewardRadius(int s) {
        return mixtureRadius(s, instance.rewardTable()[s]);
    }

    /**
     * A bound on |sum_a (pi - pi~)(a|s) v(a)| for values v over joint actions: the differences sum to 0 and have l1
     * norm at most eta(s), so the sum is at most eta(s) (max v - min v)/2. Exactly 0 where v does not depend on a.
     */
    public Rational mixtureRadius(int s, Rational[] v) {
        Rational hi = v[0];
        Rational lo = v[0];
        for (Rational x : v) {
            hi = hi.max(x);
            lo = lo.min(x);
        }
        return eta[s].multiply(hi.subtract(lo)).multiply(Rational.HALF);
    }

    /**
     * A bound on ||(T - T~) g||_inf for the joint kernels of pi and pi~: ((T - T~) g)(s) = sum_a (pi - pi~)(a|s)
     * sum_y P(y|s, a) g(y), so {@link #mixtureRadius} of the next-state expectations of g at s.
     */
    public Rational kernelDeviation(FractionVector g) {
        Rational worst = Rational.ZERO;
        JointSpace ac = instance.actions();
        for (int s = 0; s < instance.states().size(); s++) {
            if (eta[s].isZero()) {
                continue;
            }
            Rational[] v = new Rational[ac.size()];
            for (int a = 0; a < ac.size(); a++) {
                v[a] = Advantage.nextStateExpectation(instance, s, a, g);
            }
            worst = worst.max(mixtureRadius(s, v));
        }
        return worst;
    }

    /**
     * A bound on ||sum_a (pi - pi~)(a|u) P_j(.|s, a)||_1, the change of agent j's next-state marginal at kernel state
     * s mixed by the policy at state u (u = s: the closed-loop marginal P^pi_j(.|s)): with c_a = (pi - pi~)(a|u) (sum
     * 0, l1 norm at most eta(u)) it is at most eta(u)/2 max_{a,a'} ||P_j(.|s,a) - P_j(.|s,a')||_1.
     */
    public Rational marginalDeviation(int j, int s, int u) {
        return eta[u].isZero() ? Rational.ZERO : eta[u].multiply(actionSpread(j, s, -1)).multiply(Rational.HALF);
    }

    /**
     * A bound on ||sum_a (pi - pi~)(a|u) (P_j(.|s, a) - P_j(.|t, a))||_1, the change of the difference of two
     * mixtures with the same weights (the policy at u): eta(u)/2 max_{a,a'} ||D_a - D_a'||_1 with
     * D_a = P_j(.|s, a) - P_j(.|t, a). Exactly 0 when the two kernel states differ in the same way under every action.
     */
    public Rational differenceDeviation(int j, int s, int t, int u) {
        return eta[u].isZero() ? Rational.ZERO : eta[u].multiply(actionSpread(j, s, t)).multiply(Rational.HALF);
    }

    /**
     * max_{a,a'} ||D_a - D_a'||_1 with D_a = P_j(.|s, a), minus P_j(.|t, a) when t &gt;= 0. Every D_a - D_a' sums to 0,
     * so for two local states it is 2 |(D_a - D_a')(0)| and the maximum is 2 (max_a D_a(0) - min_a D_a(0)).
     */
    private Rational actionSpread(int j, int s, int t) {
        if (t < 0) {
            Rational[] row = spreadCache[j];
            if (row[s] == null) {
                row[s] = spreadOf(j, s, t);
            }
            return row[s];
        }
        return spreadOf(j, s, t);
    }

    private Rational spreadOf(int j, int s, int t) {
        return instance.states().localSize(j) == 2 ? twoStateSpread(j, s, t) : pairwiseSpread(j, s, t);
    }

    /** The spread for an agent with two local states: 2 (max_a D_a(0) - min_a D_a(0)). */
    Rational twoStateSpread(int j, int s, int t) {
        JointSpace ac = instance.actions();
        Rational hi = null;
        Rational lo = null;
        for (int a = 0; a < ac.size(); a++) {
            Rational d = instance.kernel().get(j, s, a, 0);
            if (t >= 0) {
                d = d.subtract(instance.kernel().get(j, t, a, 0));
            }
            hi = hi == null ? d : hi.max(d);
            lo = lo == null ? d : lo.min(d);
        }
        return hi.subtract(lo).multiply(Rational.TWO);
    }

    /** The spread by its definition: the largest l1 distance over pairs of actions. */
    Rational pairwiseSpread(int j, int s, int t) {
        JointSpace ac = instance.actions();
        Rational spread = Rational.ZERO;
        for (int a = 0; a < ac.size(); a++) {
            for (int b = a + 1; b < ac.size(); b++) {
                Rational d = Rational.ZERO;
                for (int x = 0; x < instance.states().localSize(j); x++) {
                    Rational da = instance.kernel().get(j, s, a, x);
                    Rational db = instance.kernel().get(j, s, b, x);
                    if (t >= 0) {
                        da = da.subtract(instance.kernel().get(j, t, a, x));
                        db = db.subtract(instance.kernel().get(j, t, b, x));
                    }
                    d = d.add(da.subtract(db).abs());
                }
                spread = spread.max(d);
            }
        }
        return spread;
    }

    /** True when every agent's row at s is the one at t (the same logits): pi(.|s) = pi(.|t) exactly. */
    public boolean sameRows(int s, int t) {
        for (int k = 0; k < rows.length; k++) {
            if (!sameRow(k, s, t)) {
                return false;
            }
        }
        return true;
    }

    /** max_s of {@link #rewardRadius(int)}. */
    public Rational rewardRadiusMax() {
        Rational m = Rational.ZERO;
        for (int s = 0; s < eta.length; s++) {
            m = m.max(rewardRadius(s));
        }
        return m;
    }

    /** A bound on ||pi_k(.|s) - pi~_k(.|s)||_1. */
    public Rational agentDistance(int k, int s) {
        return agentDistance[k][s];
    }

    public boolean isExact() {
        return etaMax().isZero();
    }

    /**
     * The instance with the tabular policy pi~. Its agents observe everything: an updated row may depend on the whole
     * joint state (Sec. 5's g_k(s, .)), and the scope plays no part in the chain.
     */
    public Instance pointInstance() {
        if (pointInstance == null) {
            List<Agent> full = new ArrayList<>();
            for (Agent ag : instance.agents()) {
                full.add(Agent.of(ag.states(), ag.actions()));
            }
            pointInstance = Instance.of(instance.name(), full, instance.kernel(),
                    TabularPolicy.of(point, full, instance.states()), instance.rewardTable());
        }
        return pointInstance;
    }
}
