package org.localitycheck.check;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checker's reading of JSON: its own limits, its own number syntax (FORMATS.md, output form only), typed fields
 * that name their place, and its own canonical serialisation for the content hash. Jackson only tokenises.
 */
final class StrictJson {
    /** Largest file the checker reads. */
    static final long MAX_FILE_BYTES = 16L << 20;
    /** Most digits in one number (numerator and denominator counted apart). */
    static final int MAX_DIGITS = 4000;
    /** Largest integer witness parameter (kappa, t, m): the checker's work grows with it. */
    static final int MAX_STEPS = 256;
    /** Largest joint state count and joint state-action count the checker's exact code takes. */
    static final int MAX_JOINT_STATES = 512;
    static final int MAX_JOINT_PAIRS = 65536;
    /** Most digits in one number of an instance (the checker's exact solves grow with them). */
    static final int MAX_INSTANCE_DIGITS = 64;

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern FRACTION = Pattern.compile("-?[1-9][0-9]*/[1-9][0-9]*");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_DIGITS)
                    .maxStringLength((int) MAX_FILE_BYTES).maxNestingDepth(64).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** Bad content at a place: the file is not a well-formed certificate. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String place, String rule) {
            super(place + ": " + rule);
        }
    }

    /** Reads at most MAX_FILE_BYTES, strict UTF-8, one JSON value. */
    static JsonNode read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new Invalid("file", "is a folder, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new Invalid("file", "larger than the checker's limit of " + MAX_FILE_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("file", "is not UTF-8 text");
        }
        if (text.isBlank()) {
            throw new Invalid("file", "is empty");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            String m = e.getOriginalMessage() == null ? String.valueOf(e.getMessage()) : e.getOriginalMessage();
            throw new Invalid("file", "is not JSON (" + clip(m.lines().findFirst().orElse(m)) + ")");
        }
    }

    /** The object has no key but these. */
    static void onlyKeys(JsonNode object, String place, String... allowed) {
        Set<String> ok = Set.of(allowed);
        var it = object.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!ok.contains(k)) {
                throw new Invalid(place, "unexpected key \"" + clip(k) + "\" (a stored instance has exactly the engine's keys)");
            }
        }
    }

    static JsonNode field(JsonNode parent, String key, String place) {
        JsonNode v = parent.get(key);
        if (v == null) {
            throw new Invalid(place, "missing field \"" + key + "\"");
        }
        return v;
    }

    static JsonNode object(JsonNode parent, String key, String place) {
        JsonNode v = field(parent, key, place);
        if (!v.isObject()) {
            throw new Invalid(place + "." + key, "expected an object");
        }
        return v;
    }

    static String text(JsonNode parent, String key, String place) {
        JsonNode v = field(parent, key, place);
        if (!v.isTextual()) {
            throw new Invalid(place + "." + key, "expected a string");
        }
        return v.asText();
    }

    /** A JSON integer in [min, max]. */
    static int integer(JsonNode v, String place, int min, int max) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new Invalid(place, "expected a JSON integer");
        }
        int x = v.intValue();
        if (x < min || x > max) {
            throw new Invalid(place, "must be in " + min + ".." + max + ", is " + x);
        }
        return x;
    }

    /** A JSON array of exactly the given length (-1: any length). */
    static JsonNode array(JsonNode v, String place, int length) {
        if (v == null || !v.isArray()) {
            throw new Invalid(place, "expected an array");
        }
        if (length >= 0 && v.size() != length) {
            throw new Invalid(place, "expected " + length + " entries, found " + v.size());
        }
        return v;
    }

    /** A string holding a rational in output form: an integer, or a reduced fraction with positive denominator. */
    static Frac number(JsonNode v, String place) {
        if (v == null || !v.isTextual()) {
            throw new Invalid(place, "expected a string holding a rational");
        }
        String s = v.asText();
        if (s.length() > 2 * MAX_DIGITS + 2) {
            throw new Invalid(place, "a number of more than " + MAX_DIGITS + " digits");
        }
        Frac f;
        if (INTEGER.matcher(s).matches() && !s.equals("-0")) {
            f = new Frac(new BigInteger(s), BigInteger.ONE);
        } else if (FRACTION.matcher(s).matches()) {
            int slash = s.indexOf('/');
            f = new Frac(new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1)));
        } else {
            throw new Invalid(place, "not a rational in output form (\"3\", \"-3/8\"): \"" + clip(s) + "\"");
        }
        atMostDigits(f, MAX_DIGITS, place, "a number");
        if (!f.toString().equals(s)) {
            throw new Invalid(place, "not reduced: \"" + clip(s) + "\" is " + clip(f.toString()));
        }
        return f;
    }

    static Frac[] numbers(JsonNode v, String place, int length) {
        array(v, place, length);
        Frac[] f = new Frac[v.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = number(v.get(i), place + "[" + i + "]");
        }
        return f;
    }

    /** Numerator and denominator each of at most limit digits. */
    private static Frac atMostDigits(Frac f, int limit, String place, String what) {
        if (f.n().abs().toString().length() > limit || f.d().toString().length() > limit) {
            throw new Invalid(place, what + " of more than " + limit + " digits (the checker's limit)");
        }
        return f;
    }

    /** A witness number: at most MAX_INSTANCE_DIGITS digits, like an instance's. */
    static Frac witnessNumber(JsonNode v, String place) {
        return atMostDigits(number(v, place), MAX_INSTANCE_DIGITS, place, "a witness number");
    }

    /** Numbers of an instance: at most MAX_INSTANCE_DIGITS digits each. */
    static Frac[] instanceNumbers(JsonNode v, String place, int length) {
        Frac[] f = numbers(v, place, length);
        for (int i = 0; i < f.length; i++) {
            atMostDigits(f[i], MAX_INSTANCE_DIGITS, place + "[" + i + "]", "an instance number");
        }
        return f;
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Keys sorted, no white space, strings escaped as JSON requires; integers as written. */
    static String canonical(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        canonical(node, sb, "hashed content");
        return sb.toString();
    }

    private static void canonical(JsonNode node, StringBuilder sb, String place) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? "," : "");
                quote(keys.get(i), sb);
                sb.append(':');
                canonical(node.get(keys.get(i)), sb, place + "." + keys.get(i));
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                sb.append(i > 0 ? "," : "");
                canonical(node.get(i), sb, place);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            quote(node.asText(), sb);
        } else if (node.isIntegralNumber()) {
            sb.append(node.bigIntegerValue());
        } else if (node.isNull() || node.isBoolean()) {
            sb.append(node.asText());
        } else {
            throw new Invalid(place, "a JSON number that is not an integer");
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static String sha256Hex(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
