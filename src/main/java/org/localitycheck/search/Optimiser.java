package org.localitycheck.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Agent;
import org.localitycheck.model.FactoredKernel;
import org.localitycheck.model.Instance;
import org.localitycheck.model.JointSpace;
import org.localitycheck.model.TabularPolicy;

/**
 * Optimising search: maximise LHS - RHS of one reading over a continuous parametrisation of instances with 1 or 2
 * binary agents (kernel rows and policy rows as logistic functions of free coordinates, rewards in [-2, 2]) with
 * commons-math3's CMA-ES (even starts) or BOBYQA (odd starts). Floating point only proposes: every point is rounded
 * to rationals (probabilities to sixteenths, rewards to quarters) and decided by the exact check, and the objective
 * is that exact verdict's LHS - RHS as a double. Start i of a reading under a seed is deterministic (seeded
 * generators, fixed evaluation budget), so a finding is reproduced from (seed, start) alone. Starts alternate
 * between random points and structured ones: a kernel and a policy that ignore the state (an i.i.d. chain),
 * nearly deterministic rows, one agent driving the other.
 */
public final class Optimiser {
    /** The generator name recorded in the files of its findings. */
    public static final String GENERATOR = "optimise";
    /** Exact evaluations per start. */
    public static final int EVALUATIONS = 400;

    private Optimiser() {
    }

    /** The shape of start i: agents, actions, and the witness drawn for it. */
    record Shape(int agents, int actions, Witness witness) {
        int dimension() {
            int states = 1 << agents;
            int joint = 1 << (agents * (actions - 1));
            return agents * states * joint + (actions > 1 ? agents * states : 0) + states * joint;
        }
    }

