package org.localitycheck.claim;

/**
 * One reading of a claim: its name (the variant after the slash, as in {@code thm7-bias/untransposed}), the
 * statement it checks, what the catalogue expects of it and why, and the exact check.
 */
public record Reading(String name, String statement, Expected expected, String rationale, Check check,
        boolean existential) {

    /** A universal reading: every applicable case must hold. */
    public static Reading of(String name, String statement, Expected expected, String rationale, Check check) {
        return new Reading(name, statement, expected, rationale, check, false);
    }

    /** An existential reading ("there are instances with ..."): it holds once one case satisfies it. */
    public static Reading exists(String name, String statement, String rationale, Check check) {
        return new Reading(name, statement, Expected.HOLDS, rationale, check, true);
    }

    /** The exact check of this reading on one instance at one witness. */
    @FunctionalInterface
    public interface Check {
        Verdict apply(Context ctx, Witness w);
    }
}
