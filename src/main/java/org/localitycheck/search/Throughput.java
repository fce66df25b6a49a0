package org.localitycheck.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Witness;

/**
 * Instance-checks per second: random instances (the "random" family: at most 3 agents, tabular policies),
 * each checked against a fixed set of claims with all their readings except the network ones: exactly for tabular
 * policies, on enclosures for softmax ones.
 */
public final class Throughput {
    /** The claims every instance is checked against. */
    public static final List<String> CLAIMS = List.of("prop1", "lemma2", "c-governs", "thm3-iterate", "thm3-resolvent",
            "surrogate");

    /**
     * The readings left out, named "networks" or ending so: each checks a factored network of 4 to 48 agents whose
     * seed is a hash of the drawn instance ({@code claim.NetworkCases}), not the instance itself, and costs as much as
     * many instance checks.
     */
    static final String NETWORKS = "networks";

    private Throughput() {
    }

    public record Result(long instances, long readingChecks, double seconds, int threads) {
        public double instancesPerSecond() {
            return instances / seconds;
        }
    }

    /** Claims checked on softmax instances (enclosures at the default starting precision of 64 bits). */
    public static final List<String> SOFTMAX_CLAIMS = List.of("lemma10", "monotone");

    public static Result run(double seconds, int threads, long seed) throws InterruptedException {
        return run(seconds, threads, seed, "random", CLAIMS);
    }

    public static Result run(double seconds, int threads, long seed, String family, List<String> ids)
            throws InterruptedException {
        List<Claim> claims = new ArrayList<>();
        for (String id : ids) {
            claims.add(Claims.byId(id));
        }
        AtomicLong instances = new AtomicLong();
        AtomicLong checks = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> ts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            final long lane = t;
            Thread th = new Thread(() -> {
                for (long i = lane; System.nanoTime() < end; i += threads) {
                    Generated g = Families.generate(family, Search.caseSeed(seed, "throughput", i));
                    Context ctx = new Context(g.instance());
                    SplittableRandom rnd = new SplittableRandom(i);
                    for (Claim c : claims) {
                        Witness w = WitnessGenerator.draw(c.parameters(), ctx, Witness.empty(), rnd);
                        for (Reading r : c.readings()) {
                            if (r.name().endsWith(NETWORKS)) {
                                continue;
                            }
                            Search.check(r, ctx, w);
                            checks.incrementAndGet();
                        }
                    }
                    instances.incrementAndGet();
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        return new Result(instances.get(), checks.get(), (System.nanoTime() - start) / 1e9, threads);
    }
}
