package org.localitycheck.model;

/**
 * The limits every command enforces on what it reads before it starts work, each raisable with a Java system
 * property ({@code java -Dlocality-check.max-digits=N -jar ...}). README's "Limits" lists them.
 */
public final class InputLimits {
    private InputLimits() {
    }

    /** Largest input file, in bytes. */
    public static final long MAX_FILE_BYTES = property("locality-check.max-file-bytes", 256L << 20);
    /** Most digits in one number of an instance (numerator and denominator each). */
    public static final long MAX_DIGITS = property("locality-check.max-digits", 40);
    /** Largest |logit / tau| of a softmax policy: exp of larger arguments is not evaluated. */
    public static final long MAX_SOFTMAX_EXPONENT = property("locality-check.max-softmax-exponent", 10_000);
    /** Largest truncation depth, count of generated instances and integer witness parameter. */
    public static final long MAX_DEPTH = property("locality-check.max-depth", 1000);

    private static long property(String name, long fallback) {
        String v = System.getProperty(name);
        if (v == null) {
            return fallback;
        }
        try {
            long x = Long.parseLong(v.trim());
            if (x < 1) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a positive integer, got \"" + v + "\"");
        }
    }

    /**
     * Reads the limits (calling it initialises the class): an ExceptionInInitializerError whose cause is an
     * IllegalArgumentException names a -D property that is not a positive integer.
     */
    public static void load() {
        // the static fields above are read by the call itself
    }

    /** How to raise a limit, for messages. */
    public static String raise(String name) {
        return "raise it with java -D" + name + "=N -jar locality-check.jar ...";
    }
}
