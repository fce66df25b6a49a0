package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.RationalInterval;

/** Lemma 2: delta_i(T^pi f) &lt;= sum_j H_{j&lt;-i} delta_j(f) with H = E^s + E^a Pi. */
final class Lemma2Claim extends BaseClaim {
    Lemma2Claim() {
        super("lemma2", "Lemma 2, App. B.2", "delta_i(T^pi f) <= sum_j H_{j<-i} delta_j(f), H = E^s + E^a Pi");
    }

    /** Every general family, then softmax policies, decided on enclosures. */
    @Override
    public List<String> families() {
        return List.of("any", "softmax");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal", "delta(T^pi f) <= H^T delta(f) entrywise", Expected.HOLDS,
                "B.2 couples actions coordinatewise and next states jointly given the actions: the proof is sound.",
                Lemma2Claim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        FractionVector f = Checks.function(ctx, w, "f");
        if (ctx.isSoftmax()) {
            return Checks.entrywise(bits -> new RationalInterval[][] {ctx.softmax(bits).deltaOfIterate(f, 1),
                SoftmaxEnclosures.times(ctx.softmax(bits).h.transpose(), ctx.delta(f))}, "delta(Tf)");
        }
        return Checks.entrywise(ctx.delta(ctx.joint().apply(f)), ctx.h().transpose().multiply(ctx.delta(f)),
                "delta(Tf)");
    }
}
