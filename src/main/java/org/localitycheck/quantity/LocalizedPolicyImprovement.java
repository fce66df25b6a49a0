package org.localitycheck.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;

/**
 * Algorithm 1 (LPI, oracle iteration) on policies known by enclosures. Phase 1 evaluates the current policy
 * ({@link IntervalPolicyChain}: r^pi, rbar, the truncated sums behind hhat_kappa); the certificate of line 4 does not
 * enter the updates and is not computed here (the surrogate and thm7-* claims check it). Phase 2 updates
 * the agents k = 1..n in turn by the KL-prox block update ({@link KlProxUpdate}), each row of the new policy a function
 * of the full joint state (line 9 with O_k = [n]; with smaller scopes the update is not a function of s_{O_k}, see
 * lpi/scoped-update). Two certificates (Remark 16):
 * <ul>
 * <li>{@link Certificate#STALE}: Algorithm 1 as written: every g_k from the policy at the start of the iteration,
 * pi^(l), including the weights of a_{-k}; the baseline of agent k is pi_k^(l).
 * <li>{@link Certificate#RECOMPUTED}: Cor. 15's cyclic pass with Remark 16's recommendation: g_k from the current policy
 * pi^(k-1) (its own hhat_kappa, rbar and weights), baseline pi_k^(k-1).
 * </ul>
 * Every intermediate policy is a product of enclosed rows; the chain of each is evaluated for the expectations the
 * claims need (E_{d^{pi^(k)}} KL, rbar(pi^(k)), the truncation bias at pi^(k-1)).
 */
public final class LocalizedPolicyImprovement {
    /** Which evaluation the block updates of one pass use. */
    public enum Certificate {
        STALE, RECOMPUTED
    }

    /**
     * One block: agent k's update from the policy {@code before} (whose chain is {@code beforeChain}) with the logits
     * of the chain {@code source} (the pass's start when stale), giving {@code after} and its chain.
     */
    public record Block(int agent, IntervalPolicyChain beforeChain, IntervalPolicyChain source, KlProxUpdate update,
            IntervalPolicyChain afterChain) {
        /** E_{S ~ d^{pi^(k)}} KL(pi_k^(k)(.|S) || pi_k^(k-1)(.|S)). */
        public RationalInterval expectedKl() {
            return afterChain.expectation(update.kl());
        }
    }

    /** A cyclic pass: the chain at its start and its blocks in order. */
    public record Pass(IntervalPolicyChain start, List<Block> blocks) {
        public IntervalPolicyChain end() {
            return blocks.isEmpty() ? start : blocks.get(blocks.size() - 1).afterChain();
        }

        /** rbar(pi^(n)) - rbar(pi^(0)). */
        public RationalInterval averageRewardGain() {
            return end().averageReward().subtract(start.averageReward());
        }
    }

    private LocalizedPolicyImprovement() {
    }

    /**
     * One pass over the agents from the policy pi: empty when some policy along the pass has a multichain chain. An
     * ArithmeticException says the enclosures got too wide for the precision (the caller raises it).
     */
    public static Optional<Pass> pass(PolicyEnclosure pi, int kappa, Rational tau, Certificate mode, int bits) {
        Optional<IntervalPolicyChain> first = IntervalPolicyChain.of(pi, kappa);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        IntervalPolicyChain start = first.get();
        IntervalPolicyChain current = start;
        List<Block> blocks = new ArrayList<>();
        int n = pi.instance().agentCount();
        for (int k = 0; k < n; k++) {
            IntervalPolicyChain source = mode == Certificate.STALE ? start : current;
            RationalInterval[][][] rows = current.policy().rows();
            KlProxUpdate up = KlProxUpdate.of(rows[k], KlProxUpdate.logits(source, k, kappa), tau, bits);
            rows[k] = up.nextTable();
            Optional<IntervalPolicyChain> next = IntervalPolicyChain.of(PolicyEnclosure.of(pi.instance(), rows, bits + 8),
                    kappa);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            blocks.add(new Block(k, current, source, up, next.get()));
            current = next.get();
        }
        return Optional.of(new Pass(start, blocks));
    }

    /** Algorithm 1's outer iterations l = 0..iterations-1, each one pass from the policy the last one ended at. */
    public static Optional<List<Pass>> iterate(PolicyEnclosure pi, int kappa, Rational tau, Certificate mode, int bits,
            int iterations) {
        List<Pass> passes = new ArrayList<>();
        PolicyEnclosure current = pi;
        for (int l = 0; l < iterations; l++) {
            Optional<Pass> p = pass(current, kappa, tau, mode, bits);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            passes.add(p.get());
            current = p.get().end().policy();
        }
        return Optional.of(passes);
    }
}
