package org.localitycheck.claim;

/**
 * One reading of a claim: its name (the variant after the slash, as in {@code thm7-bias/untransposed}), the
 * statement it checks, what the catalogue expects of it and why, the exact check, its category, and, where the
 * verdict rests on a proof rather than on a search, that proof (its steps are what the check tests per case).
 */
public record Reading(String name, String statement, Expected expected, String rationale, Check check,
        boolean existential, Category category, String proof, ErrorKind kind) {

    /** What a reading is to the paper; the three are never mixed in the report. */
    public enum Category {
        /** The statement as written, in its natural reading: refuted, it is an error in the paper. */
        AS_STATED("as stated"),
        /** A corrected form the paper's own proof supports (a weaker constant, the hypothesis the proof uses). */
        CORRECTED("corrected form"),
        /** A reading the paper does not make: a dropped hypothesis, the other transposition, an exact rounding. */
        CONVENTION("necessity or convention check");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What kind of error a refuted statement as written is: the report counts the kinds apart. */
    public enum ErrorKind {
        /** The statement is false in its natural reading. */
        SUBSTANTIVE(""),
        /** The sentence admits two natural readings; this one is false (the other is a reading of its own). */
        AMBIGUITY("under one reading of an ambiguous sentence"),
        /** A slip of notation (an equality for an inequality, say): false as written, true as plainly meant. */
        SLIP("a slip of notation");

        private final String label;

        ErrorKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A universal reading of the statement as written: every applicable case must hold. */
    public static Reading of(String name, String statement, Expected expected, String rationale, Check check) {
        return new Reading(name, statement, expected, rationale, check, false, Category.AS_STATED, null,
                ErrorKind.SUBSTANTIVE);
    }

    /** An existential reading ("there are instances with ..."): it holds once one case satisfies it. */
    public static Reading exists(String name, String statement, String rationale, Check check) {
        return new Reading(name, statement, Expected.HOLDS, rationale, check, true, Category.AS_STATED, null,
                ErrorKind.SUBSTANTIVE);
    }

    /** The same reading filed as a corrected form. */
    public Reading corrected() {
        return new Reading(name, statement, expected, rationale, check, existential, Category.CORRECTED, proof, kind);
    }

    /** The same reading filed as a necessity or convention check. */
    public Reading convention() {
        return new Reading(name, statement, expected, rationale, check, existential, Category.CONVENTION, proof, kind);
    }

    /**
     * The same reading decided by a proof. The check then tests the proof's conclusion on every case: for a
     * universal reading no case may violate it; for an existential reading refuted by the proof no case may witness it.
     */
    public Reading provenBy(String proofText) {
        return new Reading(name, statement, expected, rationale, check, existential, category, proofText, kind);
    }

    /** The same reading with another expectation (an existential statement a proof refutes, say). */
    public Reading expecting(Expected e) {
        return new Reading(name, statement, e, rationale, check, existential, category, proof, kind);
    }

    /** The same statement as written, refuted under one of two natural readings of its sentence. */
    public Reading ambiguity() {
        return new Reading(name, statement, expected, rationale, check, existential, category, proof, ErrorKind.AMBIGUITY);
    }

    /** The same statement as written, refuted only through a slip of notation. */
    public Reading slip() {
        return new Reading(name, statement, expected, rationale, check, existential, category, proof, ErrorKind.SLIP);
    }

    /** True when a category label says "error in the paper": the statement as written, refuted. */
    public boolean paperError() {
        return category == Category.AS_STATED && expected == Expected.REFUTED;
    }

    /** True when the check builds its own instances (a uniformity family): it says nothing about a given instance. */
    public boolean instanceFree() {
        return check instanceof FamilyCheck;
    }

    /** A check that evaluates a family member named by the witness and ignores the case's instance. */
    public interface FamilyCheck extends Check {
    }

    /** The exact check of this reading on one instance at one witness. */
    @FunctionalInterface
    public interface Check {
        Verdict apply(Context ctx, Witness w);
    }
}
