package org.localitycheck.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.quantity.ClosedLoop;
import org.localitycheck.quantity.Evaluation;
import org.localitycheck.quantity.JointKernel;
import org.localitycheck.quantity.PoissonSolution;
import org.localitycheck.quantity.TruncatedPoisson;
import org.localitycheck.search.DenseBenchmarkInstance;
import org.localitycheck.store.ReferenceJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Phases of {@code compute} on bench's dense families, warmed up (JIT compiled), each in isolation: reading the
 * instance's text, the closed loop with its joint kernel, the two long-run solves (stationary and Poisson, one matrix),
 * the truncated Poisson solutions to kappa 8 (the largest part of bench's "kappa rows" phase, which also sums the
 * Neumann certificates and takes the bias of each row), the whole evaluation (every phase but reading and output, the
 * locality matrices included), and writing the output's text. {@code bench} times one cold pass of the phases in one
 * process; this separates the steady-state cost of each from the JVM's start and compilation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComputePhases {
    @Param({"6", "7", "8"})
    int n;

    @Param({"generic", "dyadic"})
    String family;

    private String text;
    private Instance instance;
    private JointKernel kernel;
    private Rational[] rewardUnderPolicy;
    private Rational averageReward;
    private Evaluation evaluation;

    @Setup
    public void setUp() {
        switch (family) {
            case "generic" -> instance = DenseBenchmarkInstance.generic(n, 1);
            case "dyadic" -> instance = DenseBenchmarkInstance.of(n, 1);
            default -> throw new IllegalArgumentException("ComputePhases: family must be generic or dyadic, got " + family);
        }
        text = CanonicalJson.pretty(InstanceJson.toTree(instance));
        ClosedLoop loop = ClosedLoop.of(instance);
        kernel = loop.jointKernel();
        rewardUnderPolicy = loop.rewardUnderPolicy();
        averageReward = PoissonSolution.of(kernel, rewardUnderPolicy).orElseThrow().averageReward();
        evaluation = Evaluation.of(instance, 8);
    }

    @Benchmark
    public Instance read() {
        return InstanceJson.parse(text, Long.MAX_VALUE);
    }

    @Benchmark
    public JointKernel kernel() {
        return ClosedLoop.of(instance).jointKernel();
    }

    @Benchmark
    public Optional<PoissonSolution> longRun() {
        return PoissonSolution.of(kernel, rewardUnderPolicy);
    }

    @Benchmark
    public TruncatedPoisson kappaRows() {
        return TruncatedPoisson.of(kernel, rewardUnderPolicy, averageReward, 8);
    }

    @Benchmark
    public Evaluation evaluation() {
        return Evaluation.of(instance, 8);
    }

    /** The output document's text, as bench's output phase writes it (counted, not kept). */
    @Benchmark
    public long output() {
        return CanonicalJson.prettyLength(ReferenceJson.toTree(evaluation));
    }
}
