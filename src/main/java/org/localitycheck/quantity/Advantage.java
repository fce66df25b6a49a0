package org.localitycheck.quantity;

import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;

/**
 * App. D.2: A(s, a) = r(s, a) - rbar + sum_y P(y | s, a) v(y) - v(s) for a value function v (h for the true
 * advantage, hhat for the surrogate of Lemma 12), with P(y | s, a) = prod_j P_j(y_j | s, a).
 */
public final class Advantage {
    private Advantage() {
    }

    public static Rational at(Instance inst, Rational averageReward, FractionVector v, int s, int a) {
        return inst.reward(s, a).subtract(averageReward).add(nextStateExpectation(inst, s, a, v)).subtract(v.get(s));
    }

    /** sum_y P(y | s, a) v(y), the expectation of v at the next state. */
    public static Rational nextStateExpectation(Instance inst, int s, int a, FractionVector v) {
        Rational[] p = nextState(inst, s, a);
        Rational expect = Rational.ZERO;
        for (int y = 0; y < p.length; y++) {
            if (!p[y].isZero()) {
                expect = expect.add(p[y].multiply(v.get(y)));
            }
        }
        return expect;
    }

    /** P(. | s, a) = prod_j P_j(y_j | s, a) over joint states y. */
    public static Rational[] nextState(Instance inst, int s, int a) {
        FactoredKernel k = inst.kernel();
        JointSpace st = inst.states();
        Rational[] out = new Rational[st.size()];
        for (int y = 0; y < st.size(); y++) {
            Rational p = Rational.ONE;
            for (int j = 0; j < st.coordinates() && !p.isZero(); j++) {
                p = p.multiply(k.get(j, s, a, st.digit(y, j)));
            }
            out[y] = p;
        }
        return out;
    }
}
