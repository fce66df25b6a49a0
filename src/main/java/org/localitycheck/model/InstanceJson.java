package org.localitycheck.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.localitycheck.arith.Rational;

/** Reads and writes {@code locality-check/instance@1} exactly as FORMATS.md says. */
public final class InstanceJson {
    public static final String FORMAT = "locality-check/instance@1";
    /** FORMATS.md: every instance with (joint states) x (joint actions) &lt;= 2^20 is accepted. */
    public static final long DEFAULT_SIZE_LIMIT = 1L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Reads one value of a document, leaving the parser at the next token: what follows is not trailing. */
    private static final ObjectReader VALUE_READER = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InstanceJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Instance read(Path file, long sizeLimit) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), sizeLimit);
    }

    public static JsonNode parseTree(String json) {
        try {
            SharedTextNodes nodes = new SharedTextNodes();
            JsonNode tree = MAPPER.reader().with(nodes).readTree(json);
            nodes.seal();
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InstanceException("", "is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The node factory of one parse: equal short strings share one text node. An instance repeats a few numbers up to
     * millions of times (a kernel of 2^20 entries), and a node per occurrence made the tree many times the file's
     * size. The tree's containers keep their factory, so it is sealed after the parse: nodes added to the tree later
     * are plain ones, and the map is dropped.
     */
    private static final class SharedTextNodes extends JsonNodeFactory {
        private static final int MAX_LENGTH = 24;
        private static final int MAX_ENTRIES = 1 << 16;
        private Map<String, TextNode> seen = new HashMap<>();

        SharedTextNodes() {
            super(false);
        }

        void seal() {
            seen = null;
        }

        @Override
        public TextNode textNode(String text) {
            if (seen == null || text == null || text.length() > MAX_LENGTH) {
                return super.textNode(text);
            }
            TextNode node = seen.get(text);
            if (node == null) {
                node = super.textNode(text);
                if (seen.size() < MAX_ENTRIES) {
                    seen.put(text, node);
                }
            }
            return node;
        }
    }

    public static Instance parse(String json, long sizeLimit) {
        Instance fast = parseStreaming(json, sizeLimit);
        if (fast != null) {
            return fast;
        }
        JsonNode root = parseTree(json);
        if (root == null || !root.isObject()) {
            throw new InstanceException("", "the document is not a JSON object");
        }
        return fromTree(root, sizeLimit);
    }

    public static Instance fromTree(JsonNode root, long sizeLimit) {
        return build(root, null, null, sizeLimit);
    }

    /**
     * The instance of a document: from its tree, except the kernel and the reward when they were already read
     * (non-null), with the values the tree would give. The checks run in one order either way, so a document gives
     * one message.
     */
    private static Instance build(JsonNode root, Rational[][][][] kernelRead, Rational[][] rewardRead, long sizeLimit) {
        JsonNode format = root.get("format");
        if (format == null) {
            throw new InstanceException("format", "is missing; expected \"" + FORMAT + "\"");
        }
        if (!format.isTextual()) {
            throw new InstanceException("format", "is " + clip(format.toString()) + ", not a string; expected \"" + FORMAT + "\"");
        }
        if (!FORMAT.equals(format.asText())) {
            throw new InstanceException("format", "is \"" + clip(format.asText()) + "\", an unknown format; expected \""
                    + FORMAT + "\"");
        }
        String name = name(root);
        List<Agent> agents = readAgents(array(root, "agents", "agents"));
        Instance.checkAgents(agents);
        int n = agents.size();
        int[] ss = agents.stream().mapToInt(Agent::states).toArray();
        int[] as = agents.stream().mapToInt(Agent::actions).toArray();
        long size;
        try {
            size = Math.multiplyExact(JointSpace.productOf(ss), JointSpace.productOf(as));
        } catch (ArithmeticException overflow) {
            size = Long.MAX_VALUE;
        }
        if (size > sizeLimit) {
            throw new InstanceException("agents", "joint states x joint actions = "
                    + (size == Long.MAX_VALUE ? "more than 2^63" : Long.toString(size)) + " exceeds the size limit "
                    + sizeLimit + " (raise it with --max-size)");
        }
        JointSpace states = Instance.stateSpace(agents);
        JointSpace actions = Instance.actionSpace(agents);

        Rational[][][][] kernel = kernelRead != null ? kernelRead : kernel(array(root, "kernel", "kernel"));
        FactoredKernel k = FactoredKernel.of(kernel, states, actions);

        JsonNode policyNode = root.get("policy");
        if (policyNode == null || !policyNode.isObject()) {
            throw new InstanceException("policy", "is missing or not an object");
        }
        JsonNode kind = policyNode.get("kind");
        Policy policy;
        if (kind != null && "tabular".equals(kind.asText()) && kind.isTextual()) {
            policy = TabularPolicy.of(table3(array(policyNode, "tables", "policy.tables"), "policy.tables"), agents,
                    states);
        } else if (kind != null && "softmax".equals(kind.asText()) && kind.isTextual()) {
            Rational tau = number(policyNode.get("tau"), "policy.tau");
            policy = SoftmaxPolicy.of(tau, table3(array(policyNode, "logits", "policy.logits"), "policy.logits"),
                    agents, states);
        } else {
            throw new InstanceException("policy.kind", "is " + (kind == null ? "missing" : kind.toString())
                    + "; expected \"tabular\" or \"softmax\"");
        }

        Rational[][] reward = rewardRead != null ? rewardRead : reward(array(root, "reward", "reward"));
        if (n != kernel.length) {
            throw new InstanceException("kernel", "has " + kernel.length + " entries, expected one per agent (" + n
                    + ")");
        }
        return Instance.of(name, agents, k, policy, reward);
    }

    private static Rational[][][][] kernel(JsonNode kernelNode) {
        Rational[][][][] kernel = new Rational[kernelNode.size()][][][];
        for (int j = 0; j < kernelNode.size(); j++) {
            JsonNode kj = arrayAt(kernelNode, "kernel", j);
            kernel[j] = new Rational[kj.size()][][];
            for (int s = 0; s < kj.size(); s++) {
                JsonNode ks = arrayAt(kj, "kernel", j, s);
                kernel[j][s] = new Rational[ks.size()][];
                for (int a = 0; a < ks.size(); a++) {
                    kernel[j][s][a] = numbers(arrayAt(ks, "kernel", j, s, a), "kernel", j, s, a);
                }
            }
        }
        return kernel;
    }

    private static Rational[][] reward(JsonNode rewardNode) {
        Rational[][] reward = new Rational[rewardNode.size()][];
        for (int s = 0; s < rewardNode.size(); s++) {
            reward[s] = numbers(arrayAt(rewardNode, "reward", s), "reward", s);
        }
        return reward;
    }

    /**
     * The instance of an instance@1 document read in one pass, without a tree for the kernel and the reward, which
     * are nearly all of a large instance; null when the document is anything else, or not in every detail what this
     * pass reads: not JSON, a duplicate key, a root that is not an object, a format other than instance@1, or a
     * kernel or reward that is not arrays of the right depth holding strings of at most the digit limit that parse as
     * numbers. Such documents go through the tree ({@link #parseTree}), which names the place and the rule; the
     * instance or the message is the same either way (InstanceJsonTest holds them equal).
     */
    public static Instance parseStreaming(String json, long sizeLimit) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode rest = NODES.objectNode();
            Rational[][][][] kernel = null;
            Rational[][] reward = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("kernel")) {
                    kernel = new Streamed(p).depth4();
                } else if (key.equals("reward")) {
                    reward = new Streamed(p).depth2();
                } else {
                    JsonNode value = VALUE_READER.readTree(p);
                    rest.set(key, value == null ? NODES.nullNode() : value);
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            JsonNode format = rest.get("format");
            if (kernel == null || reward == null || format == null || !format.isTextual()
                    || !FORMAT.equals(format.asText())) {
                return null;
            }
            return build(rest, kernel, reward, sizeLimit);
        } catch (IOException | Streamed.NotRead e) {
            return null;
        }
    }

    /** Nested arrays of number strings read from a parser at their opening bracket. */
    private static final class Streamed {
        /** The value is not what this reader reads; the tree will name what it is. */
        static final class NotRead extends RuntimeException {
            NotRead() {
                super(null, null, false, false);
            }
        }

        private static final NotRead NOT_READ = new NotRead();
        private final JsonParser p;

        Streamed(JsonParser p) {
            this.p = p;
        }

        Rational[][][][] depth4() throws IOException {
            start();
            List<Rational[][][]> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(depth3());
            }
            return out.toArray(new Rational[0][][][]);
        }

        private Rational[][][] depth3() throws IOException {
            start();
            List<Rational[][]> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(depth2());
            }
            return out.toArray(new Rational[0][][]);
        }

        Rational[][] depth2() throws IOException {
            start();
            List<Rational[]> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(row());
            }
            return out.toArray(new Rational[0][]);
        }

        private Rational[] row() throws IOException {
            start();
            Rational[] out = new Rational[4];
            int len = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_STRING) {
                    throw NOT_READ;
                }
                if (len == out.length) {
                    out = Arrays.copyOf(out, 2 * len);
                }
                out[len++] = number(p.getText());
            }
            return len == out.length ? out : Arrays.copyOf(out, len);
        }

        private void start() {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw NOT_READ;
            }
        }

        /** What {@link #numbers} gives for a string of at most the digit limit, or not read. */
        private static Rational number(String text) {
            if (text.length() > InputLimits.MAX_DIGITS) {
                throw NOT_READ;
            }
            try {
                return Rational.parse(text);
            } catch (IllegalArgumentException notANumber) {
                throw NOT_READ;
            }
        }
    }

    private static List<Agent> readAgents(JsonNode arr) {
        List<Agent> agents = new ArrayList<>();
        for (int k = 0; k < arr.size(); k++) {
            JsonNode a = arr.get(k);
            String place = "agents[" + k + "]";
            if (!a.isObject()) {
                throw new InstanceException(place, "is not an object");
            }
            int states = integer(a.get("states"), place + ".states");
            int actions = integer(a.get("actions"), place + ".actions");
            int[] observes = null;
            JsonNode o = a.get("observes");
            if (o != null) {
                if (!o.isArray()) {
                    throw new InstanceException(place + ".observes",
                            "is not an array of agent indices (to mean every agent, leave the key out)");
                }
                observes = new int[o.size()];
                for (int x = 0; x < o.size(); x++) {
                    observes[x] = integer(o.get(x), place + ".observes[" + x + "]");
                }
            }
            agents.add(Agent.of(states, actions, observes));
        }
        if (agents.isEmpty()) {
            throw new InstanceException("agents", "is empty, at least one agent is required");
        }
        return agents;
    }

    static int integer(JsonNode node, String place) {
        if (node == null || node.isNull()) {
            throw new InstanceException(place, "is missing; expected a JSON integer");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InstanceException(place, "is " + clip(node.toString()) + "; expected a JSON integer");
        }
        int v = node.intValue();
        if (v < 1 && !place.contains("observes")) {
            throw new InstanceException(place, "is " + v + "; every size must be at least 1");
        }
        return v;
    }

    static Rational number(JsonNode node, String place) {
        if (node == null || node.isNull()) {
            throw new InstanceException(place, "is missing; expected a string holding an exact rational");
        }
        if (node.isNumber()) {
            throw new InstanceException(place, "is the JSON number " + clip(node.toString()) + "; numbers are written as strings "
                    + "holding exact rationals, such as \"1/3\" or \"0.25\" (FORMATS.md, Numbers)");
        }
        if (!node.isTextual()) {
            throw new InstanceException(place, "is " + clip(node.toString()) + "; expected a string holding an exact rational");
        }
        String text = node.asText();
        int slash = text.indexOf('/');
        int dot = text.indexOf('.');
        long longest = slash >= 0 ? Math.max(slash, text.length() - slash - 1) : dot >= 0 ? text.length() - 1 : text.length();
        if (longest > InputLimits.MAX_DIGITS) {
            throw new InstanceException(place, "a number of " + longest + " digits, above the limit of "
                    + InputLimits.MAX_DIGITS + " (" + InputLimits.raise("locality-check.max-digits") + ")");
        }
        try {
            return Rational.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InstanceException(place, "is \"" + clip(node.asText()) + "\", not an integer, a fraction p/q or "
                    + "a finite decimal (FORMATS.md, Numbers)");
        }
    }

    /** The optional "name": null when absent or null, else a string. */
    static String name(JsonNode root) {
        JsonNode nameNode = root.get("name");
        if (nameNode == null || nameNode.isNull()) {
            return null;
        }
        if (!nameNode.isTextual()) {
            throw new InstanceException("name", "must be a string");
        }
        String name = nameNode.asText();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InstanceException("name", String.format("holds an unpaired UTF-16 surrogate (U+%04X) at character "
                        + "%d, which UTF-8 (and so the instance's hash) cannot encode", (int) c, i));
            }
        }
        return name;
    }

    /** At most about 80 characters of a value, for messages. */
    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 60) + "... (" + s.length() + " characters)";
    }

    /** The numbers of the array at base[path...]; the place of an element is spelled out only for a message. */
    static Rational[] numbers(JsonNode arr, String base, int... path) {
        Rational[] r = new Rational[arr.size()];
        for (int i = 0; i < arr.size(); i++) {
            JsonNode x = arr.get(i);
            // text no longer than the digit limit passes it; parse alone decides
            if (x.isTextual() && x.textValue().length() <= InputLimits.MAX_DIGITS) {
                try {
                    r[i] = Rational.parse(x.textValue());
                    continue;
                } catch (IllegalArgumentException notANumber) {
                    // number() below names the place and the rule
                }
            }
            int[] at = Arrays.copyOf(path, path.length + 1);
            at[path.length] = i;
            r[i] = number(x, place(base, at));
        }
        return r;
    }

    /** base[i][j]... */
    static String place(String base, int... path) {
        StringBuilder b = new StringBuilder(base);
        for (int i : path) {
            b.append('[').append(i).append(']');
        }
        return b.toString();
    }

    private static Rational[][][] table3(JsonNode arr, String place) {
        Rational[][][] t = new Rational[arr.size()][][];
        for (int k = 0; k < arr.size(); k++) {
            JsonNode tk = arrayAt(arr, place, k);
            t[k] = new Rational[tk.size()][];
            for (int s = 0; s < tk.size(); s++) {
                t[k][s] = numbers(arrayAt(tk, place, k, s), place, k, s);
            }
        }
        return t;
    }

    static JsonNode array(JsonNode parent, String key, String place) {
        JsonNode a = parent.get(key);
        if (a == null || a.isNull()) {
            throw new InstanceException(place, "is missing");
        }
        if (!a.isArray()) {
            throw new InstanceException(place, "is not an array");
        }
        return a;
    }

    /** The array at base[path...], whose last index is its place in parent. */
    static JsonNode arrayAt(JsonNode parent, String base, int... path) {
        JsonNode a = parent.get(path[path.length - 1]);
        if (!a.isArray()) {
            throw new InstanceException(place(base, path), "is " + (a.isValueNode() ? a.toString() : "an object")
                    + ", expected an array");
        }
        return a;
    }

    // ------------------------------------------------------------------ writing

    /** The instance as a JSON tree, every number in output form. */
    public static ObjectNode toTree(Instance inst) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        if (inst.name() != null) {
            root.put("name", inst.name());
        }
        ArrayNode agents = root.putArray("agents");
        for (Agent a : inst.agents()) {
            ObjectNode an = agents.addObject();
            an.put("states", a.states());
            an.put("actions", a.actions());
            int[] o = a.observesAsWritten();
            if (o != null) {
                ArrayNode on = an.putArray("observes");
                for (int x : o) {
                    on.add(x);
                }
            }
        }
        JointSpace st = inst.states();
        JointSpace ac = inst.actions();
        ArrayNode kernel = root.putArray("kernel");
        for (int j = 0; j < inst.agentCount(); j++) {
            ArrayNode kj = kernel.addArray();
            for (int s = 0; s < st.size(); s++) {
                ArrayNode ks = kj.addArray();
                for (int a = 0; a < ac.size(); a++) {
                    ArrayNode row = ks.addArray();
                    for (int x = 0; x < st.localSize(j); x++) {
                        row.add(inst.kernel().get(j, s, a, x).toString());
                    }
                }
            }
        }
        ObjectNode policy = root.putObject("policy");
        policy.put("kind", inst.policy().kind());
        if (inst.policy() instanceof TabularPolicy) {
            TabularPolicy tp = (TabularPolicy) inst.policy();
            ArrayNode tables = policy.putArray("tables");
            for (int k = 0; k < inst.agentCount(); k++) {
                ArrayNode tk = tables.addArray();
                for (int s = 0; s < st.size(); s++) {
                    ArrayNode row = tk.addArray();
                    for (int b = 0; b < inst.agents().get(k).actions(); b++) {
                        row.add(tp.prob(k, s, b).toString());
                    }
                }
            }
        } else {
            SoftmaxPolicy sp = (SoftmaxPolicy) inst.policy();
            policy.put("tau", sp.tau().toString());
            ArrayNode logits = policy.putArray("logits");
            for (int k = 0; k < inst.agentCount(); k++) {
                ArrayNode lk = logits.addArray();
                for (int s = 0; s < st.size(); s++) {
                    ArrayNode row = lk.addArray();
                    for (int b = 0; b < inst.agents().get(k).actions(); b++) {
                        row.add(sp.logit(k, s, b).toString());
                    }
                }
            }
        }
        ArrayNode reward = root.putArray("reward");
        for (int s = 0; s < st.size(); s++) {
            ArrayNode row = reward.addArray();
            for (int a = 0; a < ac.size(); a++) {
                row.add(inst.reward(s, a).toString());
            }
        }
        return root;
    }

    /**
     * Canonical JSON (FORMATS.md): keys sorted, no white space, numbers in output form, UTF-8. The same text as
     * {@code CanonicalJson.compact(toTree(inst))} (InstanceJsonTest holds them equal), written straight from the
     * instance: the tree of a large instance costs more than everything else this text is for.
     */
    public static String canonical(Instance inst) {
        StringBuilder sb = new StringBuilder();
        writeCanonical(inst, sb);
        return sb.toString();
    }

    /** sha256, hex, of the canonical JSON, streamed into the digest. */
    public static String sha256(Instance inst) {
        CanonicalJson.Sha256 digest = new CanonicalJson.Sha256();
        writeCanonical(inst, digest);
        return digest.hex();
    }

    private static void writeCanonical(Instance inst, Appendable out) {
        try {
            new CanonicalWriter(inst, out).write();
        } catch (IOException e) {
            throw new UncheckedIOException("InstanceJson: cannot write the canonical form", e);
        }
    }

    /**
     * The canonical text of one instance, in small methods: the JIT compiles a row's loop alone instead of all of the
     * text's nested loops at once. A kernel repeats a few rationals up to millions of times, so each distinct one is
     * converted to text once (a bounded map).
     */
    private static final class CanonicalWriter {
        private static final int MAX_TEXTS = 1 << 12;
        private final Instance inst;
        private final Appendable out;
        private final Map<Rational, String> texts = new HashMap<>();

        CanonicalWriter(Instance inst, Appendable out) {
            this.inst = inst;
            this.out = out;
        }

        void write() throws IOException {
            int n = inst.agentCount();
            out.append("{\"agents\":[");
            for (int k = 0; k < n; k++) {
                agent(k);
            }
            out.append("],\"format\":");
            CanonicalJson.quote(FORMAT, out);
            out.append(",\"kernel\":[");
            for (int j = 0; j < n; j++) {
                out.append(j > 0 ? ",[" : "[");
                for (int s = 0; s < inst.states().size(); s++) {
                    out.append(s > 0 ? ",[" : "[");
                    kernelRows(j, s);
                    out.append(']');
                }
                out.append(']');
            }
            out.append(']');
            if (inst.name() != null) {
                out.append(",\"name\":");
                CanonicalJson.quote(inst.name(), out);
            }
            out.append(",\"policy\":{\"kind\":");
            CanonicalJson.quote(inst.policy().kind(), out);
            boolean tabular = inst.policy() instanceof TabularPolicy;
            out.append(tabular ? ",\"tables\":[" : ",\"logits\":[");
            for (int k = 0; k < n; k++) {
                out.append(k > 0 ? ",[" : "[");
                for (int s = 0; s < inst.states().size(); s++) {
                    out.append(s > 0 ? ",[" : "[");
                    policyRow(tabular, k, s);
                    out.append(']');
                }
                out.append(']');
            }
            out.append(']');
            if (!tabular) {
                out.append(",\"tau\":");
                CanonicalJson.quote(((SoftmaxPolicy) inst.policy()).tau().toString(), out);
            }
            out.append("},\"reward\":[");
            for (int s = 0; s < inst.states().size(); s++) {
                out.append(s > 0 ? ",[" : "[");
                for (int a = 0; a < inst.actions().size(); a++) {
                    number(inst.reward(s, a), a > 0);
                }
                out.append(']');
            }
            out.append("]}");
        }

        private void agent(int k) throws IOException {
            Agent a = inst.agents().get(k);
            out.append(k > 0 ? ",{\"actions\":" : "{\"actions\":").append(Integer.toString(a.actions()));
            int[] o = a.observesAsWritten();
            if (o != null) {
                out.append(",\"observes\":[");
                for (int i = 0; i < o.length; i++) {
                    out.append(i > 0 ? "," : "").append(Integer.toString(o[i]));
                }
                out.append(']');
            }
            out.append(",\"states\":").append(Integer.toString(a.states())).append('}');
        }

        /** The rows P_j(. | s, a) of every joint action a. */
        private void kernelRows(int j, int s) throws IOException {
            FactoredKernel ker = inst.kernel();
            int m = inst.states().localSize(j);
            for (int a = 0; a < inst.actions().size(); a++) {
                out.append(a > 0 ? ",[" : "[");
                for (int x = 0; x < m; x++) {
                    number(ker.get(j, s, a, x), x > 0);
                }
                out.append(']');
            }
        }

        private void policyRow(boolean tabular, int k, int s) throws IOException {
            for (int b = 0; b < inst.agents().get(k).actions(); b++) {
                number(tabular ? ((TabularPolicy) inst.policy()).prob(k, s, b)
                        : ((SoftmaxPolicy) inst.policy()).logit(k, s, b), b > 0);
            }
        }

        /** A rational in output form, quoted (its characters need no escape), after a comma unless it is the first. */
        private void number(Rational x, boolean comma) throws IOException {
            String text = texts.get(x);
            if (text == null) {
                text = x.toString();
                if (texts.size() < MAX_TEXTS) {
                    texts.put(x, text);
                }
            }
            out.append(comma ? ",\"" : "\"").append(text).append('"');
        }
    }
}
