package org.localitycheck.search;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Param;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.RandomRows;

/**
 * Draws witness parameters, leaning on the boundaries: test functions that are one-hot, product or
 * equality indicators; lambda exactly at rho(H) whenever rho(H) is rational and found, or just above it.
 */
public final class WitnessGenerator {
    private static final Rational[] GAMMAS = {Rational.parse("1/3"), Rational.HALF, Rational.parse("2/3"),
        Rational.parse("9/10"), Rational.parse("99/100")};

    /** Members m = 2, ..., 1 + UNIFORMITY_MEMBERS of a uniformity family are drawn. */
    public static final int UNIFORMITY_MEMBERS = 7;

    private WitnessGenerator() {
    }

    public static Witness draw(Iterable<Param> params, Context ctx, Witness start, SplittableRandom rnd) {
        Witness w = start;
        for (Param p : params) {
            if (!w.has(p.name())) {
                Object v = p.kind() == Param.Kind.LOGITS ? logits(w, rnd)
                        : p.kind() == Param.Kind.PROBABILITY && firstVector(w) != null
                                ? RandomRows.probability(rnd, firstVector(w).length, 2 + rnd.nextInt(10), rnd.nextBoolean())
                                : value(p.kind(), ctx, rnd);
                w = w.with(p.name(), v);
            }
        }
        return w;
    }

    static Object value(Param.Kind kind, Context ctx, SplittableRandom rnd) {
        int n = ctx.instance() == null ? 0 : ctx.agents();
        switch (kind) {
            case FUNCTION:
                return function(ctx.instance().states(), rnd);
            case TIME:
                return rnd.nextInt(5);
            case KAPPA:
                return rnd.nextInt(6);
            case LAMBDA:
                return lambda(ctx, rnd);
            case GAMMA:
                return GAMMAS[rnd.nextInt(GAMMAS.length)];
            case SITE_DISTRIBUTION:
                return RandomRows.probability(rnd, n, 4 * n, true);
            case WEIGHTS: {
                Rational[] w = new Rational[n];
                for (int i = 0; i < n; i++) {
                    w[i] = Rational.of(1 + rnd.nextInt(4), 1 + rnd.nextInt(3));
                }
                return w;
            }
            case SCALAR:
                return Rational.of(rnd.nextInt(13) - 6, 2);
            case TAU: {
                Rational[] taus = {Rational.parse("1/4"), Rational.HALF, Rational.ONE, Rational.TWO, Rational.of(4),
                    Rational.parse("1/10")};
                return taus[rnd.nextInt(taus.length)];
            }
            case EPSILON:
                return Rational.of(1, 1L << (1 + rnd.nextInt(12)));
            case MEMBER:
                return 2 + rnd.nextInt(UNIFORMITY_MEMBERS);
            case AGENT:
                return rnd.nextInt(n);
            case PROBABILITY: {
                int m = 2 + rnd.nextInt(4);
                return rnd.nextInt(3) == 0 ? RandomRows.uniform(m) : RandomRows.probability(rnd, m, 2 + rnd.nextInt(10), false);
            }
            default:
                throw new IllegalArgumentException("WitnessGenerator: no generator for " + kind);
        }
    }

    /** The first vector already in the witness, or null. */
    static Rational[] firstVector(Witness w) {
        for (Object o : w.values().values()) {
            if (o instanceof Rational[]) {
                return (Rational[]) o;
            }
        }
        return null;
    }

    /**
     * Logits: the first vector of a witness is random (or constant, the sharp case of Lemma 8); a later one is
     * the first plus a perturbation: random, or +-eps alternating (balanced), or on one entry.
     */
    static Rational[] logits(Witness w, SplittableRandom rnd) {
        Rational[] first = firstVector(w);
        if (first == null) {
            int m = 2 + rnd.nextInt(4);
            Rational[] u = new Rational[m];
            boolean constant = rnd.nextInt(3) == 0;
            for (int i = 0; i < m; i++) {
                u[i] = constant ? Rational.ZERO : Rational.of(rnd.nextInt(9) - 4, 1 + rnd.nextInt(2));
            }
            return u;
        }
        Rational[] v = first.clone();
        int shape = rnd.nextInt(3);
        Rational eps = Rational.of(1, 1L << rnd.nextInt(8));
        for (int i = 0; i < v.length; i++) {
            if (shape == 0) {
                v[i] = v[i].add(Rational.of(rnd.nextInt(5) - 2, 1 + rnd.nextInt(3)));
            } else if (shape == 1) {
                v[i] = v[i].add(i % 2 == 0 ? eps : eps.negate());
            } else if (i == 0) {
                v[i] = v[i].add(eps);
            }
        }
        return v;
    }

    /** A function on joint states, of one of several shapes. */
    static Rational[] function(JointSpace st, SplittableRandom rnd) {
        int size = st.size();
        int n = st.coordinates();
        Rational[] f = new Rational[size];
        int shape = rnd.nextInt(6);
        int i = rnd.nextInt(n);
        int j = rnd.nextInt(n);
        int vi = rnd.nextInt(st.localSize(i));
        int vj = rnd.nextInt(st.localSize(j));
        int hot = rnd.nextInt(size);
        for (int s = 0; s < size; s++) {
            switch (shape) {
                case 0:
                    f[s] = RandomRows.integer(rnd, -2, 2);
                    break;
                case 1:
                    f[s] = Rational.of(rnd.nextInt(2));
                    break;
                case 2:
                    f[s] = s == hot ? Rational.ONE : Rational.ZERO;
                    break;
                case 3:
                    f[s] = st.digit(s, i) == vi && st.digit(s, j) == vj ? Rational.ONE : Rational.ZERO;
                    break;
                case 4:
                    f[s] = st.digit(s, i) == st.digit(s, j) ? Rational.ONE : Rational.ZERO;
                    break;
                default:
                    int parity = 0;
                    for (int c = 0; c < n; c++) {
                        parity += st.digit(s, c);
                    }
                    f[s] = Rational.of(parity % 2);
                    break;
            }
        }
        return f;
    }

    /** lambda in [0, 1): exactly rho(H) when the enclosure is a point, else a little above it. */
    static Rational lambda(Context ctx, SplittableRandom rnd) {
        RationalInterval rho = SpectralRadius.enclose(ctx.h());
        if (rho.isPoint() && rho.lower().compareTo(Rational.ONE) < 0 && rnd.nextBoolean()) {
            return rho.lower();
        }
        Rational hi = rho.upper();
        if (hi.compareTo(Rational.ONE) >= 0) {
            return Rational.HALF; // outside the hypothesis: the reading says so
        }
        Rational[] fractions = {Rational.parse("1/16"), Rational.parse("1/4"), Rational.HALF, Rational.parse("3/4")};
        Rational step = Rational.ONE.subtract(hi).multiply(fractions[rnd.nextInt(fractions.length)]);
        return shortAbove(hi.add(step));
    }

    /** x rounded up to a dyadic with 12 bits, so that lambda stays short to write down; x itself if that reaches 1. */
    static Rational shortAbove(Rational x) {
        Rational up = Rational.of(x.multiply(Rational.of(4096)).ceil(), BigInteger.valueOf(4096));
        return up.compareTo(Rational.ONE) < 0 ? up : x;
    }
}
