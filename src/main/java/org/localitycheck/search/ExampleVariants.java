package org.localitycheck.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Agent;
import org.localitycheck.model.RandomRows;

/**
 * The paper's worked examples with every part the paper leaves open drawn on a grid (the canonical choices are in
 * {@link PaperExamples}): the constant kernel's row, the other agents' policies and scopes, the base of the hub's
 * policy, the reward. What the example fixes stays fixed.
 */
final class ExampleVariants {
    private ExampleVariants() {
    }

    /**
     * Sec. 3: P_1 a constant row, P_2(s'_2 = 1 | s, a) = 1{a_1 = 1}; agent 1 observes itself with pi_1(1 | s_1) moving
     * by alpha when s_1 flips (from a drawn base); agent 2's policy, scope and the reward drawn.
     */
    static Generated section3(SplittableRandom rnd, String family, long seed) {
        Rational[] g = SmallGridFamilies.GRIDS[0];
        int eighths = rnd.nextInt(9);
        Rational alpha = Rational.of(eighths, 8);
        int[][] scopes = {{}, {0}, {1}, null};
        InstanceBuilder b = new InstanceBuilder(List.of(Agent.of(2, 2, new int[] {0}),
                Agent.of(2, 2, scopes[rnd.nextInt(scopes.length)])));
        Rational[] constant = SmallGridFamilies.bit(SmallGridFamilies.pick(rnd, g));
        Rational base = Rational.of(rnd.nextInt(9 - eighths), 8);
        boolean up = rnd.nextBoolean();
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.kernel[0][s][a] = constant.clone();
                b.kernel[1][s][a] = RandomRows.pointMass(2, b.actions.digit(a, 0));
            }
            int s1 = b.states.digit(s, 0);
            b.policy[0][s] = SmallGridFamilies.bit(s1 == (up ? 1 : 0) ? base.add(alpha) : base);
        }
        spread(b, 1, rnd, g);
        reward(b, rnd, g);
        return new Generated(b.build(family + "-" + Long.toUnsignedString(seed, 36)),
                Witness.empty().with("alpha", alpha), family, seed);
    }

    /**
     * App. E.2 with a tabular hub: P_1 a constant row, P_j(s'_j = 1 | s, a) = 1{a_1 = 1} for j &gt; 1; the hub plays
     * pi_1(1 | s) = base + sum_i c_i (s_i - 1/2), so Pi_{1&lt;-i} = c_i (all 0 in a quarter of the cases: a hub that
     * ignores its inputs); spokes' policies and the reward drawn.
     */
    static InstanceBuilder hub(SplittableRandom rnd) {
        int n = 3 + rnd.nextInt(2);
        Rational[] g = SmallGridFamilies.GRIDS[rnd.nextInt(SmallGridFamilies.GRIDS.length)];
        List<Agent> agents = new ArrayList<>();
        agents.add(Agent.of(2, 2));
        for (int j = 1; j < n; j++) {
            agents.add(Agent.of(2, 2, new int[] {}));
        }
        InstanceBuilder b = new InstanceBuilder(agents);
        boolean ignore = rnd.nextInt(4) == 0;
        Rational[] c = new Rational[n];
        Rational total = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            c[i] = ignore ? Rational.ZERO : Rational.of(rnd.nextInt(4), 4L * n);
            total = total.add(c[i]);
        }
        // base in [total/2, 1 - total/2] keeps pi_1 in [0, 1]
        Rational room = Rational.ONE.subtract(total).multiply(Rational.HALF);
        Rational base = Rational.HALF.add(room.multiply(Rational.of(rnd.nextInt(5) - 2, 2)));
        Rational[] constant = SmallGridFamilies.bit(SmallGridFamilies.pick(rnd, g));
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.kernel[0][s][a] = constant.clone();
                for (int j = 1; j < n; j++) {
                    b.kernel[j][s][a] = RandomRows.pointMass(2, b.actions.digit(a, 0));
                }
            }
            Rational p1 = base;
            for (int i = 0; i < n; i++) {
                p1 = p1.add(c[i].multiply(Rational.of(b.states.digit(s, i)).subtract(Rational.HALF)));
            }
            b.policy[0][s] = SmallGridFamilies.bit(p1);
        }
        for (int j = 1; j < n; j++) {
            spread(b, j, rnd, g);
        }
        reward(b, rnd, g);
        return b;
    }

    /** Agent k's policy: one grid row per view of its scope. */
    private static void spread(InstanceBuilder b, int k, SplittableRandom rnd, Rational[] g) {
        int[] observed = Families.observed(b, k);
        Map<Integer, Rational[]> byView = new HashMap<>();
        for (int s = 0; s < b.states.size(); s++) {
            b.policy[k][s] = byView.computeIfAbsent(b.states.project(s, observed),
                    v -> SmallGridFamilies.row(rnd, b.agents.get(k).actions(), g)).clone();
        }
    }

    private static void reward(InstanceBuilder b, SplittableRandom rnd, Rational[] g) {
        for (int s = 0; s < b.states.size(); s++) {
            for (int a = 0; a < b.actions.size(); a++) {
                b.reward[s][a] = SmallGridFamilies.pick(rnd, g);
            }
        }
    }
}
