package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.model.CanonicalJson;

/** The checker's reader at each of its limits: the largest value allowed is read, one past it is refused. */
class StrictJsonLimitsTest {
    @TempDir
    Path dir;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** 10^(k-1) + 1: k digits, odd and not a multiple of 5. */
    private static String oddDigits(int k) {
        return BigInteger.TEN.pow(k - 1).add(BigInteger.ONE).toString();
    }

    /** 2 * 10^(k-1): k digits, coprime to oddDigits. */
    private static String evenDigits(int k) {
        return BigInteger.TWO.multiply(BigInteger.TEN.pow(k - 1)).toString();
    }

    @Test
    void numbersOfAtMostMaxDigitsPerPartAreRead() {
        int max = StrictJson.MAX_DIGITS;
        String longest = "-" + oddDigits(max) + "/" + evenDigits(max); // 2 * MAX_DIGITS + 2 characters
        assertEquals(2 * max + 2, longest.length());
        assertEquals(longest, StrictJson.number(TextNode.valueOf(longest), "x").toString());
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.number(TextNode.valueOf("-" + oddDigits(max + 1) + "/"
                + evenDigits(max)), "x"), "one character past the limit");
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.number(TextNode.valueOf(oddDigits(max + 1) + "/3"), "x"),
                "a numerator of MAX_DIGITS + 1 digits, the text short enough");
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.number(TextNode.valueOf("1/" + evenDigits(max + 1)), "x"),
                "a denominator of MAX_DIGITS + 1 digits");
    }

    @Test
    void instanceAndWitnessNumbersHaveTheirOwnLimit() {
        int max = StrictJson.MAX_INSTANCE_DIGITS;
        ArrayNode ok = F.arrayNode().add("1/2").add(oddDigits(max) + "/" + evenDigits(max));
        assertEquals(2, StrictJson.instanceNumbers(ok, "row", 2).length);
        ArrayNode wide = F.arrayNode().add("1/2").add("1/" + evenDigits(max + 1));
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.instanceNumbers(wide, "row", 2));
        ArrayNode wideNumerator = F.arrayNode().add(oddDigits(max + 1) + "/3").add("0");
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.instanceNumbers(wideNumerator, "row", 2));
        assertEquals(oddDigits(max), StrictJson.witnessNumber(TextNode.valueOf(oddDigits(max)), "w").toString());
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.witnessNumber(TextNode.valueOf(oddDigits(max + 1)), "w"));
    }

    @Test
    void filesOfAtMostTheByteLimitAreRead() throws IOException {
        int limit = (int) StrictJson.MAX_FILE_BYTES;
        byte[] text = new byte[limit];
        Arrays.fill(text, (byte) ' ');
        text[0] = '[';
        text[limit - 1] = ']';
        Path exact = dir.resolve("exact.json");
        Files.write(exact, text);
        assertEquals(0, StrictJson.read(exact).size(), "a file of exactly the limit");
        byte[] more = Arrays.copyOf(text, limit + 1);
        more[limit - 1] = ' ';
        more[limit] = ']';
        Path over = dir.resolve("over.json");
        Files.write(over, more);
        StrictJson.Invalid e = assertThrows(StrictJson.Invalid.class, () -> StrictJson.read(over));
        assertEquals("file: larger than the checker's limit of " + limit + " bytes", e.getMessage());
    }

    @Test
    void clipKeepsEightyCharactersAndShortensLongerText() {
        assertEquals("abc", StrictJson.clip("abc"));
        String eighty = "x".repeat(80);
        assertEquals(eighty, StrictJson.clip(eighty));
        assertEquals("x".repeat(77) + "...", StrictJson.clip(eighty + "y"));
    }

    @Test
    void canonicalFormOfNullsBooleansAndControlCharacters() {
        ObjectNode o = F.objectNode();
        o.putNull("b");
        o.put("a", true);
        o.put("c", "x y\u001f");
        // the engine's canonical form is the other side of every content hash
        assertEquals(CanonicalJson.compact(o), StrictJson.canonical(o));
        assertEquals("{\"a\":true,\"b\":null,\"c\":\"x y\\u001f\"}", StrictJson.canonical(o));
    }

    @Test
    void arraysOfTheRequiredLength() {
        ArrayNode two = F.arrayNode().add(1).add(2);
        assertEquals(two, StrictJson.array(two, "a", 2));
        assertEquals(two, StrictJson.array(two, "a", -1));
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.array(two, "a", 3));
        assertThrows(StrictJson.Invalid.class, () -> StrictJson.array(two, "a", 0), "an empty array was required");
        assertEquals(0, StrictJson.array(F.arrayNode(), "a", 0).size());
    }
}
