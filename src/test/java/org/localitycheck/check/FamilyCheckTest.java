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
        assertFalse(accepted(members(0, 0, 1, 2)), "m = 0, 1, 2: the reading's closed form at m = 0 is 0, not 2");
    }

    /**
     * A family file filed under another reading, or whose closed forms are not the reading's, is refused even when every
     * value equals its stored closed form (the review of 2026-12-01 renamed a degree-only-constant file to
     * edp-uniform and to hub/shape, and the checker accepted both).
     */
    @Test
    void theFamilyMustBeTheReadingsOwn() throws IOException {
        ObjectNode renamed = StrictJson.read(FILE).deepCopy();
        renamed.put("claim", "sparsity").put("reading", "degree-only-constant");
        assertFalse(accepted(renamed), "an oscillation-ratio family filed as degree-only-constant");
        renamed.put("claim", "hub").put("reading", "shape");
        assertFalse(accepted(renamed), "a family filed under a reading that has none");
        ObjectNode scaled = members(2, 0, 1, 2, 3);
        for (JsonNode m : scaled.get("members")) {
            String twice = String.valueOf(2 * Integer.parseInt(m.get("closedForm").asText()));
            ((ObjectNode) m).put("value", twice).put("closedForm", twice);
        }
        assertFalse(accepted(scaled), "values and closed forms doubled together");
    }

    @Test
    void theNameMustCarryClaimAndReading() throws IOException {
        JsonNode stored = StrictJson.read(FILE);
        assertTrue(Checker.check(stored, FILE.getFileName().toString()).accepted());
        assertFalse(Checker.check(stored, "thm3-uniform-policy-uniform-family.json").accepted());
    }
}