    /** The instance of point x (rounded). */
    static Instance instance(Shape sh, double[] x) {
        int n = sh.agents();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(Agent.of(2, sh.actions()));
        }
        JointSpace st = Instance.stateSpace(agents);
        JointSpace ac = Instance.actionSpace(agents);
        Rational[][][][] k = new Rational[n][st.size()][ac.size()][];
        Rational[][][] pol = new Rational[n][st.size()][];
        Rational[][] r = new Rational[st.size()][ac.size()];
        int c = 0;
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < st.size(); s++) {
                for (int a = 0; a < ac.size(); a++) {
                    k[j][s][a] = SmallGridFamilies.bit(probability(x[c++]));
                }
            }
        }
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < st.size(); s++) {
                pol[j][s] = sh.actions() == 1 ? new Rational[] {Rational.ONE} : SmallGridFamilies.bit(probability(x[c++]));
            }
        }
        for (int s = 0; s < st.size(); s++) {
            for (int a = 0; a < ac.size(); a++) {
                double v = Math.max(-2, Math.min(2, x[c++]));
                r[s][a] = Rational.of(Math.round(v * 4), 4);
            }
        }
        return Instance.of("optimised", agents, FactoredKernel.of(k, st, ac), TabularPolicy.of(pol, agents, st), r);
    }

    /** sigmoid(y) rounded to sixteenths. */
    static Rational probability(double y) {
        double p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, y))));
        return Rational.of(Math.round(p * 16), 16);
    }

    /** The exact verdict at x, or null (not applicable, undecided, or outside the model). */
    static Verdict verdict(Reading r, Shape sh, double[] x) {
        try {
            Verdict v = Search.check(r, new Context(instance(sh, x)), sh.witness());
            return v != null && v.applicable() ? v : null;
        } catch (RuntimeException outside) {
            return null;
        }
    }

    /** The outcome of one start: the best point's instance, witness and verdict (null when nothing applied). */
    public record Outcome(Instance instance, Witness witness, Verdict verdict, int evaluations) {
    }

    /** Start {@code start} of reading r under {@code seed}: a fixed shape, a start point, one optimiser. */
    public static Outcome run(Claim claim, Reading r, long seed, int start) {
        SplittableRandom rnd = new SplittableRandom(Search.caseSeed(seed, claim.id() + "/" + r.name(), start));
        int agents = 1 + rnd.nextInt(2);
        int actions = 1 + (rnd.nextInt(4) == 0 ? 0 : 1);
        Shape probe = new Shape(agents, actions, Witness.empty());
        double[] x0 = startPoint(probe, start, rnd);
        Witness w;
        try {
            Context ctx = new Context(instance(probe, x0));
            List<Witness> grid = WitnessGrid.all(claim.parameters(), ctx, Witness.empty());
            w = grid.get(rnd.nextInt(grid.size()));
        } catch (RuntimeException noGrid) {
            return new Outcome(null, null, null, 0);
        }
        Shape sh = new Shape(agents, actions, w);
        int[] count = {0};
        double[][] bestX = {x0.clone()};
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        MultivariateFunction f = x -> {
            count[0]++;
            Verdict v = verdict(r, sh, x);
            double value = v == null ? -1e6 : v.lhs().subtract(v.rhs()).doubleValue();
            if (value > bestValue[0]) {
                bestValue[0] = value;
                bestX[0] = x.clone();
            }
            return value;
        };
        int d = sh.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, -6);
        Arrays.fill(hi, 6);
        try {
            if (start % 2 == 0) {
                double[] sigma = new double[d];
                Arrays.fill(sigma, 1.5);
                CMAESOptimizer opt = new CMAESOptimizer(EVALUATIONS, Double.POSITIVE_INFINITY, true, 0, 0,
                        new MersenneTwister(rnd.nextLong()), false, null);
                opt.optimize(new MaxEval(EVALUATIONS), new ObjectiveFunction(f), GoalType.MAXIMIZE,
                        new InitialGuess(x0), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(d))));
            } else {
                BOBYQAOptimizer opt = new BOBYQAOptimizer(Math.min(2 * d + 1, (d + 1) * (d + 2) / 2));
                opt.optimize(new MaxEval(EVALUATIONS), new ObjectiveFunction(f), GoalType.MAXIMIZE,
                        new InitialGuess(x0), new SimpleBounds(lo, hi));
            }
        } catch (TooManyEvaluationsException spent) {
            // the budget is the stopping rule: the best point evaluated is kept below
        } catch (MathIllegalStateException | IllegalArgumentException stuck) {
            // a degenerate start: the best point so far stands
        }
        double[] at = bestX[0];
        Verdict v = verdict(r, sh, at);
        return new Outcome(v == null ? null : instance(sh, at), w, v, count[0]);
    }

    /** What {@code starts} starts showed of one reading: the largest LHS - RHS and the first start that violated it. */
    public record Summary(int starts, double best, int firstViolation, Finding finding) {
    }

    /**
     * Starts 0 .. starts-1 of reading r; the first violation (of any reading but an existential one) is shrunk into a
     * finding whose recorded generator, seed and start index reproduce it.
     */
    public static Summary hunt(Claim claim, Reading r, long seed, int starts, BooleanSupplier stop) {
        double best = Double.NEGATIVE_INFINITY;
        int first = -1;
        Finding finding = null;
        int done = 0;
        for (int i = 0; i < starts && !stop.getAsBoolean(); i++, done++) {
            Outcome o = run(claim, r, seed, i);
            if (o.verdict() == null) {
                continue;
            }
            best = Math.max(best, o.verdict().lhs().subtract(o.verdict().rhs()).doubleValue());
            if (!o.verdict().holds() && first < 0 && !r.existential()) {
                first = i;
                finding = Search.shrink(claim, r, new Generated(o.instance(), Witness.empty(), GENERATOR, seed), o.witness(),
                        seed, i, 0, 0);
            }
        }
        return new Summary(done, best, first, finding);
    }

    /** Random, i.i.d. (state-free kernel and policy), nearly deterministic, or one agent driving the other. */
    static double[] startPoint(Shape sh, int start, SplittableRandom rnd) {
        double[] x = new double[sh.dimension()];
        int kind = (start / 2) % 4;
        for (int i = 0; i < x.length; i++) {
            x[i] = kind == 2 ? (rnd.nextBoolean() ? 4 : -4) : 2 * rnd.nextGaussian();
        }
        int states = 1 << sh.agents();
        int joint = 1 << (sh.agents() * (sh.actions() - 1));
        if (kind == 1) {
            // the kernel row and the policy row of each agent the same at every state
            for (int j = 0; j < sh.agents(); j++) {
                for (int s = 1; s < states; s++) {
                    for (int a = 0; a < joint; a++) {
                        x[(j * states + s) * joint + a] = x[(j * states) * joint + a];
                    }
                }
            }
            int base = sh.agents() * states * joint;
            for (int j = 0; j < sh.agents() && sh.actions() > 1; j++) {
                for (int s = 1; s < states; s++) {
                    x[base + j * states + s] = x[base + j * states];
                }
            }
        } else if (kind == 3 && sh.agents() == 2) {
            // agent 1's next state follows agent 0's state
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < joint; a++) {
                    x[(states + s) * joint + a] = ((s >> 1) & 1) == 1 ? 5 : -5;
                }
            }
        }
        return x;
    }
}
