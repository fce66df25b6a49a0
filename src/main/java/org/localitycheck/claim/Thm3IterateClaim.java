package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.RationalInterval;

/** Thm. 3: delta((T^pi)^t f) &lt;= ((H^pi)^T)^t delta(f) for all t &gt;= 0. */
final class Thm3IterateClaim extends BaseClaim {
    Thm3IterateClaim() {
        super("thm3-iterate", "Thm. 3", "delta((T^pi)^t f) <= ((H^pi)^T)^t delta(f) for all t >= 0");
    }

    /** Every general family, then softmax policies, decided on enclosures. */
    @Override
    public List<String> families() {
        return List.of("any", "softmax");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION), Param.of("t", Param.Kind.TIME));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal", "delta(T^t f) <= (H^T)^t delta(f) entrywise, at the drawn t",
                Expected.HOLDS, "Lemma 2 iterated; H >= 0 keeps the order.", Thm3IterateClaim::check));
    }

    static Verdict check(Context ctx, Witness w) {
        FractionVector f = Checks.function(ctx, w, "f");
        int t = w.integer("t");
        if (ctx.isSoftmax()) {
            return Checks.entrywise(bits -> new RationalInterval[][] {ctx.softmax(bits).deltaOfIterate(f, t),
                SoftmaxEnclosures.times(ctx.softmax(bits).h.transpose().pow(t), ctx.delta(f))}, "delta(T^" + t + " f)");
        }
        return Checks.entrywise(ctx.delta(Checks.iterate(ctx, f, t)), ctx.h().transpose().pow(t).multiply(ctx.delta(f)),
                "delta(T^" + t + " f)");
    }
}
