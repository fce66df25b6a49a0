package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/** App. E.1: C_{2&lt;-1} = 1 exactly; H has an off-diagonal 1, "making rho(H) &gt;= 1". */
final class LeaderFollowerClaim extends BaseClaim {
    LeaderFollowerClaim() {
        super("leader-follower", "App. E.1",
                "C_{2<-1} = 1 exactly; H has an off-diagonal 1, 'making rho(H) >= 1'");
    }

    @Override
    public String family() {
        return "leader-follower";
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("c-equals-one", "C_{2<-1} = 1 and H_{2<-1} = 1 for every leader kernel and policy",
                        Expected.HOLDS, "s'_2 copies s_1 whatever the actions.",
                        (ctx, w) -> Verdict.worst(List.of(Verdict.equal(ctx.c().get(1, 0), Rational.ONE, "C_{2<-1}"),
                                Verdict.equal(ctx.h().get(1, 0), Rational.ONE, "H_{2<-1}")))),
                Reading.of("follower-action-free",
                        "E^a = 0 read for the follower's row, the one the parenthesis justifies ('actions have no effect on "
                                + "s'_2'): E^a_{2<-1} = E^a_{2<-2} = 0 for every leader kernel",
                        Expected.HOLDS, "s'_2 copies s_1 whatever the actions.",
                        (ctx, w) -> Verdict.fact(ctx.ea().get(1, 0).isZero() && ctx.ea().get(1, 1).isZero(),
                                "row 2 of E^a")),
                Reading.of("ea-zero",
                        "E^a = 0 as a matrix, for every leader kernel (which the paper leaves open)",
                        Expected.REFUTED,
                        "A convention check: in context 'E^a = 0' is the follower's row (the parenthesis speaks of s'_2, "
                                + "and the display uses only that row; reading follower-action-free, which holds). Read as the "
                                + "whole matrix it depends on the leader's kernel, which the paper leaves open: a leader whose "
                                + "next state reads an action has a nonzero row.",
                        (ctx, w) -> Verdict.fact(ctx.ea().isZero(), "E^a against 0")).convention(),
                Reading.of("rho-at-least-one",
                        "rho(H) >= 1 for the example, whatever the leader's own kernel (which the paper leaves open)",
                        Expected.REFUTED,
                        "An off-diagonal 1 alone does not give rho >= 1: with a leader that ignores its past, "
                                + "H = [[0, 0], [1, 0]] is nilpotent and rho(H) = 0.",
                        (ctx, w) -> Verdict.fact(ctx.compareRho(Rational.ONE) >= 0, "rho(H) vs 1")),
                Reading.exists("rho-at-least-one-some-leader",
                        "some leader kernel makes rho(H) >= 1 (for instance a leader that keeps its state)",
                        "Then E^s_{1<-1} = 1 and H is lower triangular with a 1 on the diagonal.",
                        (ctx, w) -> Verdict.fact(ctx.compareRho(Rational.ONE) >= 0, "rho(H) vs 1")).corrected());
    }
}
