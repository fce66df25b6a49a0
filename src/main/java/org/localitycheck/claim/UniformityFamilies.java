package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.model.Instance;
import org.localitycheck.quantity.AsynchronousChain;
import org.localitycheck.quantity.InfluenceGraph;
import org.localitycheck.quantity.JointKernel;
import org.localitycheck.quantity.PowerBound;
import org.localitycheck.quantity.TruncatedPoisson;

/**
 * The families along which the paper's uniformity claims ("C independent of t and pi", "C(Delta) depending only on
 * the degree", "decays as O(lambda^{kappa+1})") are tested. Member m is an ordinary instance; the check computes the
 * least constant the claim needs at m (or an exact lower bound of it) with the engine and compares it with the
 * closed form stated beside the family. The closed forms grow without bound, which refutes the uniformity; each
 * member is also checked to satisfy the claim's hypotheses.
 */
public final class UniformityFamilies {
    static final Rational LAMBDA = Rational.HALF;

    private UniformityFamilies() {
    }

    /**
     * One member: the instance, the exact value the engine found, its closed form, whether the hypotheses hold, and
     * the quantity with its parameters (what a family file records for the independent checker): "oscillation-ratio"
     * ||delta(T^t f)||/(lambda^t ||delta(f)||) with f = s_coordinate; "power-constant" the least C with
     * ||((E^s + E^a Pi)^T)^t|| &lt;= C lambda^t; "bias-ratio" min_c ||hhat_kappa - c - h|| / lambda^{kappa+1}; "async-ratio"
     * the oscillation ratio of the asynchronous chain with site law nu.
     */
    public record Member(Instance instance, Rational value, Rational closedForm, boolean hypotheses, String where,
            String quantity, Witness parameters) {
        Verdict verdict() {
            if (!hypotheses) {
                return Verdict.fact(false, "member outside the claim's hypotheses: " + where);
            }
            return Verdict.equal(value, closedForm, where);
        }
    }

    /**
     * Policies pi_alpha in one environment (2 binary agents): s'_0 = a_0; s'_1 = s_0 or a_1 with probability 1/2
     * each; pi_0(a_0 = 1 | s) = (1 + (2 s_0 - 1) alpha)/2 observing s_0, pi_1(a_1 = 1 | s) = (1 + (2 s_1 - 1) 2 alpha)/2
     * observing s_1. Then E^s_{1&lt;-0} = 1/2, E^a = diag(1, 1/2), Pi = diag(alpha, 2 alpha), H = [[alpha, 0], [1/2,
     * alpha]], rho(H) = alpha. With f = s_1: T(x s_0 + y s_1) = (alpha x + y/2) s_0 + alpha y s_1 + const, so
     * delta(T^t f) = (t alpha^{t-1}/2, alpha^t). At alpha_m = (m - 1)/(2m) &lt; lambda = 1/2 and t = m:
     * ||delta(T^t f)||/(lambda^t ||delta(f)||) = m (1 - 1/m)^{m-1} &gt;= m/e.
     */
    static Member policyFamily(int m) {
        Rational alpha = Rational.of(m - 1, 2L * m);
        Instance inst = BinaryChain.of("thm3-policy-family-m" + m, new int[] {2, 2}, new int[][] {{0}, {1}},
                (j, s, a) -> j == 0 ? Rational.of(a[0]) : Rational.of(s[0] + a[1], 2),
                (k, s) -> {
                    Rational move = k == 0 ? alpha : alpha.multiply(Rational.TWO);
                    return Rational.ONE.add(move.multiply(Rational.of(2L * s[k] - 1))).multiply(Rational.HALF);
                }, 1);
        Context ctx = new Context(inst);
        FractionVector f = FractionVector.of(BinaryChain.coordinate(inst, 1));
        Rational ratio = ctx.delta(Checks.iterate(ctx, f, m)).max().divide(LAMBDA.pow(m)).divide(ctx.delta(f).max());
        Rational closed = Rational.of(m).multiply(Rational.ONE.subtract(Rational.of(1, m)).pow(m - 1));
        return new Member(inst, ratio, closed, ctx.compareRho(LAMBDA) <= 0,
                "m=" + m + ", alpha = " + alpha + ", t = m, lambda = 1/2", "oscillation-ratio",
                Witness.empty().with("coordinate", 1).with("t", m).with("lambda", LAMBDA));
    }

    /**
     * A Jordan chain (2 binary agents, one action): s'_0 = s_0 or s_1 with probability 1/2 each, s'_1 = s_1 with
     * probability 1/2 and a fair coin otherwise. H = [[1/2, 1/2], [0, 1/2]], rho(H) = 1/2. With f = s_0:
     * T(x s_0 + y s_1) = (x/2) s_0 + ((x + y)/2) s_1 + const, so delta(T^t f) = (2^{-t}, t 2^{-t}).
     */
    static Instance jordanChain() {
        return BinaryChain.of("jordan-chain", new int[] {1, 1}, null,
                (j, s, a) -> j == 0 ? Rational.of(s[0] + s[1], 2) : Rational.of(2L * s[1] + 1, 4), (k, s) -> Rational.ZERO, 0);
    }

