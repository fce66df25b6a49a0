package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.JointSpace;
import org.localitycheck.quantity.Oscillation;

/**
 * Prop. 20: |f(x) - f(z)| &lt;= p(f) d_H(x, z), and p(f) is the least such constant; and App. B.2's finer step, with
 * delta_j(f) for each differing coordinate.
 */
final class HammingClaim extends BaseClaim {
    HammingClaim() {
        super("hamming", "Prop. 20 (App. E.3); App. B.2",
                "|f(x)-f(z)| <= p(f) d_H(x,z), p(f) is the best such constant, and B.2's per-coordinate form");
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("f", Param.Kind.FUNCTION));
    }

    @Override
    public List<Reading> readings() {
        return List.of(Reading.of("literal",
                "for all x, z: |f(x) - f(z)| <= p(f) d_H(x, z); and p(f) = max over d_H(x, z) = 1 of |f(x) - f(z)|",
                Expected.HOLDS, "Telescoping along a path of single-coordinate changes (App. E.3).",
                HammingClaim::check),
                Reading.of("per-coordinate",
                        "App. B.2's step: for all x, z: |f(x) - f(z)| <= sum of delta_j(f) over the coordinates j with "
                                + "x_j != z_j",
                        Expected.HOLDS, "Telescoping along a path that changes the differing coordinates one at a time: "
                                + "changing coordinate j alone moves f by at most delta_j(f).",
                        HammingClaim::perCoordinate));
    }

    static Verdict perCoordinate(Context ctx, Witness w) {
        JointSpace st = ctx.instance().states();
        FractionVector f = Checks.function(ctx, w, "f");
        RationalVector delta = Oscillation.delta(st, f);
        List<Verdict> vs = new ArrayList<>();
        for (int x = 0; x < st.size(); x++) {
            for (int z = x + 1; z < st.size(); z++) {
                Rational bound = Rational.ZERO;
                for (int j = 0; j < st.coordinates(); j++) {
                    if (st.digit(x, j) != st.digit(z, j)) {
                        bound = bound.add(delta.get(j));
                    }
                }
                vs.add(Verdict.atMost(f.get(x).subtract(f.get(z)).abs(), bound, "x=" + x + ", z=" + z));
            }
        }
        return Verdict.worst(vs);
    }

    static Verdict check(Context ctx, Witness w) {
        JointSpace st = ctx.instance().states();
        FractionVector f = Checks.function(ctx, w, "f");
        Rational p = Oscillation.seminorm(st, f);
        List<Verdict> vs = new ArrayList<>();
        Rational bestAtOne = Rational.ZERO;
        for (int x = 0; x < st.size(); x++) {
            for (int z = x + 1; z < st.size(); z++) {
                int d = 0;
                for (int i = 0; i < st.coordinates(); i++) {
                    d += st.digit(x, i) != st.digit(z, i) ? 1 : 0;
                }
                Rational diff = f.get(x).subtract(f.get(z)).abs();
                if (d == 1) {
                    bestAtOne = bestAtOne.max(diff);
                }
                vs.add(Verdict.atMost(diff, p.multiply(Rational.of(d)), "x=" + x + ", z=" + z));
            }
        }
        vs.add(Verdict.equal(bestAtOne, p, "least constant"));
        return Verdict.worst(vs);
    }
}
