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
        FactoredKernel k = inst.kernel();
        JointSpace st = inst.states();
        Rational expect = Rational.ZERO;
        for (int y = 0; y < st.size(); y++) {
            Rational p = Rational.ONE;
            for (int j = 0; j < st.coordinates() && !p.isZero(); j++) {
                p = p.multiply(k.get(j, s, a, st.digit(y, j)));
            }
            if (!p.isZero()) {
                expect = expect.add(p.multiply(v.get(y)));
            }
        }
        return inst.reward(s, a).subtract(averageReward).add(expect).subtract(v.get(s));
    }
}
