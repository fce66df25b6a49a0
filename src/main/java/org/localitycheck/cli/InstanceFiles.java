package org.localitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;

/** Reading instance files for the commands: every failure names the file. */
final class InstanceFiles {
    private InstanceFiles() {
    }

    static Instance read(Path file, long sizeLimit) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InputFileException(file.toString(), "cannot be read: " + e.getMessage());
        }
        try {
            return InstanceJson.parse(text, sizeLimit);
        } catch (InstanceException e) {
            throw new InputFileException(file.toString(), e.getMessage());
        }
    }
}
