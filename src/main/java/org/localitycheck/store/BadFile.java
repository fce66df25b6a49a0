package org.localitycheck.store;

import java.nio.file.Path;

/** A file that breaks a rule of its format: the file (null until the reader that knows it fills it in) and the rule. */
public final class BadFile extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public BadFile(Path file, String rule) {
        super(rule);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
