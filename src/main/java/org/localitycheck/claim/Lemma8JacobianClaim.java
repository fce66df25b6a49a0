package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * (2) in Lemma 8's proof: ||diag(r) - r r^T||_{inf-&gt;1} &lt;= 1, with equality at uniform r, m even; and the
 * proof's two identities on the way (J delta coordinatewise, and E_r|delta_I - mu| = 1 - mu^2 on sign vectors).
 */
final class Lemma8JacobianClaim extends BaseClaim {
    Lemma8JacobianClaim() {
        super("lemma8-jacobian", "Lemma 8, proof, (2)",
                "||diag(r) - r r^T||_{inf->1} <= 1 for every probability vector r; equality at uniform r, m even; "
                        + "the proof's identities for J delta and on sign vectors");
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
                Reading.of("jacobian-action",
                        "the proof's (J delta)_i = r_i (delta_i - <r, delta>) and ||J delta||_1 = E_r|delta_I - mu|, "
                                + "mu = <r, delta>, J = diag(r) - r r^T: at every sign vector delta and at delta_i = "
                                + "(2i - m + 1)/m",
                        Expected.HOLDS, "(J delta)_i = r_i delta_i - r_i sum_j r_j delta_j; the l1 norm sums r_i |delta_i - mu|.",
                        (ctx, w) -> jacobianAction(w.vector("r"))),
                Reading.of("sign-vector-identity",
                        "the proof's 'for delta in {-1, +1}^m with mean mu = <r, delta>: E_r|delta_I - mu| = 1 - mu^2'",
                        Expected.HOLDS, "With p the r-mass of the +1 signs, mu = 2p - 1 and E|delta_I - mu| = "
                                + "p (1 - mu) + (1 - p)(1 + mu) = 1 - mu^2.",
                        (ctx, w) -> signVectorIdentity(w.vector("r"))),
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

    /** The sign vectors of length m (mask bit i set: +1). */
    static List<Rational[]> signVectors(int m) {
        if (m > 20) {
            throw new IllegalArgumentException("lemma8-jacobian: m = " + m + " is past the 20 for exhaustive signs");
        }
        List<Rational[]> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << m); mask++) {
            Rational[] d = new Rational[m];
            for (int i = 0; i < m; i++) {
                d[i] = (mask >> i & 1) == 1 ? Rational.ONE : Rational.MINUS_ONE;
            }
            out.add(d);
        }
        return out;
    }

    /** E_r|delta_I - mu| = sum_i r_i |delta_i - mu| with mu = &lt;r, delta&gt;. */
    static Rational meanDeviation(Rational[] r, Rational[] d) {
        Rational mu = dot(r, d);
        Rational s = Rational.ZERO;
        for (int i = 0; i < r.length; i++) {
            s = s.add(r[i].multiply(d[i].subtract(mu).abs()));
        }
        return s;
    }

    /** At every sign vector and at the interior vector delta_i = (2i - m + 1)/m. */
    static Verdict jacobianAction(Rational[] r) {
        int m = r.length;
        List<Rational[]> deltas = signVectors(m);
        Rational[] inner = new Rational[m];
        for (int i = 0; i < m; i++) {
            inner[i] = Rational.of(2L * i - m + 1, m);
        }
        deltas.add(inner);
        List<Verdict> vs = new ArrayList<>();
        for (Rational[] d : deltas) {
            Rational mu = dot(r, d);
            Rational l1 = Rational.ZERO;
            for (int i = 0; i < m; i++) {
                Rational ji = Rational.ZERO; // (J d)_i from the matrix J = diag(r) - r r^T
                for (int j = 0; j < m; j++) {
                    Rational jij = (i == j ? r[i] : Rational.ZERO).subtract(r[i].multiply(r[j]));
                    ji = ji.add(jij.multiply(d[j]));
                }
                vs.add(Verdict.equal(ji, r[i].multiply(d[i].subtract(mu)), "(J delta)_" + i + ", delta = "
                        + Arrays.toString(d)));
                l1 = l1.add(ji.abs());
            }
            vs.add(Verdict.equal(l1, meanDeviation(r, d), "||J delta||_1, delta = " + Arrays.toString(d)));
        }
        return Verdict.worst(vs);
    }

    static Verdict signVectorIdentity(Rational[] r) {
        List<Verdict> vs = new ArrayList<>();
        for (Rational[] d : signVectors(r.length)) {
            Rational mu = dot(r, d);
            vs.add(Verdict.equal(meanDeviation(r, d), Rational.ONE.subtract(mu.multiply(mu)),
                    "delta = " + Arrays.toString(d)));
        }
        return Verdict.worst(vs);
    }

    private static Rational dot(Rational[] r, Rational[] d) {
        Rational s = Rational.ZERO;
        for (int i = 0; i < r.length; i++) {
            s = s.add(r[i].multiply(d[i]));
        }
        return s;
    }

    /** max over sign vectors d of sum_i r_i |d_i - &lt;r, d&gt;|: the inf-&gt;1 norm of J(r). */
    static Rational norm(Rational[] r) {
        Rational best = Rational.ZERO;
        for (Rational[] d : signVectors(r.length)) {
            best = best.max(meanDeviation(r, d));
        }
        return best;
    }
}
