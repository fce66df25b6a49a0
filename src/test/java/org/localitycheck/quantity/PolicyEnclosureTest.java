package org.localitycheck.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.localitycheck.model.Instance;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.search.Families;

class PolicyEnclosureTest {
    /**
     * For an agent with two local states the action spread is computed from one entry (D_a - D_a' sums to 0); it
     * must equal the definition, the largest l1 distance over pairs of actions, for every agent, kernel state and
     * subtracted state (t = -1: none). Instances: 3 seeds of every general family and the dense generic family.
     */
    @Test
    void twoStateSpreadIsTheDefinition() {
        List<Instance> cases = new ArrayList<>();
        for (String family : Families.GENERAL) {
            for (long seed = 0; seed < 3; seed++) {
                cases.add(Families.generate(family, seed).instance());
            }
        }
        cases.add(DenseBenchmarkInstance.generic(3, 5));
        int compared = 0;
        for (Instance inst : cases) {
            PolicyEnclosure pe = PolicyEnclosure.exact(inst);
            int size = inst.states().size();
            for (int j = 0; j < inst.agentCount(); j++) {
                if (inst.states().localSize(j) != 2) {
                    continue;
                }
                for (int s = 0; s < size; s++) {
                    for (int t = -1; t < size; t++) {
                        assertEquals(pe.pairwiseSpread(j, s, t), pe.twoStateSpread(j, s, t),
                                inst.name() + " agent " + j + " s " + s + " t " + t);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 1000, "comparisons: " + compared);
    }
}
