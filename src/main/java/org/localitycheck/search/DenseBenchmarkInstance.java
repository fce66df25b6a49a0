package org.localitycheck.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * The benchmark family of the core issue: n binary agents with 2 actions each, every kernel row dense and
 * random (entries k/8, 1 &lt;= k &lt;= 7, depending on the whole joint state and action), a random
 * state-dependent tabular policy observing everything (entries k/4, 1 &lt;= k &lt;= 3), integer rewards in
 * -2..2.
 */
public final class DenseBenchmarkInstance {
    private DenseBenchmarkInstance() {
    }

    public static Instance of(int n, long seed) {
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
                    k[j][s][a] = RandomRows.probability(rnd, 2, 8, true);
                }
            }
        }
        Rational[][][] pol = new Rational[n][st.size()][];
        for (int q = 0; q < n; q++) {
            for (int s = 0; s < st.size(); s++) {
                pol[q][s] = RandomRows.probability(rnd, 2, 4, true);
            }
        }
        Rational[][] r = new Rational[st.size()][ac.size()];
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                r[s][a] = RandomRows.integer(rnd, -2, 2);
            }
        }
        return Instance.of("dense-benchmark-n" + n + "-seed" + seed, agents, FactoredKernel.of(k, st, ac),
                TabularPolicy.of(pol, agents, st), r);
    }
}
