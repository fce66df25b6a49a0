package org.localitycheck.claim;

import java.util.Locale;

/** What the catalogue says of a reading, with its evidence elsewhere: a stored counterexample, a proof or a count. */
public enum Expected {
    /** No counterexample exists in the checked space, or a proof shows none exists. */
    HOLDS,
    /** A stored, certified counterexample (instance or family file) violates it, or a proof shows it false. */
    REFUTED,
    /** Neither a proof nor a finite counterexample is known; the reading says why. */
    OPEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
