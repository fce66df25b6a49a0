package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.quantity.ClosedLoop;
import org.localitycheck.quantity.TotalVariation;

/** Prop. 1 and App. B.1: C^pi &lt;= E^s + E^a Pi entrywise, both intermediate bounds of B.1 and its action path. */
final class Prop1Claim extends BaseClaim {
    Prop1Claim() {
        super("prop1", "Prop. 1; App. B.1",
                "C^pi <= E^s + E^a Pi(pi) entrywise, both intermediate bounds of B.1 and its action path");
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal", "C^pi_{j<-i} <= E^s_{j<-i} + sum_k E^a_{j<-k} Pi_{k<-i}", Expected.HOLDS,
                        "Triangle inequality through mu-tilde and the product coupling of B.1.",
                        Prop1Claim::literal),
                Reading.of("state-route",
                        "TV(mu-tilde_j, nu_j) <= E^s_{j<-i} for all s, s' with s_{-i} = s'_{-i}, where "
                                + "mu-tilde_j = sum_a pi(a|s') P_j(.|s,a) and nu_j = sum_a pi(a|s') P_j(.|s',a)",
                        Expected.HOLDS, "Convexity of TV in the mixture with common weights.",
                        (ctx, w) -> routes(ctx, true)),
                Reading.of("action-route",
                        "TV(mu_j, mu-tilde_j) <= sum_k E^a_{j<-k} Pi_{k<-i} for all s, s' with s_{-i} = s'_{-i}",
                        Expected.HOLDS, "Independent maximal couplings of the agents' actions and the union bound.",
                        (ctx, w) -> routes(ctx, false)),
                Reading.of("action-path",
                        "B.1's display: TV(P_j(.|s,a), P_j(.|s,a')) <= sum of E^a_{j<-k} over the coordinates k with "
                                + "a_k != a'_k, for all j, s, a, a'",
                        Expected.HOLDS, "Change the differing action coordinates one at a time: each change of "
                                + "coordinate k moves P_j(.|s,.) by at most E^a_{j<-k} in TV (its definition), and TV obeys "
                                + "the triangle inequality.",
                        Prop1Claim::actionPath),
                Reading.of("coupling-equality",
                        "B.1's display P[A_k != A'_k] = TV(pi_k(.|s), pi_k(.|s')) = Pi_{k<-i}: for every s, s' with s_{-i} = "
                                + "s'_{-i}, TV(pi_k(.|s), pi_k(.|s')) = Pi_{k<-i}",
                        Expected.REFUTED,
                        "Pi_{k<-i} is the supremum over such pairs; a pair where the policy moves less has a smaller TV. "
                                + "B.2 writes <= at the same step, and the proof needs only that (a slip of notation).",
                        (ctx, w) -> coupling(ctx, true)).slip(),
                Reading.of("coupling-bound",
                        "B.2's display P[A_k != A'_k] = TV(pi_k(.|s), pi_k(.|s')) <= Pi_{k<-i}: for every s, s' with s_{-i} = "
                                + "s'_{-i}, TV(pi_k(.|s), pi_k(.|s')) <= Pi_{k<-i}",
                        Expected.HOLDS, "Pi_{k<-i} is the supremum of these TVs over such pairs (its definition).",
                        (ctx, w) -> coupling(ctx, false))
                        .provenBy("Definitional: Pi_{k<-i} is the supremum of TV(pi_k(.|s), pi_k(.|s')) over the pairs "
                                + "s, s' that differ only in coordinate i (Sec. 2). The check recomputes each TV and "
                                + "compares it with the Pi of Sensitivities, which takes the same maximum: it confirms the "
                                + "definition is implemented, and adds no evidence beyond it."),
                Reading.of("coupling-chain",
                        "B.2's displays L402-418: with (A_k, A'_k) maximal couplings of pi_k(.|s), pi_k(.|s') chosen "
                                + "independently and (X_j, Y_j) conditionally maximal, P[X_j != Y_j] = E_{A,A'} TV(P_j(.|s, A), "
                                + "P_j(.|s', A')) <= E^s_{j<-i} + sum_k E^a_{j<-k} P[A_k != A'_k], for every j and s ~_i s'",
                        Expected.HOLDS,
                        "For each (a, a') the triangle split gives TV <= E^s_{j<-i} + sum_{k: a_k != a'_k} E^a_{j<-k} "
                                + "(action-path and the definition of E^s); the expectation of 1{a_k != a'_k} is P[A_k != A'_k].",
                        (ctx, w) -> couplingChain(ctx))
                        .provenBy("Under the product of the maximal couplings, P[X_j != Y_j] = E_{A,A'} TV(P_j(.|s, A), P_j(.|s', "
                                + "A')) by construction. For fixed (a, a'), TV(P_j(.|s, a), P_j(.|s', a')) <= TV(P_j(.|s, a), "
                                + "P_j(.|s, a')) + TV(P_j(.|s, a'), P_j(.|s', a')) <= sum_{k: a_k != a'_k} E^a_{j<-k} + "
                                + "E^s_{j<-i} (B.1's action path, and E^s's definition at the fixed action a'); taking the "
                                + "expectation turns 1{a_k != a'_k} into P[A_k != A'_k]. The check builds the couplings exactly "
                                + "and compares the two sides for every j, i and pair s ~_i s'."),
                Reading.of("networks",
                        "C^pi <= E^s + E^a Pi(pi) entrywise on factored networks of 4 to 48 agents (rings, grids, stars, "
                                + "random digraphs) with tabular policies, every entry computed exactly over the agents it "
                                + "depends on",
                        Expected.HOLDS, "B.1's argument is local: it never uses the number of agents or the joint space.",
                        (Reading.FamilyCheck) (ctx, w) -> networks(ctx, false)));
    }

    /** C &lt;= H (or, to show the check can fail, C &lt;= E^s alone) on the case's network. */
    static Verdict networks(Context ctx, boolean stateRouteOnly) {
        var inf = NetworkCases.tabular(ctx);
        List<Verdict> vs = new ArrayList<>();
        for (int j = 0; j < inf.c().size(); j++) {
            for (int p = 0; p < inf.c().rowLength(j); p++) {
                int i = inf.c().column(j, p);
                Rational rhs = stateRouteOnly ? NetworkCases.entry(inf.es(), j, i, Rational.ZERO)
                        : NetworkCases.entry(inf.h(), j, i, Rational.ZERO);
                vs.add(Verdict.atMost(inf.c().value(j, p), rhs, NetworkCases.where(inf.instance(), "C[" + j + "][" + i + "]")));
            }
        }
        return Verdict.worst(vs);
    }

    /** TV(pi_k(.|s), pi_k(.|s')) against Pi_{k<-i} for every pair differing in coordinate i: equal, or at most. */
    static Verdict coupling(Context ctx, boolean equality) {
        if (ctx.instance() == null || ctx.isSoftmax()) {
            return Verdict.notApplicable("needs a tabular instance");
        }
        var pol = ctx.instance().tabularPolicy("prop1");
        var st = ctx.instance().states();
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < ctx.agents(); i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int k = 0; k < ctx.agents(); k++) {
                        Rational tv = TotalVariation.of(pol.row(k, s), pol.row(k, s2));
                        String where = "k=" + k + ", i=" + i + ", s=" + s + ", s'=" + s2;
                        vs.add(equality ? Verdict.equal(tv, ctx.pi().get(k, i), where)
                                : Verdict.atMost(tv, ctx.pi().get(k, i), where));
                    }
                }
            }
        }
        return vs.isEmpty() ? Verdict.notApplicable("no coordinate with two values") : Verdict.worst(vs);
    }

    /**
     * The maximal coupling of p and q: weight min(p_b, q_b) on (b, b), and (p_b - q_b)^+ (q_c - p_c)^+ / TV(p, q) on
     * (b, c), b != c.
     */
    static Rational[][] maximalCoupling(Rational[] p, Rational[] q) {
        Rational tv = TotalVariation.of(p, q);
        Rational[][] w = new Rational[p.length][p.length];
        for (int b = 0; b < p.length; b++) {
            for (int c = 0; c < p.length; c++) {
                if (b == c) {
                    w[b][c] = p[b].min(q[b]);
                } else if (tv.isZero()) {
                    w[b][c] = Rational.ZERO;
                } else {
                    w[b][c] = p[b].subtract(q[b]).max(Rational.ZERO).multiply(q[c].subtract(p[c]).max(Rational.ZERO))
                            .divide(tv);
                }
            }
        }
        return w;
    }

    /** B.2's coupling chain, P[X_j != Y_j] against E^s_{j&lt;-i} + sum_k E^a_{j&lt;-k} P[A_k != A'_k], exactly. */
    static Verdict couplingChain(Context ctx) {
        if (ctx.instance() == null || ctx.isSoftmax()) {
            return Verdict.notApplicable("needs a tabular instance");
        }
        Instance inst = ctx.instance();
        var pol = inst.tabularPolicy("prop1");
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        int n = inst.agentCount();
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = st.digit(s, i) + 1; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    Rational[][][] w = new Rational[n][][];
                    Rational[] differ = new Rational[n];
                    for (int k = 0; k < n; k++) {
                        w[k] = maximalCoupling(pol.row(k, s), pol.row(k, s2));
                        differ[k] = TotalVariation.of(pol.row(k, s), pol.row(k, s2));
                    }
                    for (int j = 0; j < n; j++) {
                        Rational mismatch = Rational.ZERO;
                        for (int a = 0; a < ac.size(); a++) {
                            for (int a2 = 0; a2 < ac.size(); a2++) {
                                Rational weight = Rational.ONE;
                                for (int k = 0; k < n && !weight.isZero(); k++) {
                                    weight = weight.multiply(w[k][ac.digit(a, k)][ac.digit(a2, k)]);
                                }
                                if (!weight.isZero()) {
                                    mismatch = mismatch.add(weight.multiply(
                                            TotalVariation.of(inst.kernel().row(j, s, a), inst.kernel().row(j, s2, a2))));
                                }
                            }
                        }
                        Rational bound = ctx.es().get(j, i);
                        for (int k = 0; k < n; k++) {
                            bound = bound.add(ctx.ea().get(j, k).multiply(differ[k]));
                        }
                        vs.add(Verdict.atMost(mismatch, bound, "j=" + j + ", i=" + i + ", s=" + s + ", s'=" + s2));
                    }
                }
            }
        }
        return vs.isEmpty() ? Verdict.notApplicable("no coordinate with two values") : Verdict.worst(vs);
    }

    /** B.1's action path: every pair of joint actions at every state, against E^a over the coordinates they differ in. */
    static Verdict actionPath(Context ctx, Witness w) {
        Instance inst = ctx.instance();
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        List<Verdict> vs = new ArrayList<>();
        for (int j = 0; j < inst.agentCount(); j++) {
            for (int s = 0; s < st.size(); s++) {
                for (int a = 0; a < ac.size(); a++) {
                    for (int a2 = a + 1; a2 < ac.size(); a2++) {
                        Rational bound = Rational.ZERO;
                        for (int k = 0; k < inst.agentCount(); k++) {
                            if (ac.digit(a, k) != ac.digit(a2, k)) {
                                bound = bound.add(ctx.ea().get(j, k));
                            }
                        }
                        Rational tv = TotalVariation.of(inst.kernel().row(j, s, a), inst.kernel().row(j, s, a2));
                        vs.add(Verdict.atMost(tv, bound, "j=" + j + ", s=" + s + ", a=" + a + ", a'=" + a2));
                    }
                }
            }
        }
        return vs.isEmpty() ? Verdict.notApplicable("one joint action") : Verdict.worst(vs);
    }

    /** Every general family, then softmax policies, decided on enclosures. */
    @Override
    public List<String> families() {
        return List.of("any", "softmax");
    }

    static Verdict literal(Context ctx, Witness w) {
        if (!ctx.isSoftmax()) {
            return Checks.entrywise(ctx.c(), ctx.h(), "C");
        }
        return Checks.entrywise(bits -> new RationalInterval[][] {flat(ctx.softmax(bits).c), flat(ctx.softmax(bits).h)}, "C");
    }

    static RationalInterval[] flat(MatrixEnclosure m) {
        RationalInterval[] out = new RationalInterval[m.rows() * m.cols()];
        for (int j = 0; j < m.rows(); j++) {
            for (int i = 0; i < m.cols(); i++) {
                out[j * m.cols() + i] = m.get(j, i);
            }
        }
        return out;
    }

    /**
     * The two routes for a softmax policy, at its rational policy pi~: a TV between two mixtures moves by at most half
     * the sum of their l1 changes ({@link PolicyEnclosure#marginalDeviation}); E^a Pi is enclosed through Pi.
     */
    static Verdict routesEnclosed(Context ctx, boolean stateRoute) {
        Instance inst = ctx.instance();
        JointSpace st = inst.states();
        int n = inst.agentCount();
        return Checks.entrywise(bits -> {
            SoftmaxEnclosures e = ctx.softmax(bits);
            Instance approx = e.policy.pointInstance();
            MatrixEnclosure eaPi = new MatrixEnclosure(ctx.ea().multiply(e.pi.lower()), ctx.ea().multiply(e.pi.upper()));
            List<RationalInterval> lhs = new ArrayList<>();
            List<RationalInterval> rhs = new ArrayList<>();
            for (int[] q : pairs(st, n)) {
                int i = q[0];
                int s = q[1];
                int s2 = q[2];
                int j = q[3];
                Rational[] tilde = ClosedLoop.mixture(approx, j, s, s2);
                Rational tv;
                Rational radius;
                if (stateRoute) {
                    tv = TotalVariation.of(tilde, ClosedLoop.mixture(approx, j, s2, s2));
                    radius = e.policy.differenceDeviation(j, s, s2, s2).multiply(Rational.HALF); // same weights
                    rhs.add(RationalInterval.point(ctx.es().get(j, i)));
                } else {
                    tv = TotalVariation.of(ClosedLoop.mixture(approx, j, s, s), tilde);
                    radius = e.policy.sameRows(s, s2) ? Rational.ZERO // one measure twice: TV exactly 0
                            : e.policy.marginalDeviation(j, s, s).add(e.policy.marginalDeviation(j, s, s2))
                                    .multiply(Rational.HALF);
                    rhs.add(eaPi.get(j, i));
                }
                lhs.add(RationalInterval.of(tv.subtract(radius).max(Rational.ZERO), tv.add(radius)));
            }
            return new RationalInterval[][] {lhs.toArray(new RationalInterval[0]), rhs.toArray(new RationalInterval[0])};
        }, stateRoute ? "TV(mu-tilde, nu)" : "TV(mu, mu-tilde)");
    }

    /** Every (i, s, s', j) with s' = s but for coordinate i, s' != s: the cases of B.1's two routes, in one order. */
    static List<int[]> pairs(JointSpace st, int n) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < st.size(); s++) {
                for (int v = 0; v < st.localSize(i); v++) {
                    int s2 = st.withDigit(s, i, v);
                    for (int j = 0; j < n && s2 != s; j++) {
                        out.add(new int[] {i, s, s2, j});
                    }
                }
            }
        }
        return out;
    }

    static Verdict routes(Context ctx, boolean stateRoute) {
        if (ctx.isSoftmax()) {
            return routesEnclosed(ctx, stateRoute);
        }
        Instance inst = ctx.instance();
        JointSpace st = inst.states();
        int n = inst.agentCount();
        var eaPi = ctx.ea().multiply(ctx.pi());
        List<Verdict> vs = new ArrayList<>();
        for (int[] q : pairs(st, n)) {
            int i = q[0];
            int s = q[1];
            int s2 = q[2];
            int j = q[3];
            Rational[] tilde = ClosedLoop.mixture(inst, j, s, s2);
            String where = "j=" + j + ", i=" + i + ", s=" + s + ", s'=" + s2;
            if (stateRoute) {
                vs.add(Verdict.atMost(TotalVariation.of(tilde, ClosedLoop.mixture(inst, j, s2, s2)), ctx.es().get(j, i),
                        where));
            } else {
                vs.add(Verdict.atMost(TotalVariation.of(ClosedLoop.mixture(inst, j, s, s), tilde), eaPi.get(j, i), where));
            }
        }
        return Verdict.worst(vs);
    }
}
