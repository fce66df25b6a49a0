package org.localitycheck.claim;

import java.util.Arrays;
import org.localitycheck.arith.Rational;

/** A witness parameter a claim needs; the generators of {@code search} draw its value. */
public record Param(String name, Kind kind) {
    public enum Kind {
        /** A function on joint states (Rational[] indexed by joint state). */
        FUNCTION,
        /** A time t &gt;= 0 (Integer). */
        TIME,
        /** A truncation depth kappa &gt;= 0 (Integer). */
        KAPPA,
        /** A rational lambda in [0, 1), drawn around rho(H): exactly at it when it is rational, or above it. */
        LAMBDA,
        /** A discount factor in (0, 1). */
        GAMMA,
        /** A site distribution over agents with full support (Rational[] over agents). */
        SITE_DISTRIBUTION,
        /** Positive weights over agents (Rational[] over agents). */
        WEIGHTS,
        /** A rational scalar. */
        SCALAR,
        /** A probability vector (Rational[]) of small length. */
        PROBABILITY,
        /** A logit vector (Rational[]); a second one drawn for the same witness has the first one's length. */
        LOGITS,
        /** A temperature tau &gt; 0. */
        TAU,
        /** A small positive perturbation. */
        EPSILON,
        /** An agent index (Integer). */
        AGENT,
        /** The index m &gt;= 2 of a member of a uniformity reading's family (Integer). */
        MEMBER;

        /**
         * Why {@code value} is not a value of this kind for an instance of {@code agents} agents and
         * {@code jointStates} joint states, as "must be ..." would end; null when it is one.
         */
        public String violation(Object value, int agents, int jointStates) {
            return switch (this) {
                case FUNCTION -> vector(value, jointStates) ? null
                        : "a function on the " + jointStates + " joint states (" + jointStates + " values separated by ;)";
                case TIME, KAPPA -> value instanceof Integer ? null : "a whole number >= 0";
                case AGENT -> value instanceof Integer i && i < agents ? null : "an agent, 0.." + (agents - 1);
                case MEMBER -> value instanceof Integer i && i >= 2 ? null : "a whole number >= 2";
                case LAMBDA -> value instanceof Rational r && r.signum() >= 0 && r.compareTo(Rational.ONE) < 0 ? null
                        : "a rational with 0 <= lambda < 1";
                case GAMMA -> value instanceof Rational r && r.signum() > 0 && r.compareTo(Rational.ONE) < 0 ? null
                        : "a rational strictly between 0 and 1";
                case TAU, EPSILON -> value instanceof Rational r && r.signum() > 0 ? null : "a rational above 0";
                case SCALAR -> value instanceof Rational ? null : "a rational";
                case SITE_DISTRIBUTION -> vector(value, agents) && positive((Rational[]) value)
                        && sum((Rational[]) value).equals(Rational.ONE) ? null
                        : "a distribution over the " + agents + " agents with full support (" + agents
                                + " positive values summing to 1, separated by ;)";
                case WEIGHTS -> vector(value, agents) && positive((Rational[]) value) ? null
                        : agents + " positive weights, one per agent, separated by ;";
                case PROBABILITY -> value instanceof Rational[] v && v.length > 0 && nonNegative(v)
                        && sum(v).equals(Rational.ONE) ? null : "a probability vector (values >= 0 summing to 1, separated by ;)";
                case LOGITS -> value instanceof Rational[] v && v.length > 0 ? null : "a vector of rationals separated by ;";
            };
        }

        private static boolean vector(Object value, int length) {
            return value instanceof Rational[] v && v.length == length;
        }

        private static boolean positive(Rational[] v) {
            return Arrays.stream(v).allMatch(x -> x.signum() > 0);
        }

        private static boolean nonNegative(Rational[] v) {
            return Arrays.stream(v).allMatch(x -> x.signum() >= 0);
        }

        private static Rational sum(Rational[] v) {
            return Arrays.stream(v).reduce(Rational.ZERO, Rational::add);
        }
    }

    public static Param of(String name, Kind kind) {
        return new Param(name, kind);
    }
}
