package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;

/** Entrywise comparisons shared by the readings: one place that turns "x &lt;= y entrywise" into a verdict. */
final class Checks {
    private Checks() {
    }

    /** lhs_i &lt;= rhs_i for every i; the verdict names the worst i with {@code label}. */
    static Verdict entrywise(RationalVector lhs, RationalVector rhs, String label) {
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < lhs.size(); i++) {
            vs.add(Verdict.atMost(lhs.get(i), rhs.get(i), label + "[" + i + "]"));
        }
        return Verdict.worst(vs);
    }

    /** lhs[j][i] &lt;= rhs[j][i] for every entry. */
    static Verdict entrywise(RationalMatrix lhs, RationalMatrix rhs, String label) {
        List<Verdict> vs = new ArrayList<>();
        for (int j = 0; j < lhs.rows(); j++) {
            for (int i = 0; i < lhs.cols(); i++) {
                vs.add(Verdict.atMost(lhs.get(j, i), rhs.get(j, i), label + "[" + j + "][" + i + "]"));
            }
        }
        return Verdict.worst(vs);
    }

    /**
     * lhs &lt;= rhs entrywise for sides known by enclosures: {@code sides} gives {lhs, rhs} at a precision, which is
     * doubled from {@link Enclosed#START_BITS} until every entry is decided (an ArithmeticException from {@code sides}
     * means too wide for that precision). A decided violation is returned at once; an entry still open at
     * {@link Enclosed#MAX_BITS} makes the case undecided.
     */
    static Verdict entrywise(IntFunction<RationalInterval[][]> sides, String label) {
        String[] open = {""}; // what the last attempt left open, for the message
        return Enclosed.escalate(Enclosed.MAX_BITS, () -> "undecided at " + Enclosed.MAX_BITS + " bits: " + open[0], bits -> {
            RationalInterval[][] s;
            try {
                s = sides.apply(bits);
            } catch (ArithmeticException wide) {
                open[0] = wide.getMessage();
                return null;
            }
            List<Verdict> vs = new ArrayList<>();
            open[0] = null;
            for (int i = 0; i < s[0].length; i++) {
                RationalInterval l = s[0][i];
                RationalInterval r = s[1][i];
                String where = label + "[" + i + "], bits " + bits;
                if (l.upper().compareTo(r.lower()) <= 0) {
                    vs.add(Verdict.atMost(l.upper(), r.lower(), where));
                } else if (l.lower().compareTo(r.upper()) > 0) {
                    return Verdict.atMost(l.lower(), r.upper(), where);
                } else if (open[0] == null) {
                    open[0] = label + "[" + i + "]: " + l + " against " + r;
                }
            }
            return open[0] == null ? Verdict.worst(vs) : null;
        });
    }

    /** T^t f. */
    static FractionVector iterate(Context ctx, FractionVector f, int t) {
        FractionVector x = f;
        for (int k = 0; k < t; k++) {
            x = ctx.joint().apply(x);
        }
        return x;
    }

    static FractionVector function(Context ctx, Witness w, String name) {
        Rational[] f = w.vector(name);
        if (f.length != ctx.instance().states().size()) {
            throw new IllegalArgumentException("witness " + name + " has " + f.length + " values for "
                    + ctx.instance().states().size() + " joint states");
        }
        return FractionVector.of(f);
    }

    /** (I - M)^{-1}, or null when singular. */
    static RationalMatrix resolvent(RationalMatrix m) {
        try {
            return RationalMatrix.identity(m.rows()).subtract(m).inverse();
        } catch (ArithmeticException singular) {
            return null;
        }
    }
}
