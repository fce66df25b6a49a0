package org.localitycheck.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.RandomRows;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.model.TabularPolicy;

/**
 * The two benchmark families, both n binary agents with 2 actions each, every kernel row dense and random
 * (depending on the whole joint state and action) and a random state-dependent tabular policy observing
 * everything. Dyadic ({@link #of}): kernel entries k/8, policy entries k/4, integer rewards in -2..2. Generic
 * ({@link #generic}): kernel and policy rows w/sum(w) with weights w in 1..6 (denominators up to 12), rewards p/q
 * with q in 1..3 and |p| &lt;= 2q. Softmax ({@link #softmax}): the generic kernel and rewards with a temperature-1
 * softmax policy whose logits are k/2, k in -4..4.
 */
public final class DenseBenchmarkInstance {
    private DenseBenchmarkInstance() {
    }

    /** The dyadic family. */
    public static Instance of(int n, long seed) {
        return build("dense-benchmark-n" + n + "-seed" + seed, n, seed, false);
    }

    /** The generic-denominator family. */
    public static Instance generic(int n, long seed) {
        return build("dense-generic-n" + n + "-seed" + seed, n, seed, true);
    }

    /** The softmax family: the generic family's kernel and rewards, a softmax policy in place of the tabular one. */
    public static Instance softmax(int n, long seed) {
        Instance g = build("dense-softmax-n" + n + "-seed" + seed, n, seed, true);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x50F7AL);
        Rational[][][] logits = new Rational[n][g.states().size()][2];
        for (Rational[][] agent : logits) {
            for (Rational[] row : agent) {
                for (int b = 0; b < row.length; b++) {
                    row[b] = Rational.of(rnd.nextInt(-4, 5), 2);
                }
            }
        }
        return Instance.of(g.name(), g.agents(), g.kernel(),
                SoftmaxPolicy.of(Rational.ONE, logits, g.agents(), g.states()), g.rewardTable());
    }

    private static Instance build(String name, int n, long seed, boolean generic) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(Agent.of(2, 2));
        }
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[n][st.size()][ac.size()][];
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < st.size(); s++) {
                for (int a = 0; a < ac.size(); a++) {
                    k[j][s][a] = generic ? RandomRows.weighted(rnd, 2, 6) : RandomRows.probability(rnd, 2, 8, true);
                }
            }
        }
        Rational[][][] pol = new Rational[n][st.size()][];
        for (int q = 0; q < n; q++) {
            for (int s = 0; s < st.size(); s++) {
                pol[q][s] = generic ? RandomRows.weighted(rnd, 2, 6) : RandomRows.probability(rnd, 2, 4, true);
            }
        }
        Rational[][] r = new Rational[st.size()][ac.size()];
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                r[s][a] = generic ? RandomRows.fraction(rnd, 3) : RandomRows.integer(rnd, -2, 2);
            }
        }
        return Instance.of(name, agents, FactoredKernel.of(k, st, ac),
                TabularPolicy.of(pol, agents, st), r);
    }
}
