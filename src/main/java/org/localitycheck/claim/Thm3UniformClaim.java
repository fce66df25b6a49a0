package org.localitycheck.claim;

import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.quantity.PowerBound;

/**
 * Thm. 3 and App. B.3: if rho(H) &lt;= lambda &lt; 1 there is C &gt;= 1 independent of t with
 * ||delta((T^pi)^t f)||_inf &lt;= C lambda^t ||delta(f)||_inf.
 */
final class Thm3UniformClaim extends BaseClaim {
    Thm3UniformClaim() {
        super("thm3-uniform", "Thm. 3; App. B.3",
                "if rho(H^pi) <= lambda < 1 there is C >= 1 independent of t with ||delta((T^pi)^t f)|| <= C lambda^t ||delta(f)||");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("t", Param.Kind.TIME),
                Param.of("lambda", Param.Kind.LAMBDA), Param.of("m", Param.Kind.MEMBER));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal",
                        "for every lambda in [0, 1) with rho(H) <= lambda (lambda = rho(H) included) some C >= 1 bounds "
                                + "||delta(T^t f)|| by C lambda^t ||delta(f)|| for all t",
                        Expected.REFUTED,
                        "At lambda = rho(H) = 0 (H nilpotent but nonzero) C lambda^t = 0 for t >= 1, while delta(T f) "
                                + "need not vanish: no C exists, a finite certificate. B.3's 'standard bounds' give C "
                                + "lambda^t only for lambda > rho(H). At 0 < lambda = rho(H) a Jordan block can also "
                                + "break it: reading jordan-at-rho.",
                        (ctx, w) -> check(ctx, w, true)),
                Reading.of("lambda-above-rho",
                        "for lambda in (rho(H), 1): ||delta(T^t f)|| <= C lambda^t ||delta(f)|| with C the least "
                                + "constant of ||((H)^T)^t||_inf <= C lambda^t",
                        Expected.HOLDS, "Lemma 2 iterated, and C_lambda = sup_t ||(H^T/lambda)^t|| is finite and "
                                + "computed exactly (quantity.PowerBound).",
                        (ctx, w) -> check(ctx, w, false)).corrected(),
                Reading.of("policy-uniform",
                        "'C >= 1 independent of t and pi': one C serves every policy of a class with rho(H^pi) <= lambda; "
                                + "tested along policies pi_m of one environment with rho(H^{pi_m}) = (m - 1)/(2m) < lambda = 1/2",
                        Expected.REFUTED,
                        "The least C of pi_m is at least m (1 - 1/m)^{m-1} >= m/e (closed form below, computed exactly at "
                                + "every member): it grows without bound along the class, so no C independent of pi exists. "
                                + "For lambda' > lambda a uniform C_{lambda'} does exist (B.3's C_eps), which is what the "
                                + "proof uses.",
                        UniformityFamilies.check("thm3-policy", UniformityFamilies::policyFamily))
                        .provenBy("Family: " + POLICY_FAMILY + " The check computes ||delta(T^m f)||/(lambda^m ||delta(f)||) "
                                + "exactly on member m and compares it with m (1 - 1/m)^{m-1}; (1 - 1/m)^{m-1} >= 1/e for m >= 2."),
                Reading.of("policy-uniform-eps",
                        "B.3's C_eps (L438-440): for every eps in (0, 1 - lambda) one C_eps, independent of t and pi, bounds "
                                + "||((H^pi)^T)^t||_inf <= C_eps (lambda + eps)^t for all t and every pi of a class with rho(H^pi) "
                                + "<= lambda; checked along the policies pi_m (rho(H^{pi_m}) = (m - 1)/(2m) < lambda = 1/2, "
                                + "where no C serves lambda itself): at eps = 1/4, C = 4/3 serves every m",
                        Expected.HOLDS,
                        "True for a fixed number of agents, by compactness (proof below); the constant depends on n (see "
                                + "sparsity/degree-only-constant). Along the family, where policy-uniform refutes a constant at "
                                + "lambda itself, the least constant at rate 3/4 is computed exactly and tends to 4/3.",
                        (Reading.FamilyCheck) (ctx, w) -> epsMargin(w.integer("m")))
                        .provenBy("General (n fixed): E^s, E^a and Pi have entries in [0, 1], so H^pi lies in K = {M : 0 <= "
                                + "M <= 1 + n entrywise, rho(M) <= lambda}, which is compact (rho is continuous), and ||M||_inf "
                                + "<= B = n(n + 1) on K. For M in K, Gelfand's formula gives t_M with ||M^{t_M}||_inf < (lambda + "
                                + "eps)^{t_M}, and by continuity the same holds on an open neighbourhood of M. Finitely many "
                                + "neighbourhoods cover K; let T be their largest t_M. Any M in K lies in one of them, with time "
                                + "t_j <= T, so for t = q t_j + r (r < t_j), ||M^t|| <= ||M^{t_j}||^q ||M||^r <= (lambda + "
                                + "eps)^t (B/(lambda + eps))^r: C_eps = max(1, B/(lambda + eps))^T serves every pi and t. "
                                + "Family: " + POLICY_FAMILY + " H^T = [[alpha, 1/2], [0, alpha]], so "
                                + "((H^T)^t) = [[alpha^t, t alpha^{t-1}/2], [0, alpha^t]] and ||(H^T)^t||_inf = alpha^t + "
                                + "t alpha^{t-1}/2 <= (1 + t) 2^{-t} for alpha <= 1/2. Divided by (3/4)^t this is at most "
                                + "(1 + t)(2/3)^t, whose largest value over t >= 0 is 4/3 (at t = 1 and t = 2; the ratio of "
                                + "consecutive terms, (t + 2)/(t + 1) 2/3, is 1 at t = 1 and below 1 from t = 2). The check "
                                + "computes the least constant at rate 3/4 of member m exactly (quantity.PowerBound) and "
                                + "compares it with 4/3."),
                Reading.of("jordan-at-rho",
                        "at lambda = rho(H) > 0 (Thm. 3 allows it): some C bounds ||delta(T^t f)|| by C lambda^t ||delta(f)|| "
                                + "for all t; tested on a Jordan chain with rho(H) = lambda = 1/2",
                        Expected.REFUTED,
                        "With a Jordan block at the spectral radius the ratio grows like t: at t = m it is exactly m, so no C "
                                + "independent of t exists. This is the case B.3's 'standard bounds for nonnegative matrices' "
                                + "do not cover; the literal reading's certificate is the degenerate lambda = 0.",
                        UniformityFamilies.check("jordan-time", UniformityFamilies::jordanInTime))
                        .provenBy("Family: the Jordan chain s'_0 = s_0 or s_1 (1/2 each), s'_1 = s_1 or a coin (1/2 each), "
                                + "H = [[1/2, 1/2], [0, 1/2]]; with f = s_0, T(x s_0 + y s_1) = (x/2) s_0 + ((x + y)/2) s_1 + "
                                + "const, so delta(T^t f) = (2^{-t}, t 2^{-t}) and the ratio at t = m is m, computed exactly at "
                                + "every member."));
    }

    /** The least C with ||((H^{pi_m})^T)^t|| &lt;= C (3/4)^t for member m of the policy family, against 4/3. */
    static Verdict epsMargin(int m) {
        Context ctx = new Context(UniformityFamilies.policyFamily(m).instance());
        Rational rate = Rational.of(3, 4);
        if (ctx.compareRho(UniformityFamilies.LAMBDA) > 0) {
            return Verdict.fact(false, "member " + m + " has rho(H) above lambda = 1/2");
        }
        Optional<PowerBound.LeastConstant> c = PowerBound.leastConstant(ctx.h().transpose(), rate);
        if (c.isEmpty()) {
            return Verdict.fact(false, "member " + m + ": no constant at rate 3/4");
        }
        return Verdict.atMost(c.get().constant(), Rational.of(4, 3), "m=" + m + ", least C at rate 3/4 = "
                + c.get().constant() + " (attained at t = " + c.get().attainedAt() + ")");
    }

    static final String POLICY_FAMILY = "s'_0 = a_0; s'_1 = s_0 or a_1 (1/2 each); pi_0(1 | s) = (1 + (2 s_0 - 1) alpha)/2 "
            + "observing s_0, pi_1(1 | s) = (1 + (2 s_1 - 1) 2 alpha)/2 observing s_1; H = [[alpha, 0], [1/2, alpha]], rho(H) "
            + "= alpha; with f = s_1, delta(T^t f) = (t alpha^{t-1}/2, alpha^t), so at alpha = (m - 1)/(2m), lambda = 1/2 and "
            + "t = m the ratio is m (1 - 1/m)^{m-1}.";

    static Verdict check(Context ctx, Witness w, boolean allowEquality) {
        Rational lambda = w.rational("lambda");
        int t = w.integer("t");
        if (lambda.signum() < 0 || lambda.compareTo(Rational.ONE) >= 0) {
            return Verdict.notApplicable("lambda outside [0, 1)");
        }
        int cmp = ctx.compareRho(lambda);
        if (cmp > 0 || (cmp == 0 && !allowEquality)) {
            return Verdict.notApplicable("rho(H) " + (cmp > 0 ? ">" : "=") + " lambda");
        }
        FractionVector f = Checks.function(ctx, w, "f");
        Rational lhs = ctx.delta(Checks.iterate(ctx, f, t)).max();
        Rational df = ctx.delta(f).max();
        if (cmp == 0) {
            if (lambda.signum() == 0 && t >= 1) {
                return Verdict.atMostZero(lhs, "t=" + t + ", lambda = rho(H) = 0: C lambda^t = 0 for every C");
            }
            return Verdict.notApplicable("lambda = rho(H) > 0: no finite certificate either way");
        }
        Optional<PowerBound.LeastConstant> c = PowerBound.leastConstant(ctx.h().transpose(), lambda);
        Rational rhs = c.orElseThrow().constant().multiply(lambda.pow(t)).multiply(df);
        return Verdict.atMost(lhs, rhs, "t=" + t + ", C=" + c.get().constant());
    }
}
