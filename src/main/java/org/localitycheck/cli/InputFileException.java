package org.localitycheck.cli;

/** Bad input in a named file: the message is "FILE: place: rule", ready for stderr. */
final class InputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputFileException(String file, String detail) {
        super(file + ": " + detail);
    }
}
