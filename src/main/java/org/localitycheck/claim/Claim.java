package org.localitycheck.claim;

import java.util.List;

/** One id of CLAIMS.md: where it stands, what it says literally, its readings, and its witnesses. */
public interface Claim {
    String id();

    /** Paper location. */
    String where();

    /** The literal statement, as CLAIMS.md and the paper give it. */
    String statement();

    List<Reading> readings();

    /** The parameters a check needs beyond the instance (test functions, t, lambda, ...); search draws them. */
    List<Param> parameters();

    /**
     * The family of instances this claim speaks of: "any" for a statement about every instance, otherwise
     * the name of a family of {@code search.Families} (the paper's worked examples).
     */
    default String family() {
        return "any";
    }

    /** The families cases are drawn from, in turn; by default the one {@link #family()} names ("any": all general ones). */
    default List<String> families() {
        return List.of(family());
    }

    /**
     * True when a reading's statement depends on the numbering of the agents (a cyclic pass k = 1, ..., n), so that
     * instances equal up to a permutation of agents are not equivalent for it.
     */
    default boolean agentOrderMatters() {
        return false;
    }

    default Reading reading(String name) {
        for (Reading r : readings()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("claim " + id() + " has no reading \"" + name + "\"");
    }
}
