package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The family checker at its rules' edges, on the stored Jordan-chain family (members m = 2..8 with values 2..8,
 * written by the suite): which sub-families it accepts and which it refuses.
 */
class FamilyCheckTest {
    private static final Path FILE = CheckerTest.STORE.resolve("families").resolve("thm3-uniform-jordan-at-rho-family.json");

    /** The stored file with its members replaced by the stored members at these indexes, relabelled m = firstM, ... */
    private static ObjectNode members(int firstM, int... indexes) throws IOException {
        JsonNode stored = StrictJson.read(FILE);
        ObjectNode f = stored.deepCopy();
        ArrayNode ms = f.putArray("members");
        for (int q = 0; q < indexes.length; q++) {
            ObjectNode m = stored.get("members").get(indexes[q]).deepCopy();
            m.put("m", firstM + q);
            ms.add(m);
        }
        return f;
    }

    private static boolean accepted(ObjectNode f) {
        return Checker.check(f, null).accepted();
    }

    @Test
    void threeMembersWhoseLastIsExactlyTwiceTheFirstAreEnough() throws IOException {
        assertTrue(accepted(members(2, 0, 1, 2)), "values 2, 3, 4: the last exactly twice the first");
        assertFalse(accepted(members(2, 0, 1)), "two members are too few");
        assertFalse(accepted(members(3, 1, 2, 3)), "values 3, 4, 5: growth below a factor 2");
    }

    @Test
    void equalValuesInARowAreRefusedEvenWhenTheFamilyGrows() throws IOException {
        assertFalse(accepted(members(2, 0, 0, 6)), "values 2, 2, 8");
    }

    @Test
    void membersAreNumberedConsecutivelyFromTheFirst() throws IOException {
        ObjectNode gap = members(0, 0, 1, 2);
        ((ObjectNode) gap.get("members").get(1)).put("m", 2);
        ((ObjectNode) gap.get("members").get(2)).put("m", 3);
        assertFalse(accepted(gap), "m = 0, 2, 3");
        assertTrue(accepted(members(0, 0, 1, 2)), "m = 0, 1, 2 (the labels are not recomputed)");
    }

    @Test
    void theNameMustCarryClaimAndReading() throws IOException {
        JsonNode stored = StrictJson.read(FILE);
        assertTrue(Checker.check(stored, FILE.getFileName().toString()).accepted());
        assertFalse(Checker.check(stored, "thm3-uniform-policy-uniform-family.json").accepted());
    }
}
