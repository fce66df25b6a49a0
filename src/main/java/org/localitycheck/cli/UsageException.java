package org.localitycheck.cli;

/** A command-line value that breaks a rule: the message names the option, the rule and the value. Exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
