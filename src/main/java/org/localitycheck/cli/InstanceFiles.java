package org.localitycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.localitycheck.model.FactoredJson;
import org.localitycheck.model.InputLimits;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;

/** Reading input files for the commands: every failure names the file; nothing larger than the limit is read. */
final class InstanceFiles {
    private InstanceFiles() {
    }

    static Instance read(Path file, long sizeLimit) {
        try {
            return InstanceJson.parse(text(file), sizeLimit);
        } catch (InstanceException e) {
            throw new InputFileException(file.toString(), e.getMessage());
        }
    }

    /** An instance@1 ({@link Instance}) or an instance@2 ({@link FactoredInstance}), by its "format". */
    static Object readAny(Path file, long sizeLimit) {
        try {
            String text = text(file);
            Instance read = InstanceJson.parseStreaming(text, sizeLimit);
            if (read != null) {
                return read;
            }
            JsonNode root = InstanceJson.parseTree(text);
            if (root != null && FactoredJson.FORMAT.equals(FactoredJson.formatOf(root))) {
                return FactoredJson.fromTree(root, sizeLimit);
            }
            if (root == null || !root.isObject()) {
                throw new InstanceException("", "the document is not a JSON object");
            }
            String format = FactoredJson.formatOf(root);
            if (format != null && !format.equals(InstanceJson.FORMAT)) {
                throw new InstanceException("format", "is \"" + (format.length() > 80 ? format.substring(0, 60) + "..." : format)
                        + "\", an unknown format; expected \"" + InstanceJson.FORMAT + "\" or \"" + FactoredJson.FORMAT + "\"");
            }
            return InstanceJson.fromTree(root, sizeLimit);
        } catch (InstanceException e) {
            throw new InputFileException(file.toString(), e.getMessage());
        }
    }

    /** The file as strict UTF-8 text, at most {@link InputLimits#MAX_FILE_BYTES} bytes. */
    static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file.toString(), "is a folder, expected a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, InputLimits.MAX_FILE_BYTES + 1));
        } catch (NoSuchFileException e) {
            throw new InputFileException(file.toString(), "no such file");
        } catch (AccessDeniedException e) {
            throw new InputFileException(file.toString(), "cannot be read: permission denied");
        } catch (IOException e) {
            throw new InputFileException(file.toString(), "cannot be read: " + e.getMessage());
        }
        if (bytes.length > InputLimits.MAX_FILE_BYTES) {
            throw new InputFileException(file.toString(), "larger than the limit of " + InputLimits.MAX_FILE_BYTES
                    + " bytes (" + InputLimits.raise("locality-check.max-file-bytes") + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(file.toString(), "is not UTF-8 text");
        }
    }
}
