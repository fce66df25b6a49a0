package org.localitycheck.claim;

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
        MEMBER
    }

    public static Param of(String name, Kind kind) {
        return new Param(name, kind);
    }
}
