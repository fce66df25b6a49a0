package org.localitycheck.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One serialisation of JSON trees with sorted keys: compact (for hashing) or indented (for files people
 * read). The same tree always gives the same bytes.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String compact(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, -1, 0);
        return sb.toString();
    }

    /** Indented by one space per level, arrays of scalars on one line, ending in a newline. */
    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 1, 0);
        return sb.append('\n').toString();
    }

    public static String sha256Hex(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void write(JsonNode node, StringBuilder sb, int indent, int level) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(keys::add);
            keys.sort(null);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, level + 1);
                quote(keys.get(i), sb);
                sb.append(indent < 0 ? ":" : ": ");
                write(node.get(keys.get(i)), sb, indent, level + 1);
            }
            if (!keys.isEmpty()) {
                newline(sb, indent, level);
            }
            sb.append('}');
        } else if (node.isArray()) {
            boolean flat = true;
            for (JsonNode c : node) {
                flat &= c.isValueNode();
            }
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(flat && indent >= 0 ? ", " : ",");
                }
                if (!flat) {
                    newline(sb, indent, level + 1);
                }
                write(node.get(i), sb, indent, level + 1);
            }
            if (!flat && node.size() > 0) {
                newline(sb, indent, level);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            quote(node.asText(), sb);
        } else {
            sb.append(node.toString());
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent < 0) {
            return;
        }
        sb.append('\n');
        for (int i = 0; i < level * indent; i++) {
            sb.append(' ');
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        sb.append(JsonStringEncoder.getInstance().quoteAsString(s));
        sb.append('"');
    }
}
