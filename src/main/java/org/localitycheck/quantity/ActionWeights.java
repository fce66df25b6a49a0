package org.localitycheck.quantity;

import java.math.BigInteger;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/** pi(a | s) = prod_k pi_k(a_k | s_{O_k}) for every joint action at one joint state, as integers over one denominator. */
final class ActionWeights {
    final BigInteger[] num;
    final BigInteger den;

    private ActionWeights(BigInteger[] num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    static ActionWeights at(TabularPolicy pol, JointSpace actions, int s) {
        int n = actions.coordinates();
        BigInteger den = BigInteger.ONE;
        BigInteger[][] polNum = new BigInteger[n][];
        for (int k = 0; k < n; k++) {
            FractionVector row = FractionVector.of(pol.row(k, s));
            polNum[k] = new BigInteger[row.size()];
            for (int b = 0; b < row.size(); b++) {
                polNum[k][b] = row.numerator(b);
            }
            den = den.multiply(row.denominator());
        }
        BigInteger[] w = new BigInteger[actions.size()];
        for (int a = 0; a < actions.size(); a++) {
            BigInteger x = BigInteger.ONE;
            for (int k = 0; k < n && x.signum() != 0; k++) {
                x = x.multiply(polNum[k][actions.digit(a, k)]);
            }
            w[a] = x;
        }
        return new ActionWeights(w, den);
    }
}
