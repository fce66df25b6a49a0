package org.localitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output folders, checked before any work starts, so that a command fails at once and writes nothing. */
final class OutputFolder {
    private OutputFolder() {
    }

    /** The output folder, checked before any work: it must be a folder this process can write, or creatable. */
    static void requireWritable(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputFileException(out.toString(), "exists and is not a folder");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InputFileException(out.toString(), "cannot be created as a folder (" + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(out)) {
            throw new InputFileException(out.toString(), "is a folder this process cannot write");
        }
    }
}
