package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.store.BadFile;
import org.localitycheck.store.CounterexampleFile;
import org.localitycheck.store.WitnessJson;

/** A stored counterexample as the report shows it: file, reading, size, sides. */
public record StoredCounterexample(String file, String reading, int agents, int jointStates, int jointActions,
        String lhs, String rhs, String at) {

    public static Map<String, List<StoredCounterexample>> load(Path dir) throws IOException {
        Map<String, List<StoredCounterexample>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode j = CounterexampleFile.read(f);
            try {
                // what the report reads of a file: the sides, the witness and the instance
                Rational.parse(j.path("lhs").asText());
                Rational.parse(j.path("rhs").asText());
                WitnessJson.fromTree(j.get("witness"), "witness");
                if (j.hasNonNull("instance")) {
                    InstanceJson.fromTree(j.get("instance"), Long.MAX_VALUE);
                }
            } catch (IllegalArgumentException e) {
                throw new BadFile(f, e.getMessage());
            }
            String key = j.get("claim").asText() + "/" + j.get("reading").asText();
            int agents = 0;
            int states = 0;
            int actions = 0;
            JsonNode inst = j.get("instance");
            if (inst != null && !inst.isNull()) {
                agents = inst.get("agents").size();
                states = 1;
                actions = 1;
                for (JsonNode a : inst.get("agents")) {
                    states *= a.get("states").asInt();
                    actions *= a.get("actions").asInt();
                }
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(new StoredCounterexample(f.getFileName().toString(), key,
                    agents, states, actions, j.get("lhs").asText(), j.get("rhs").asText(), j.get("at").asText()));
        }
        return out;
    }
}
