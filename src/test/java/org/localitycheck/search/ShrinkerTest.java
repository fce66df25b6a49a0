package org.localitycheck.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.localitycheck.claim.Param;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.SoftmaxPolicy;

class ShrinkerTest {
    /**
     * A violation on a softmax policy reaches the shrinker without a cast failure: the instance keeps its policy and
     * the witness shrinks (kappa 5 -&gt; 0 under a predicate that accepts every case).
     */
    @Test
    void shrinksTheWitnessOfASoftmaxCaseAndKeepsItsPolicy() {
        Instance inst = Families.generate("softmax", 7).instance();
        assertTrue(inst.policy() instanceof SoftmaxPolicy, "the softmax family gives a softmax policy");
        Shrinker s = new Shrinker((i, w) -> true, List.of(Param.of("kappa", Param.Kind.KAPPA)), true, 100);
        Shrinker.Result r = s.shrink(inst, Witness.empty().with("kappa", 5));
        assertEquals(0, r.witness().integer("kappa"));
        assertTrue(r.instance().policy() instanceof SoftmaxPolicy);
    }

    /** The same predicate on a tabular case shrinks the instance too (the structural steps run). */
    @Test
    void shrinksATabularInstanceStructurally() {
        Instance inst = Families.generate("random", 11).instance();
        Shrinker s = new Shrinker((i, w) -> true, List.of(), true, 1000);
        Shrinker.Result r = s.shrink(inst, Witness.empty());
        assertTrue(Shrinker.size(r.instance(), r.witness()) < Shrinker.size(inst, Witness.empty()) || inst.agentCount() == 1
                && inst.states().size() == 1, "no structural step was taken");
    }
}
