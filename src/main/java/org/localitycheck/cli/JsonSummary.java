package org.localitycheck.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.localitycheck.model.CanonicalJson;

/** The {@code --json} summaries: one object per run, {@code "format": "locality-check/summary@1"}, on stdout. */
final class JsonSummary {
    static final String FORMAT = "locality-check/summary@1";

    private JsonSummary() {
    }

    static ObjectNode start(String command) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("command", command);
        return o;
    }

    static void print(PrintWriter out, ObjectNode summary, int exitCode) {
        summary.put("exitCode", exitCode);
        out.print(CanonicalJson.pretty(summary));
        out.flush();
    }
}
