package org.localitycheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * Reads and writes {@code locality-check/instance@2}, the factored format (README, "Factored instances";
 * schema in {@code src/main/resources/org/localitycheck/model/instance@2.schema.json}). Numbers follow
 * FORMATS.md's rules, parsed by {@link InstanceJson}'s one parser.
 */
public final class FactoredJson {
    public static final String FORMAT = "locality-check/instance@2";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FactoredJson() {
    }

    /** The value of "format", or null when the document has none (for dispatch on the format). */
    public static String formatOf(JsonNode root) {
        JsonNode f = root == null ? null : root.get("format");
        return f != null && f.isTextual() ? f.asText() : null;
    }

    public static FactoredInstance parse(String json, long sizeLimit) {
        JsonNode root = InstanceJson.parseTree(json);
        if (root == null || !root.isObject()) {
            throw new InstanceException("", "the document is not a JSON object");
        }
        return fromTree(root, sizeLimit);
    }

    public static FactoredInstance fromTree(JsonNode root, long sizeLimit) {
        if (!FORMAT.equals(formatOf(root))) {
            throw new InstanceException("format", "is " + (root.get("format") == null ? "missing"
                    : InstanceJson.clip(root.get("format").toString())) + "; expected \"" + FORMAT + "\"");
        }
        String name = InstanceJson.name(root);
        JsonNode agents = InstanceJson.array(root, "agents", "agents");
        int n = agents.size();
        int[] states = new int[n];
        int[] actions = new int[n];
        int[][] kStates = new int[n][];
        int[][] kActions = new int[n][];
        Rational[][][][] kernel = new Rational[n][][][];
        int[][] observes = new int[n][];
        Rational[][][] policy = new Rational[n][][];
        for (int j = 0; j < n; j++) {
            String at = "agents[" + j + "]";
            JsonNode a = agents.get(j);
            if (!a.isObject()) {
                throw new InstanceException(at, "is not an object");
            }
            states[j] = InstanceJson.integer(a.get("states"), at + ".states");
            actions[j] = InstanceJson.integer(a.get("actions"), at + ".actions");
            JsonNode k = a.get("kernel");
            if (k == null || !k.isObject()) {
                throw new InstanceException(at + ".kernel", "is missing or not an object");
            }
            kStates[j] = indices(InstanceJson.array(k, "states", at + ".kernel.states"), at + ".kernel.states");
            kActions[j] = indices(InstanceJson.array(k, "actions", at + ".kernel.actions"), at + ".kernel.actions");
            JsonNode table = InstanceJson.array(k, "table", at + ".kernel.table");
            kernel[j] = new Rational[table.size()][][];
            for (int s = 0; s < table.size(); s++) {
                kernel[j][s] = rows(InstanceJson.arrayAt(table, at + ".kernel.table", s), at + ".kernel.table", s);
            }
            JsonNode o = a.get("observes");
            if (o != null) {
                if (!o.isArray()) {
                    throw new InstanceException(at + ".observes", "is not an array of agent indices (to mean every agent, leave the key out)");
                }
                observes[j] = indices(o, at + ".observes");
            }
            policy[j] = rows(InstanceJson.array(a, "policy", at + ".policy"), at + ".policy");
        }
        JsonNode pol = root.get("policy");
        if (pol == null || !pol.isObject()) {
            throw new InstanceException("policy", "is missing or not an object; expected {\"kind\": \"tabular\"} or "
                    + "{\"kind\": \"softmax\", \"tau\": \"...\"}");
        }
        JsonNode kind = pol.get("kind");
        String kindText = kind != null && kind.isTextual() ? kind.asText() : String.valueOf(kind);
        Rational tau = FactoredInstance.SOFTMAX.equals(kindText) ? InstanceJson.number(pol.get("tau"), "policy.tau") : null;

        JsonNode reward = root.get("reward");
        if (reward == null || !reward.isObject()) {
            throw new InstanceException("reward", "is missing or not an object; expected {\"terms\": [...]} or "
                    + "{\"joint\": [...]}");
        }
        List<int[][]> termScopes = new ArrayList<>();
        List<Rational[][]> termTables = new ArrayList<>();
        Rational[][] joint = null;
        if (reward.has("joint") == reward.has("terms")) {
            throw new InstanceException("reward", "must hold exactly one of \"terms\" and \"joint\"");
        }
        if (reward.has("joint")) {
            joint = rows(InstanceJson.array(reward, "joint", "reward.joint"), "reward.joint");
        } else {
            JsonNode terms = InstanceJson.array(reward, "terms", "reward.terms");
            for (int m = 0; m < terms.size(); m++) {
                String at = "reward.terms[" + m + "]";
                JsonNode t = terms.get(m);
                if (!t.isObject()) {
                    throw new InstanceException(at, "is not an object");
                }
                termScopes.add(new int[][] {indices(InstanceJson.array(t, "states", at + ".states"), at + ".states"),
                        indices(InstanceJson.array(t, "actions", at + ".actions"), at + ".actions")});
                termTables.add(rows(InstanceJson.array(t, "table", at + ".table"), at + ".table"));
            }
        }
        return FactoredInstance.of(new FactoredInstance.Parts(name, states, actions, kStates, kActions, kernel, observes,
                kindText, tau, policy, termScopes, termTables, joint), sizeLimit);
    }