    /** The Jordan chain at lambda = rho(H) = 1/2 and t = m: ||delta(T^t s_0)||/lambda^t = m. */
    static Member jordanInTime(int m) {
        Instance inst = jordanChain();
        Context ctx = new Context(inst);
        FractionVector f = FractionVector.of(BinaryChain.coordinate(inst, 0));
        Rational ratio = ctx.delta(Checks.iterate(ctx, f, m)).max().divide(LAMBDA.pow(m)).divide(ctx.delta(f).max());
        return new Member(inst, ratio, Rational.of(m), ctx.compareRho(LAMBDA) == 0, "t = " + m + ", lambda = rho(H) = 1/2",
                "oscillation-ratio", Witness.empty().with("coordinate", 0).with("t", m).with("lambda", LAMBDA));
    }

    /**
     * The Jordan chain with reward s_0 at kappa = m: min_c ||hhat_kappa - c - h||_inf = (kappa + 3) 2^{-(kappa+1)},
     * so bias/lambda^{kappa+1} = kappa + 3 at lambda = rho(H) = 1/2.
     */
    static Member jordanBias(int m) {
        Instance inst = jordanChain();
        Context ctx = new Context(inst);
        var sol = ctx.poisson().orElseThrow();
        TruncatedPoisson tp = TruncatedPoisson.of(ctx.joint(), ctx.loop().rewardUnderPolicy(), sol.averageReward(), m);
        Rational ratio = tp.bias(m, sol.poisson()).divide(LAMBDA.pow(m + 1));
        return new Member(inst, ratio, Rational.of(m + 3), ctx.compareRho(LAMBDA) == 0,
                "kappa = " + m + ", lambda = rho(H) = 1/2, r = s_0", "bias-ratio",
                Witness.empty().with("kappa", m).with("lambda", LAMBDA));
    }

    /**
     * The Jordan chain updated asynchronously with nu = (1/2, 1/2): M = (I - diag nu) + diag nu H = [[3/4, 1/4], [0,
     * 3/4]], rho(M) = 3/4. With f = s_0, K(x s_0 + y s_1) = (3x/4) s_0 + ((x + 3y)/4) s_1 + const, so delta(K^t f) =
     * (3/4)^t (1, t/3): at lambda = rho(M) and t = 3m the ratio is m.
     */
    static Member jordanAsync(int m) {
        Instance inst = jordanChain();
        Context ctx = new Context(inst);
        RationalVector nu = RationalVector.of(new Rational[] {Rational.HALF, Rational.HALF});
        JointKernel k = AsynchronousChain.kernel(ctx.loop(), nu);
        Rational lambda = Rational.of(3, 4);
        FractionVector x = FractionVector.of(BinaryChain.coordinate(inst, 0));
        Rational df = ctx.delta(x).max();
        for (int t = 0; t < 3 * m; t++) {
            x = k.apply(x);
        }
        Rational ratio = ctx.delta(x).max().divide(lambda.pow(3 * m)).divide(df);
        boolean atRho = SpectralRadius.compare(AsynchronousChain.influence(ctx.h(), nu), lambda) == 0;
        return new Member(inst, ratio, Rational.of(m), atRho, "t = " + 3 * m + ", lambda = rho(M) = 3/4, nu = (1/2, 1/2)",
                "async-ratio", Witness.empty().with("coordinate", 0).with("t", 3 * m).with("lambda", lambda)
                        .with("nu", nu.toArray()));
    }

    /**
     * The path shift on n = m + 1 agents (one action each): agent j &lt; n - 1 copies s_{j+1}, the last is a fair coin.
     * B.4's graph is the path (maximum degree 2 from n = 3 on), rho(H) = 0, and ((H^pi)^t) with H^pi = (E^s)^T has
     * one 1 per row for t &lt; n: the least C with ||(H^pi)^t|| &lt;= C lambda^t is lambda^{-(n-1)} = 2^{n-1} at lambda
     * = 1/2.
     */
    static Member pathShift(int m) {
        int n = m + 1;
        Instance inst = pathShiftInstance(n);
        Context ctx = new Context(inst);
        Rational c = PowerBound.leastConstant(ctx.h().transpose(), LAMBDA).orElseThrow().constant();
        return new Member(inst, c, Rational.TWO.pow(n - 1), maxDegree(ctx) <= 2,
                "n = " + n + " agents on a path, lambda = 1/2", "power-constant", Witness.empty().with("lambda", LAMBDA));
    }

