package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Witness values at the ends of their ranges (the checker's rules, Params' class comment): each end that is allowed
 * is read, and the first value past it is refused. The instance is a stored two-agent file's (4 joint states).
 */
class ParamsTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static Mdp mdp() throws IOException {
        JsonNode f = StrictJson.read(CheckerTest.STORE.resolve("c-governs-literal-a3cafd47c724.json"));
        return new Mdp(f.get("instance"));
    }

    private static Params read(String key, JsonNode value) throws IOException {
        ObjectNode w = F.objectNode();
        w.set(key, value);
        return new Params(w, mdp());
    }

    private static void refused(String key, JsonNode value) {
        assertThrows(StrictJson.Invalid.class, () -> read(key, value), key + " = " + value);
    }

    private static ArrayNode numbers(String... xs) {
        ArrayNode a = F.arrayNode();
        for (String x : xs) {
            a.add(x);
        }
        return a;
    }

    @Test
    void theInstanceHasTwoAgentsAndFourJointStates() throws IOException {
        Mdp m = mdp();
        assertEquals(2, m.n);
        assertEquals(4, m.ns);
    }

    @Test
    void temperaturesFrom1Over1024To1024() throws IOException {
        assertEquals("1/1024", read("tau", F.textNode("1/1024")).number("tau").toString());
        assertEquals("1024", read("tau", F.textNode("1024")).number("tau").toString());
        refused("tau", F.textNode("1/1025"));
        refused("tau", F.textNode("1025"));
        refused("tau", F.textNode("0"));
        refused("tau", F.textNode("-1"));
    }

    @Test
    void lambdaFromZeroAndGammaAboveZeroBothBelowOne() throws IOException {
        assertEquals("0", read("lambda", F.textNode("0")).number("lambda").toString());
        assertEquals("1023/1024", read("lambda", F.textNode("1023/1024")).number("lambda").toString());
        refused("lambda", F.textNode("1"));
        refused("lambda", F.textNode("-1/1024"));
        assertEquals("1/1024", read("gamma", F.textNode("1/1024")).number("gamma").toString());
        refused("gamma", F.textNode("0"));
        refused("gamma", F.textNode("1"));
    }

    @Test
    void countsUpToMaxStepsAndAgentsBelowN() throws IOException {
        assertEquals(0, read("kappa", F.numberNode(0)).count("kappa"));
        assertEquals(StrictJson.MAX_STEPS, read("t", F.numberNode(StrictJson.MAX_STEPS)).count("t"));
        refused("m", F.numberNode(StrictJson.MAX_STEPS + 1));
        refused("kappa", F.numberNode(-1));
        assertEquals(1, read("k", F.numberNode(1)).count("k"));
        refused("k", F.numberNode(2));
    }

    @Test
    void vectorsOfTheInstancesSizesAndPositiveWeights() throws IOException {
        assertEquals(4, read("f", numbers("1", "0", "-1", "1/2")).vector("f").length);
        refused("f", numbers("1", "0", "-1"));
        assertEquals(2, read("b2", numbers("1", "2")).vector("b2").length);
        refused("b2", numbers("1", "2", "3"));
        assertEquals(2, read("w", numbers("1", "1/3")).vector("w").length);
        refused("w", numbers("1", "0"));
        refused("w", numbers("-1", "1"));
    }

    @Test
    void unknownKeysAndNonObjectsAreRefused() {
        refused("beta", F.textNode("1"));
        assertThrows(StrictJson.Invalid.class, () -> new Params(F.arrayNode(), mdp()));
    }
}