    /** An array of arrays of numbers at base[path...]. */
    private static Rational[][] rows(JsonNode arr, String base, int... path) {
        Rational[][] r = new Rational[arr.size()][];
        for (int i = 0; i < arr.size(); i++) {
            int[] at = Arrays.copyOf(path, path.length + 1);
            at[path.length] = i;
            r[i] = InstanceJson.numbers(InstanceJson.arrayAt(arr, base, at), base, at);
        }
        return r;
    }

    private static int[] indices(JsonNode arr, String place) {
        int[] r = new int[arr.size()];
        for (int x = 0; x < r.length; x++) {
            JsonNode v = arr.get(x);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new InstanceException(place + "[" + x + "]", "is " + InstanceJson.clip(v.toString())
                        + "; expected a JSON integer agent index");
            }
            r[x] = v.intValue();
        }
        return r;
    }

    // ------------------------------------------------------------------ writing

    public static ObjectNode toTree(FactoredInstance f) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        if (f.name() != null) {
            root.put("name", f.name());
        }
        ArrayNode agents = root.putArray("agents");
        for (int j = 0; j < f.agentCount(); j++) {
            ObjectNode a = agents.addObject();
            a.put("states", f.states(j));
            a.put("actions", f.actions(j));
            ObjectNode k = a.putObject("kernel");
            indices(k.putArray("states"), f.kernelStates(j));
            indices(k.putArray("actions"), f.kernelActions(j));
            ArrayNode table = k.putArray("table");
            for (int s = 0; s < f.kernelStates(j).size(); s++) {
                ArrayNode ts = table.addArray();
                for (int b = 0; b < f.kernelActions(j).size(); b++) {
                    ArrayNode row = ts.addArray();
                    for (int x = 0; x < f.states(j); x++) {
                        row.add(f.kernel(j, s, b, x).toString());
                    }
                }
            }
            if (f.observesWritten(j)) {
                indices(a.putArray("observes"), f.observes(j));
            }
            ArrayNode pol = a.putArray("policy");
            for (int c = 0; c < f.observes(j).size(); c++) {
                ArrayNode row = pol.addArray();
                for (Rational v : f.policyRow(j, c)) {
                    row.add(v.toString());
                }
            }
        }
        ObjectNode policy = root.putObject("policy");
        policy.put("kind", f.policyKind());
        if (f.tau() != null) {
            policy.put("tau", f.tau().toString());
        }
        ObjectNode reward = root.putObject("reward");
        if (f.hasJointReward()) {
            ArrayNode joint = reward.putArray("joint");
            int states = Scope.all(f.stateSizes()).size();
            int actions = Scope.all(f.actionSizes()).size();
            for (int s = 0; s < states; s++) {
                ArrayNode row = joint.addArray();
                for (int a = 0; a < actions; a++) {
                    row.add(f.jointReward(s, a).toString());
                }
            }
        } else {
            ArrayNode terms = reward.putArray("terms");
            for (FactoredInstance.RewardTerm t : f.rewardTerms()) {
                ObjectNode tn = terms.addObject();
                indices(tn.putArray("states"), t.states());
                indices(tn.putArray("actions"), t.actions());
                ArrayNode table = tn.putArray("table");
                for (int s = 0; s < t.states().size(); s++) {
                    ArrayNode row = table.addArray();
                    for (int a = 0; a < t.actions().size(); a++) {
                        row.add(t.value(s, a).toString());
                    }
                }
            }
        }
        return root;
    }

    private static void indices(ArrayNode node, Scope scope) {
        for (int x = 0; x < scope.length(); x++) {
            node.add(scope.agent(x));
        }
    }

    /** Canonical JSON (FORMATS.md's rule, applied to instance@2). */
    public static String canonical(FactoredInstance f) {
        return CanonicalJson.compact(toTree(f));
    }

    public static String sha256(FactoredInstance f) {
        return CanonicalJson.sha256Hex(canonical(f));
    }
}
