package org.localitycheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.UniformityFamilies;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.search.WitnessGenerator;

/**
 * {@code locality-check/family@1}: the refutation of a uniformity reading, stored as its family's members m = 2, ...,
 * 1 + {@link WitnessGenerator#UNIFORMITY_MEMBERS}: each member's instance, the quantity and its parameters, the exact
 * value the engine computed and the closed form it equals. Files live in {@code counterexamples/families/} as
 * {@code <id>-<reading>-family.json}; {@code check} recomputes every value with the independent checker, {@code replay}
 * with the engine too.
 */
public final class FamilyFile {
    public static final String FORMAT = "locality-check/family@1";
    public static final String FOLDER = "families";

    private FamilyFile() {
    }

    public static String fileName(String readingKey) {
        return readingKey.replace('/', '-') + "-family.json";
    }

    /** The family behind a uniformity reading, or null when the reading has none. */
    public static IntFunction<UniformityFamilies.Member> family(String readingKey) {
        return UniformityFamilies.byReading().get(readingKey);
    }

    public static ObjectNode toTree(String readingKey) {
        String[] k = readingKey.split("/", 2);
        Claim c = Claims.byId(k[0]);
        Reading r = c.reading(k[1]);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("claim", c.id());
        o.put("reading", r.name());
        o.put("paper", c.where());
        o.put("statement", r.statement());
        o.put("proof", r.proof());
        ArrayNode ms = o.putArray("members");
        List<UniformityFamilies.Member> members = UniformityFamilies.members(family(readingKey),
                1 + WitnessGenerator.UNIFORMITY_MEMBERS);
        int m = 2;
        for (UniformityFamilies.Member x : members) {
            ObjectNode mo = ms.addObject();
            mo.put("m", m++);
            mo.put("quantity", x.quantity());
            mo.set("parameters", WitnessJson.toTree(x.parameters()));
            mo.put("value", x.value().toString());
            mo.put("closedForm", x.closedForm().toString());
            mo.put("hypotheses", x.hypotheses());
            mo.put("at", x.where());
            mo.set("instance", InstanceJson.toTree(x.instance().withName(null)));
        }
        return o;
    }

    /** Writes the reading's family file unless it is stored with the same bytes; a different stored file is an error. */
    public static Path write(Path counterexamples, String readingKey) throws IOException {
        Path target = counterexamples.resolve(FOLDER).resolve(fileName(readingKey));
        String text = CanonicalJson.pretty(toTree(readingKey));
        if (Files.exists(target)) {
            if (Files.readString(target).equals(text)) {
                return null;
            }
            throw new IOException("FamilyFile.write: " + target + " holds other bytes than this version computes; "
                    + "move it away to regenerate it (nothing is overwritten)");
        }
        AtomicFiles.writeAtomically(target, text);
        return target;
    }

    /** The family files in the folder's families/, sorted by name; read by whoever checks them, not here. */
    public static List<Path> stored(Path counterexamples) throws IOException {
        Path dir = counterexamples.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(x -> x.toString().endsWith("-family.json")).sorted().toList();
        }
    }
}
