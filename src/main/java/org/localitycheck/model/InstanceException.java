package org.localitycheck.model;

/**
 * A rule of FORMATS.md that an instance breaks. {@code place} is the location in the instance document
 * (for example {@code kernel[1][3][0]}), {@code rule} says what is wrong there, in words.
 */
public final class InstanceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String place;
    private final String rule;

    public InstanceException(String place, String rule) {
        super(place.isEmpty() ? rule : place + ": " + rule);
        this.place = place;
        this.rule = rule;
    }

    public String place() {
        return place;
    }

    public String rule() {
        return rule;
    }
}
