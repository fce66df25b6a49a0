package org.localitycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate, convert and compute on instance@2: files that validate against the schemas in the repository,
 * reference@2 on stdout, the round trip through instance@1, and each bad input refused with exit 2, one line
 * naming the file, the place and the rule, and nothing written.
 */
class FactoredCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Schema schema(String name) throws IOException {
        try (InputStream in = FactoredCommandsTest.class.getResourceAsStream("/org/localitycheck/model/" + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
        }
    }

    Path generate(String name, String... extra) {
        Path p = dir.resolve(name);
        String[] args = new String[extra.length + 3];
        args[0] = "generate";
        args[1] = "--out";
        args[2] = p.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        ComputeCommandTest.Run r = ComputeCommandTest.run(args);
        assertEquals(0, r.code(), r.err());
        return p;
    }

    @Test
    void generatedInstancesAndTheirReferencesValidateAgainstTheSchemas() throws IOException {
        Schema instance = schema("instance@2.schema.json");
        Schema reference = schema("reference@2.schema.json");
        String[][] networks = {{"--network", "ring", "--agents", "6"}, {"--network", "grid", "--rows", "2", "--cols", "3",
            "--policy", "softmax"}, {"--network", "star", "--agents", "5", "--states", "3"}, {"--network", "random",
                "--agents", "7", "--degree", "3", "--actions", "3"}};
        int n = 0;
        for (String[] net : networks) {
            Path p = generate("net" + n++ + ".json", net);
            JsonNode tree = JSON.readTree(p.toFile());
            assertEquals(List.of(), instance.validate(tree), p.toString());
            ComputeCommandTest.Run r = ComputeCommandTest.run("compute", "--instance", p.toString(), "--kappa", "3");
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of(), reference.validate(JSON.readTree(r.out())), p.toString());
        }
    }

    @Test
    void theSchemaRejectsABrokenInstance() throws IOException {
        // the schema check can fail: a JSON number where a string is required, and a missing reward
        ObjectNode tree = (ObjectNode) JSON.readTree(generate("ring.json", "--network", "ring", "--agents", "3").toFile());
        ((ArrayNode) tree.get("agents").get(0).get("policy").get(0)).set(0, JSON.getNodeFactory().numberNode(0.5));
        tree.remove("reward");
        assertEquals(2, schema("instance@2.schema.json").validate(tree).size());
    }

    @Test
    void convertRoundTripsAndComputeAgreesOnBothForms() throws IOException {
        Path f = generate("ring.json", "--network", "ring", "--agents", "4");
        Path joint = dir.resolve("joint.json");
        assertEquals(0, ComputeCommandTest.run("convert", "--instance", f.toString(), "--to", "instance@1", "--out",
                joint.toString()).code());
        Path back = dir.resolve("back.json");
        assertEquals(0, ComputeCommandTest.run("convert", "--instance", joint.toString(), "--to", "instance@2", "--out",
                back.toString()).code());
        JsonNode a = JSON.readTree(ComputeCommandTest.run("compute", "--instance", f.toString()).out());
        JsonNode b = JSON.readTree(ComputeCommandTest.run("compute", "--instance", back.toString()).out());
        JsonNode c = JSON.readTree(ComputeCommandTest.run("compute", "--instance", joint.toString()).out());
        // the factored forms may list different supports (convert keeps only the agents a kernel depends on), so
        // the comparison is on the spectral radius and the certificates, which do not depend on the listing
        assertEquals(a.get("rhoH"), b.get("rhoH"));
        assertEquals(a.get("kappa").get(8).get("certificate"), b.get("kappa").get(8).get("certificate"));
        assertEquals(a.get("rhoH"), c.get("rhoH"));
        assertEquals(a.get("kappa").get(8).get("certificate"), c.get("kappa").get(8).get("certificate"));
    }

    @Test
    void writersNeverReplaceAFile() throws IOException {
        Path f = generate("ring.json", "--network", "ring", "--agents", "4");
        byte[] before = Files.readAllBytes(f);
        ComputeCommandTest.Run r = ComputeCommandTest.run("generate", "--network", "ring", "--agents", "5", "--out",
                f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(f + ": exists"), r.err());
        assertEquals(new String(before), new String(Files.readAllBytes(f)));
        r = ComputeCommandTest.run("convert", "--instance", f.toString(), "--to", "instance@1", "--out", f.toString());
        assertEquals(2, r.code());
        assertEquals(new String(before), new String(Files.readAllBytes(f)));
    }

    @Test
    void theDecayFigureIsAPngAndIsNeverReplaced() throws IOException {
        Path f = generate("ring.json", "--network", "ring", "--agents", "12");
        Path png = dir.resolve("decay.png");
        ComputeCommandTest.Run r = ComputeCommandTest.run("compute", "--instance", f.toString(), "--figure", png.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(png);
        assertEquals(0x89, bytes[0] & 0xff); // the PNG signature
        assertEquals('P', bytes[1]);
        r = ComputeCommandTest.run("compute", "--instance", f.toString(), "--figure", png.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(png + ": exists"), r.err());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(png)));
        // an instance@1 has no decay figure: refused, not silently ignored
        Path small = generate("ring4.json", "--network", "ring", "--agents", "4");
        Path joint = dir.resolve("joint.json");
        assertEquals(0, ComputeCommandTest.run("convert", "--instance", small.toString(), "--to", "instance@1", "--out",
                joint.toString()).code());
        r = ComputeCommandTest.run("compute", "--instance", joint.toString(), "--figure", dir.resolve("j.png").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--figure is for instance@2"), r.err());
        assertFalse(Files.exists(dir.resolve("j.png")));
    }

    @Test
    void longRunBeyondTheJointLimitIsRefusedBeforeAnyOutput() {
        Path f = generate("ring.json", "--network", "ring", "--agents", "30");
        ComputeCommandTest.Run r = ComputeCommandTest.run("compute", "--instance", f.toString(), "--long-run");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains(f + ": agents: expanding 30 agents"), r.err());
        assertTrue(r.err().contains("above the size limit 1048576"), r.err());
        assertEquals(0, ComputeCommandTest.run("compute", "--instance", f.toString()).code());
    }

    @Test
    void aNeighbourhoodAboveTheEnumerationLimitIsRefused() {
        // the hub's next state depends on every agent's action, each policy observing the hub and itself or all:
        // 256 configurations x 256 action configurations
        Path f = generate("star.json", "--network", "star", "--agents", "8");
        ComputeCommandTest.Run r = ComputeCommandTest.run("compute", "--instance", f.toString(), "--max-local", "100");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("C row 0 (the agents P_j^pi depends on) ranges over the configurations of agents "
                + "[0, 1, 2, 3, 4, 5, 6, 7]: 256 x 256 action configurations, above the enumeration limit 100 (raise it with "
                + "--max-local)"), r.err());
        r = ComputeCommandTest.run("generate", "--network", "star", "--agents", "12", "--out", dir.resolve("big.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("reads 12 agents"), r.err());
        assertFalse(Files.exists(dir.resolve("big.json")));
    }

    @Test
    void badFactoredInstancesNameThePlaceAndTheRule() throws IOException {
        String good = Files.readString(generate("ring.json", "--network", "ring", "--agents", "3"));
        ObjectNode tree = (ObjectNode) JSON.readTree(good);
        String[][] cases = {
            // {json path edit, expected fragment}
            {"rowSum", "agents[1].kernel.table[0][0]: sums to"},
            {"dupScope", "agents[0].kernel.states[1]: repeats agent"},
            {"outOfRange", "agents[2].observes[0]: is 7, not an agent index 0..2"},
            {"shortPolicy", "agents[0].policy: has 7 entries, expected 8"},
            {"bothRewards", "reward: must hold exactly one of \"terms\" and \"joint\""},
            {"kind", "policy.kind: is \"greedy\"; expected \"tabular\" or \"softmax\""},
        };
        for (String[] c : cases) {
            ObjectNode t = tree.deepCopy();
            ObjectNode a0 = (ObjectNode) t.get("agents").get(0);
            switch (c[0]) {
                case "rowSum" -> ((ArrayNode) t.get("agents").get(1).get("kernel").get("table").get(0).get(0)).set(0,
                        JSON.getNodeFactory().textNode("7/8"));
                case "dupScope" -> ((ArrayNode) a0.get("kernel").get("states")).set(1, a0.get("kernel").get("states").get(0));
                case "outOfRange" -> ((ArrayNode) t.get("agents").get(2).get("observes")).set(0,
                        JSON.getNodeFactory().numberNode(7));
                case "shortPolicy" -> ((ArrayNode) a0.get("policy")).remove(0);
                case "bothRewards" -> ((ObjectNode) t.get("reward")).putArray("joint");
                case "kind" -> ((ObjectNode) t.get("policy")).put("kind", "greedy");
                default -> throw new IllegalStateException(c[0]);
            }
            Path p = dir.resolve(c[0] + ".json");
            Files.writeString(p, JSON.writeValueAsString(t));
            ComputeCommandTest.Run r = ComputeCommandTest.run("compute", "--instance", p.toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith(p + ": " + c[1]), c[0] + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }
}
