package org.localitycheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.search.Families;
import org.localitycheck.store.CounterexampleFile;

class EvalCommandTest {
    @TempDir
    Path dir;

    /** Every evaluable reading runs on the spec's instances (1 to 4 agents, scopes, a multichain one): no crash, no news. */
    @Test
    void evaluatesTheSpecInstancesWithoutAViolatedHoldsReading() throws IOException {
        for (String name : new String[] {"two-agents", "three-agents-scopes", "four-agents-multichain"}) {
            Path f = Path.of("src/test/resources/spec-examples").resolve(name + ".instance.json");
            ComputeCommandTest.Run r = ComputeCommandTest.run("eval", "--instance", f.toString());
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().contains("0 reading(s) catalogued 'holds' violated"), r.out());
        }
    }

    /** A softmax instance: the readings on tabular policies only say not applicable; the softmax claims run. */
    @Test
    void evaluatesASoftmaxInstance() throws IOException {
        Path f = dir.resolve("softmax.instance.json");
        Files.writeString(f, InstanceJson.canonical(Families.generate("softmax", 3).instance()));
        ComputeCommandTest.Run r = ComputeCommandTest.run("eval", "--instance", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| lemma10/literal | holds |"), r.out());
    }

    /** The stored cor15/literal counterexample's instance at its witness: the refuted reading shows violated, exit 0. */
    @Test
    void showsTheViolationOfARefutedReadingAtAGivenWitness() throws IOException {
        Path stored;
        try (var s = Files.list(Path.of("counterexamples"))) {
            stored = s.filter(p -> p.getFileName().toString().startsWith("cor15-literal-")).findFirst().orElseThrow();
        }
        var j = CounterexampleFile.read(stored);
        Path f = dir.resolve("cor15.instance.json");
        Files.writeString(f, j.get("instance").toString());
        String w = "kappa=" + j.get("witness").get("kappa").asInt() + ",tau=" + j.get("witness").get("tau").asText();
        ComputeCommandTest.Run r = ComputeCommandTest.run("eval", "--instance", f.toString(), "--claims", "cor15/literal",
                "--witness", w);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| cor15/literal | refuted | 1 | violated |"), r.out());
    }
}
