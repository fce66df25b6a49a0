package org.localitycheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        writeTo(node, sb, -1);
        return sb.toString();
    }

    /** Indented by one space per level, arrays of scalars on one line, ending in a newline. */
    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        pretty(node, sb);
        return sb.toString();
    }

    /** The length of {@link #pretty(JsonNode)} in characters, counted as they are produced and not kept. */
    public static long prettyLength(JsonNode node) {
        long[] count = new long[1];
        pretty(node, new Appendable() {
            @Override
            public Appendable append(CharSequence csq) {
                count[0] += csq.length();
                return this;
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                count[0] += end - start;
                return this;
            }

            @Override
            public Appendable append(char c) {
                count[0]++;
                return this;
            }
        });
        return count[0];
    }

    /** The bytes of {@link #pretty(JsonNode)}, written to {@code out} as they are produced. */
    public static void pretty(JsonNode node, Appendable out) {
        writeTo(node, out, 1);
        append(out, "\n");
    }

    private static void writeTo(JsonNode node, Appendable out, int indent) {
        try {
            write(node, out, indent, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("CanonicalJson: cannot write output", e);
        }
    }

    private static void append(Appendable out, CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("CanonicalJson: cannot write output", e);
        }
    }

    public static String sha256Hex(String text) {
        Sha256 d = new Sha256();
        d.append(text);
        return d.hex();
    }

    private static void write(JsonNode node, Appendable sb, int indent, int level) throws IOException {
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

    private static void newline(Appendable sb, int indent, int level) throws IOException {
        if (indent < 0) {
            return;
        }
        sb.append('\n');
        for (int i = 0; i < level * indent; i++) {
            sb.append(' ');
        }
    }

    /**
     * s as a JSON string, escaped as RFC 8785 (JCS) does: the quote, the backslash, backspace, form feed, newline, return
     * and tab by their two-character escapes, other characters below U+0020 as a six-character escape with lower-case
     * hex, everything else as it is (UTF-8).
     */
    static void quote(String s, Appendable sb) throws IOException {
        sb.append('"');
        if (plain(s)) {
            sb.append(s);
        } else {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** An Appendable that feeds the UTF-8 bytes of what is appended to SHA-256, in chunks. */
    static final class Sha256 implements Appendable {
        private static final int CHUNK = 1 << 16;
        private final MessageDigest digest;
        private final StringBuilder buffer = new StringBuilder();

        Sha256() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }

        @Override
        public Appendable append(CharSequence csq) {
            buffer.append(csq);
            flushIfFull();
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            buffer.append(csq, start, end);
            flushIfFull();
            return this;
        }

        @Override
        public Appendable append(char c) {
            buffer.append(c);
            return this; // a lone char may be half a surrogate pair: flushed with the next sequence
        }

        private void flushIfFull() {
            if (buffer.length() >= CHUNK && !Character.isHighSurrogate(buffer.charAt(buffer.length() - 1))) {
                digest.update(buffer.toString().getBytes(StandardCharsets.UTF_8));
                buffer.setLength(0);
            }
        }

        /** The digest of everything appended, in lower-case hex; the object is spent afterwards. */
        String hex() {
            digest.update(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
            return hexOf(digest.digest());
        }
    }

    private static String hexOf(byte[] h) {
        StringBuilder sb = new StringBuilder();
        for (byte b : h) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
