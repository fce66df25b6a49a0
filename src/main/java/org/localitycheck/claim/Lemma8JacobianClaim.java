package org.localitycheck.claim;

import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;

/** (2) in Lemma 8's proof: ||diag(r) - r r^T||_{inf-&gt;1} &lt;= 1, with equality at uniform r, m even. */
final class Lemma8JacobianClaim extends BaseClaim {
    Lemma8JacobianClaim() {
        super("lemma8-jacobian", "Lemma 8, proof, (2)",
                "||diag(r) - r r^T||_{inf->1} <= 1 for every probability vector r; equality at uniform r, m even");
    }

    @Override
    public String family() {
        return "none";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.of("r", Param.Kind.PROBABILITY));
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("literal", "||diag(r) - r r^T||_{inf->1} <= 1", Expected.HOLDS,
                        "E_r|delta_I - mu| <= 1 - mu^2 <= 1 on sign vectors, the extreme points.",
                        (ctx, w) -> Verdict.atMost(norm(w.vector("r")), Rational.ONE, "r")),
                Reading.of("equality-uniform-even", "at uniform r with m even the norm equals 1", Expected.HOLDS,
                        "Half the signs +1, half -1: mu = 0.",
                        (ctx, w) -> {
                            Rational[] r = w.vector("r");
                            boolean uniform = Arrays.stream(r).allMatch(x -> x.equals(r[0]));
                            if (!uniform || r.length % 2 != 0) {
                                return Verdict.notApplicable("r is not uniform of even length");
                            }
                            return Verdict.equal(norm(r), Rational.ONE, "uniform r, m = " + r.length);
                        }).provenBy("At r = (1/m, ..., 1/m) with m even take delta with m/2 entries +1 and m/2 entries -1: "
                        + "mu = <r, delta> = 0 and (J(r) delta)_i = r_i (delta_i - mu) = delta_i/m, so ||J(r) delta||_1 = 1; "
                        + "with (2) the norm is exactly 1. The check computes the norm exactly (max over sign vectors) "
                        + "at every drawn uniform r of even length."));
    }

    /** max over sign vectors d of sum_i r_i |d_i - <r, d>|: the inf-&gt;1 norm of J(r). */
    static Rational norm(Rational[] r) {
        int m = r.length;
        if (m > 20) {
            throw new IllegalArgumentException("lemma8-jacobian: m = " + m + " is past the 20 for exhaustive signs");
        }
        Rational best = Rational.ZERO;
        for (int mask = 0; mask < (1 << m); mask++) {
            Rational mu = Rational.ZERO;
            for (int i = 0; i < m; i++) {
                mu = mu.add((mask >> i & 1) == 1 ? r[i] : r[i].negate());
            }
            Rational s = Rational.ZERO;
            for (int i = 0; i < m; i++) {
                Rational d = (mask >> i & 1) == 1 ? Rational.ONE : Rational.MINUS_ONE;
                s = s.add(r[i].multiply(d.subtract(mu).abs()));
            }
            best = best.max(s);
        }
        return best;
    }
}
