package org.localitycheck.claim;

/** What the catalogue says of a reading, with its evidence elsewhere: a stored counterexample or a count. */
public enum Expected {
    /** No counterexample exists in the checked space; evidence: the number of instances checked. */
    HOLDS,
    /** A stored, certified counterexample violates it. */
    REFUTED,
    /** Not decidable by a finite search as stated; what is observed is reported, nothing is claimed. */
    OPEN,
    /** Not checked by this suite yet: its issue (softmax enclosures, Section 5 updates) is still open. */
    PENDING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
