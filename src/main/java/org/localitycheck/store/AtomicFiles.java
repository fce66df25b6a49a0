package org.localitycheck.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The project's two ways of writing a file, both through a temporary file in the target's folder so that a reader
 * never sees half a file: {@link #writeNew} never replaces anything, {@link #writeAtomically} replaces in one step.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes a complete file at target only if nothing is there: the bytes go to a temporary file in the same folder,
     * which is then hard-linked to target (a link never replaces; no window between a check and a rename). Returns
     * false, writing nothing, when target exists.
     */
    public static boolean writeNew(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path tmp = temporaryCopy(dir, bytes);
        try {
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, target); // without REPLACE_EXISTING: fails rather than replaces
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes in a new hidden file of dir, readable by all (the caller moves or links it, then deletes it). */
    private static Path temporaryCopy(Path dir, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // the platform's default permissions stay
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Write to a temporary file in the same folder, then move it into place in one step. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporaryCopy(dir, bytes);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

}
