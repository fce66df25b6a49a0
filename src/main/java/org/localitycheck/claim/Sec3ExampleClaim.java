package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/** Sec. 3's worked example: E^s = 0, E^a_{2&lt;-1} = 1 (others 0), Pi_{1&lt;-1} = alpha, C_{2&lt;-1} &lt;= alpha. */
final class Sec3ExampleClaim extends BaseClaim {
    Sec3ExampleClaim() {
        super("sec3-example", "Sec. 3, worked example",
                "E^s = 0, E^a_{2<-1} = 1, Pi_{1<-1} = alpha, C_{2<-1} <= alpha");
    }

    @Override
    public String family() {
        return "section3";
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal",
                        "on the example (agent 1 = index 0): E^s = 0, E^a_{2<-1} = 1 and every other E^a entry 0, "
                                + "Pi_{1<-1} = alpha, Pi_{1<-2} = 0, C_{2<-1} <= alpha",
                        Expected.HOLDS, "Direct computation; the family draws alpha.", Sec3ExampleClaim::check),
                Reading.of("bound-attained", "C_{2<-1} = alpha exactly (the bound of Prop. 1 is tight here)",
                        Expected.HOLDS, "P^pi_2(1 | s) = pi_1(1 | s_1).",
                        (ctx, w) -> Verdict.equal(ctx.c().get(1, 0), w.rational("alpha"), "C_{2<-1}")).convention());
    }

    static Verdict check(Context ctx, Witness w) {
        Rational alpha = w.rational("alpha");
        boolean eaShape = ctx.ea().get(1, 0).equals(Rational.ONE) && ctx.ea().get(0, 0).isZero()
                && ctx.ea().get(0, 1).isZero() && ctx.ea().get(1, 1).isZero();
        return Verdict.worst(List.of(
                Verdict.fact(ctx.es().isZero(), "E^s = 0"),
                Verdict.fact(eaShape, "E^a = [[0,0],[1,0]]"),
                Verdict.equal(ctx.pi().get(0, 0), alpha, "Pi_{1<-1}"),
                Verdict.equalZero(ctx.pi().get(0, 1), "Pi_{1<-2}"),
                Verdict.atMost(ctx.c().get(1, 0), alpha, "C_{2<-1}")));
    }
}