    /** n binary agents with one action each: agent j &lt; n - 1 copies s_{j+1}, the last is a fair coin; r = s_0. */
    static Instance pathShiftInstance(int n) {
        int[] actions = new int[n];
        Arrays.fill(actions, 1);
        return BinaryChain.of("path-shift-n" + n, actions, null,
                (j, s, a) -> j + 1 < s.length ? Rational.of(s[j + 1]) : Rational.HALF, (k, s) -> Rational.ZERO, 0);
    }

    /**
     * The path shift read spatially: T^t s_0 = s_t for t &lt; n and T^n s_0 = 1/2, so h = sum_i s_i + const and
     * delta_i(h) = 1 for every i, at graph distance i from the reward's support {0}. The least K with delta_i(h) &lt;= K
     * lambda^{dist(i, supp delta(r))} ||delta(r)||_inf for all i is lambda^{-(n-1)} = 2^{n-1} at lambda = 1/2.
     */
    static Member spatialDecay(int m) {
        int n = m + 1;
        Instance inst = pathShiftInstance(n);
        Context ctx = new Context(inst);
        RationalVector dh = ctx.delta(ctx.poisson().orElseThrow().poisson());
        Rational k = spatialConstant(dh, ctx.deltaReward(),
                InfluenceGraph.sparsityDistances(ctx.es(), ctx.ea(), ctx.pi()), LAMBDA);
        return new Member(inst, k, Rational.TWO.pow(n - 1), ctx.compareRho(Rational.ZERO) <= 0 && maxDegree(ctx) <= 2,
                "n = " + n + " agents on a path, reward s_0, decay rate lambda = 1/2", "spatial-ratio",
                Witness.empty().with("lambda", LAMBDA));
    }

    /**
     * The least K with delta_i(h) &lt;= K lambda^{dist(i, R)} ||b||_inf for every i, R the support of b = delta(r);
     * ArithmeticException when some delta_i(h) &gt; 0 lies out of R's reach (no finite K).
     */
    static Rational spatialConstant(RationalVector dh, RationalVector b, int[][] dist, Rational lambda) {
        Rational k = Rational.ZERO;
        for (int i = 0; i < dh.size(); i++) {
            int d = Integer.MAX_VALUE;
            for (int j = 0; j < b.size(); j++) {
                if (b.get(j).signum() > 0) {
                    d = Math.min(d, dist[i][j]);
                }
            }
            if (dh.get(i).signum() == 0) {
                continue;
            }
            if (d == Integer.MAX_VALUE) {
                throw new ArithmeticException("spatialConstant: delta_" + i + "(h) > 0 out of the reward's reach");
            }
            k = k.max(dh.get(i).divide(b.normInf().multiply(lambda.pow(d))));
        }
        return k;
    }

    /** The maximum degree of the least undirected graph meeting B.4's hypotheses (E^s, E^a, Pi supported on it). */
    static int maxDegree(Context ctx) {
        int n = ctx.agents();
        int best = 0;
        for (int i = 0; i < n; i++) {
            int d = 0;
            for (int j = 0; j < n; j++) {
                if (i != j && (edge(ctx, i, j) || edge(ctx, j, i))) {
                    d++;
                }
            }
            best = Math.max(best, d);
        }
        return best;
    }

    private static boolean edge(Context ctx, int j, int i) {
        return ctx.es().get(j, i).signum() != 0 || ctx.ea().get(j, i).signum() != 0 || ctx.pi().get(j, i).signum() != 0;
    }

    private static final Map<String, Member> CACHE = new ConcurrentHashMap<>();

    /** Member m of the named family, computed once per run. */
    static Member cached(String family, int m, IntFunction<Member> build) {
        return CACHE.computeIfAbsent(family + "#" + m, k -> build.apply(m));
    }

    /** A uniformity reading's check: the member named by the witness's m, against its closed form. */
    static Reading.Check check(String family, IntFunction<Member> build) {
        return (Reading.FamilyCheck) (ctx, w) -> cached(family, w.integer("m"), build).verdict();
    }

    /** The family behind each uniformity reading (claim/reading), in catalogue order. */
    public static Map<String, IntFunction<Member>> byReading() {
        Map<String, IntFunction<Member>> m = new LinkedHashMap<>();
        m.put("thm3-uniform/policy-uniform", UniformityFamilies::policyFamily);
        m.put("thm3-uniform/jordan-at-rho", UniformityFamilies::jordanInTime);
        m.put("sparsity/degree-only-constant", UniformityFamilies::pathShift);
        m.put("sparsity/edp-uniform", UniformityFamilies::spatialDecay);
        m.put("async/uniform-at-rho", UniformityFamilies::jordanAsync);
        m.put("thm7-bias/decay-at-rho", UniformityFamilies::jordanBias);
        return m;
    }

    /** The members m = 2, ..., last of a family, for the family files. */
    public static List<Member> members(IntFunction<Member> family, int last) {
        List<Member> out = new ArrayList<>();
        for (int m = 2; m <= last; m++) {
            out.add(family.apply(m));
        }
        return out;
    }
}
