package org.localitycheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Param;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.RandomRows;

/**
 * Deterministic grids of witness values, for evaluating readings on one instance ({@code eval}) and for the
 * exhaustive scopes: every 0/1 test function on up to 4 joint states (coordinate, agreement and parity indicators
 * and one-hot functions beyond), t in 0..4, kappa in 0..3, lambda at rho(H) when it is rational and halfway to 1,
 * the tau, gamma and scalar grids of the random search, every agent. Symmetric under permutations of agents and
 * relabellings of local states, so that a scope may be enumerated up to symmetry.
 */
public final class WitnessGrid {
    static final Rational[] TAUS = {Rational.of(1, 10), Rational.of(1, 4), Rational.HALF, Rational.ONE, Rational.TWO,
        Rational.of(4)};
    static final Rational[] GAMMAS = {Rational.HALF, Rational.of(9, 10), Rational.of(99, 100)};
    static final Rational[] SCALARS = {Rational.of(-1), Rational.ZERO, Rational.HALF, Rational.TWO};

    private WitnessGrid() {
    }

    /** Every combination of the parameters' grid values (fixed ones kept), in a fixed order. */
    public static List<Witness> all(List<Param> params, Context ctx, Witness fixed) {
        List<Witness> out = new ArrayList<>();
        out.add(fixed);
        for (Param p : params) {
            if (fixed.has(p.name())) {
                continue;
            }
            List<Object> vs = values(p.kind(), ctx);
            List<Witness> next = new ArrayList<>();
            for (Witness w : out) {
                for (Object v : vs) {
                    next.add(w.with(p.name(), v));
                }
            }
            out = next;
        }
        return out;
    }

    static List<Object> values(Param.Kind kind, Context ctx) {
        int n = ctx.instance() == null ? 0 : ctx.agents();
        List<Object> out = new ArrayList<>();
        switch (kind) {
            case FUNCTION:
                out.addAll(functions(ctx.instance().states()));
                break;
            case TIME:
                for (int t = 0; t <= 4; t++) {
                    out.add(t);
                }
                break;
            case KAPPA:
                for (int k = 0; k <= 3; k++) {
                    out.add(k);
                }
                break;
            case LAMBDA:
                out.addAll(lambdas(ctx));
                break;
            case GAMMA:
                out.addAll(List.of((Object[]) GAMMAS));
                break;
            case TAU:
                out.addAll(List.of((Object[]) TAUS));
                break;
            case SCALAR:
                out.addAll(List.of((Object[]) SCALARS));
                break;
            case EPSILON:
                out.add(Rational.HALF);
                out.add(Rational.of(1, 64));
                break;
            case AGENT:
                for (int k = 0; k < n; k++) {
                    out.add(k);
                }
                break;
            case SITE_DISTRIBUTION:
                out.add(RandomRows.uniform(n));
                for (int i = 0; i < n && n > 1; i++) {
                    Rational[] nu = new Rational[n];
                    for (int j = 0; j < n; j++) {
                        nu[j] = j == i ? Rational.HALF : Rational.of(1, 2L * (n - 1));
                    }
                    out.add(nu);
                }
                break;
            case WEIGHTS:
                Rational[] ones = new Rational[n];
                Arrays.fill(ones, Rational.ONE);
                out.add(ones);
                for (int i = 0; i < n && n > 1; i++) {
                    Rational[] w = ones.clone();
                    w[i] = Rational.of(3);
                    out.add(w);
                }
                break;
            case MEMBER:
                out.add(2); // uniformity readings build their own instances; the others ignore m
                break;
            default:
                throw new IllegalArgumentException("WitnessGrid: no grid for " + kind + " (a claim about no instance)");
        }
        return out;
    }

    /** lambda = rho(H) when the enclosure is a point below 1, and a dyadic about halfway from rho(H) to 1. */
    static List<Object> lambdas(Context ctx) {
        List<Object> out = new ArrayList<>();
        if (ctx.isSoftmax()) {
            // H is known by enclosures only: a fixed grid, the readings decide where lambda stands
            out.add(Rational.HALF);
            out.add(Rational.of(7, 8));
            return out;
        }
        RationalInterval rho = SpectralRadius.enclose(ctx.h());
        if (rho.isPoint() && rho.lower().compareTo(Rational.ONE) < 0) {
            out.add(rho.lower());
        }
        if (rho.upper().compareTo(Rational.ONE) < 0) {
            out.add(WitnessGenerator.shortAbove(rho.upper().add(Rational.ONE).multiply(Rational.HALF)));
        } else {
            out.add(Rational.HALF); // outside every lambda-hypothesis: the readings say not applicable
        }
        return out;
    }

    /** Test functions: all non-constant 0/1 functions on up to 4 joint states; indicator shapes beyond. */
    static List<Object> functions(JointSpace st) {
        List<Object> out = new ArrayList<>();
        int size = st.size();
        if (size <= 4) {
            for (int mask = 1; mask < (1 << size) - 1; mask++) {
                Rational[] f = new Rational[size];
                for (int s = 0; s < size; s++) {
                    f[s] = Rational.of((mask >> s) & 1);
                }
                out.add(f);
            }
            return out;
        }
        int n = st.coordinates();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                Rational[] f = new Rational[size];
                for (int s = 0; s < size; s++) {
                    f[s] = Rational.of(i == j ? (st.digit(s, i) == 0 ? 0 : 1) : (st.digit(s, i) == st.digit(s, j) ? 1 : 0));
                }
                out.add(f);
            }
        }
        Rational[] parity = new Rational[size];
        for (int s = 0; s < size; s++) {
            int p = 0;
            for (int c = 0; c < n; c++) {
                p += st.digit(s, c);
            }
            parity[s] = Rational.of(p % 2);
        }
        out.add(parity);
        for (int hot : new int[] {0, size - 1}) {
            Rational[] f = new Rational[size];
            for (int s = 0; s < size; s++) {
                f[s] = s == hot ? Rational.ONE : Rational.ZERO;
            }
            out.add(f);
        }
        return out;
    }
}
