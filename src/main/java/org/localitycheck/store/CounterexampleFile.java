package org.localitycheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.search.Finding;

/**
 * One certified violation as a canonical JSON file ({@code locality-check/counterexample@1}), named
 * {@code <id>-<reading>-<hash>.json} with the hash over claim, reading, instance and witness, so equal
 * content gets one name. Written atomically; an existing file is never replaced.
 */
public final class CounterexampleFile {
    public static final String FORMAT = "locality-check/counterexample@1";

    private CounterexampleFile() {
    }

    public static ObjectNode toTree(Finding f) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Claim claim = Claims.byId(f.claim());
        ObjectNode o = nodes.objectNode();
        o.put("format", FORMAT);
        o.put("claim", f.claim());
        o.put("reading", f.reading());
        o.put("paper", claim.where());
        o.put("statement", claim.reading(f.reading()).statement());
        if (f.instance() == null) {
            o.putNull("instance");
        } else {
            o.set("instance", InstanceJson.toTree(f.instance().withName(null)));
        }
        o.set("witness", WitnessJson.toTree(f.witness()));
        o.put("lhs", f.verdict().lhs().toString());
        o.put("rhs", f.verdict().rhs().toString());
        o.put("at", f.verdict().where());
        if (f.instance() != null) {
            Context ctx = new Context(f.instance());
            ObjectNode m = o.putObject("matrices");
            m.set("Es", matrix(ctx.es()));
            m.set("Ea", matrix(ctx.ea()));
            if (ctx.isSoftmax()) {
                // Pi and H are irrational for softmax policies: enclosures at 128 bits, lower and upper matrices
                ObjectNode pe = m.putObject("Pi");
                pe.set("lower", matrix(ctx.softmaxPi(128).lower()));
                pe.set("upper", matrix(ctx.softmaxPi(128).upper()));
                ObjectNode he = m.putObject("H");
                he.set("lower", matrix(ctx.softmaxH(128).lower()));
                he.set("upper", matrix(ctx.softmaxH(128).upper()));
            } else {
                m.set("Pi", matrix(ctx.pi()));
                m.set("C", matrix(ctx.c()));
                m.set("H", matrix(ctx.h()));
            }
        }
        ObjectNode found = o.putObject("found");
        found.put("generator", f.family());
        found.put("caseSeed", Long.toString(f.seed()));
        found.put("case", f.caseIndex());
        if (f.climbSteps() > 0) {
            found.put("climbSeed", Long.toString(f.climbSeed()));
            found.put("climbSteps", f.climbSteps());
        }
        found.put("shrinkSteps", f.shrinkSteps());
        return o;
    }

    private static JsonNode matrix(RationalMatrix m) {
        var a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < m.rows(); i++) {
            var row = a.addArray();
            for (int j = 0; j < m.cols(); j++) {
                row.add(m.get(i, j).toString());
            }
        }
        return a;
    }

    /** The identity of a counterexample: claim, reading, instance and witness. */
    public static String contentHash(JsonNode file) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.set("claim", file.get("claim"));
        key.set("reading", file.get("reading"));
        key.set("instance", file.get("instance"));
        key.set("witness", file.get("witness"));
        return CanonicalJson.sha256Hex(CanonicalJson.compact(key)).substring(0, 12);
    }

    public static String fileName(JsonNode file) {
        return file.get("claim").asText() + "-" + file.get("reading").asText() + "-" + contentHash(file) + ".json";
    }

    /** Writes the file unless one with the same content is stored; returns the path, or null when skipped. */
    public static Path write(Path dir, Finding f) throws IOException {
        ObjectNode tree = toTree(f);
        Path target = dir.resolve(fileName(tree));
        return AtomicFiles.writeNew(target, CanonicalJson.pretty(tree).getBytes(StandardCharsets.UTF_8)) ? target : null;
    }

    public static JsonNode read(Path file) throws IOException {
        return InstanceJson.parseTree(Files.readString(file, StandardCharsets.UTF_8));
    }
}
