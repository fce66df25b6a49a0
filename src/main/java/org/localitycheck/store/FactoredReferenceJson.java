package org.localitycheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.FactoredJson;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceConversion;
import org.localitycheck.quantity.AgentMatrix;
import org.localitycheck.quantity.EntryArithmetic;
import org.localitycheck.quantity.FactoredCertificate;
import org.localitycheck.quantity.FactoredInfluence;

/**
 * {@code locality-check/reference@2}: the locality quantities of a factored instance (README, "Factored
 * instances"). Matrices over agents are written by rows, row j a list of [i, value] for the agents i of its
 * support, ascending; every other entry is 0.
 */
public final class FactoredReferenceJson {
    public static final String FORMAT = "locality-check/reference@2";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FactoredReferenceJson() {
    }

    /** What to compute besides the locality quantities. */
    public record Options(int maxKappa, Rational epsilon, long enumerationLimit, boolean longRun, long jointLimit) {
    }

    public static ObjectNode of(FactoredInstance f, Options o) {
        return write(f, FactoredInfluence.of(f, EntryArithmetic.forPolicy(f), o.enumerationLimit()), o);
    }

    private static <T> ObjectNode write(FactoredInstance f, FactoredInfluence<T> inf, Options o) {
        // the joint expansion is refused before the certificate and output when it cannot be done
        Instance joint = o.longRun() ? InstanceConversion.expand(f, o.jointLimit()) : null;
        FactoredCertificate<T> cert = FactoredCertificate.of(inf, o.maxKappa(), o.epsilon());
        EntryArithmetic<T> ar = inf.arithmetic();
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("instance", FactoredJson.sha256(f));
        root.put("agents", f.agentCount());
        root.set("Es", rows(inf.es(), EntryArithmetic.EXACT));
        root.set("Ea", rows(inf.ea(), EntryArithmetic.EXACT));
        root.set("Pi", rows(inf.pi(), ar));
        root.set("C", rows(inf.c(), ar));
        root.set("H", rows(inf.h(), ar));
        root.set("deltaReward", vector(inf.deltaReward(), ar));
        ObjectNode rho = root.putObject("rhoH");
        rho.put("lower", cert.rho().lower().toString());
        rho.put("upper", cert.rho().upper().toString());
        ArrayNode ks = root.putArray("kappa");
        for (FactoredCertificate.Depth<T> d : cert.depths()) {
            ObjectNode row = ks.addObject();
            row.put("k", d.k());
            row.set("certificate", vector(d.certificate(), ar));
            row.set("tailBound", d.tailBound() == null ? NODES.nullNode() : NODES.textNode(d.tailBound().toString()));
        }
        root.put("epsilon", o.epsilon().toString());
        if (cert.kappaForEpsilon() != null) {
            root.put("kappaForEpsilon", cert.kappaForEpsilon());
            root.put("tailAtKappaForEpsilon", cert.tailAtKappa().toString());
        } else {
            root.putNull("kappaForEpsilon");
            root.putNull("tailAtKappaForEpsilon");
        }
        root.set("contraction", cert.mu() == null ? NODES.nullNode() : NODES.textNode(cert.mu().toString()));
        ObjectNode notes = root.putObject("notes"); // words for people; compare skips them
        notes.put("rhoH", cert.rhoMethod());
        notes.set("tail", cert.uncertified() == null ? NODES.nullNode() : NODES.textNode(cert.uncertified()));
        root.set("longRun", joint == null ? NODES.nullNode() : longRun(ReferenceJson.of(joint, o.maxKappa())));
        return root;
    }

    /** The long-run fields of the expansion's reference@1 document. */
    private static JsonNode longRun(ObjectNode expanded) {
        ObjectNode o = NODES.objectNode();
        for (String key : new String[] {"multichain", "rewardUnderPolicy", "stationary", "averageReward", "poisson",
            "deltaPoisson"}) {
            o.set(key, expanded.get(key));
        }
        ArrayNode bias = o.putArray("truncatedBias");
        JsonNode kappa = expanded.get("kappa");
        if (kappa != null && kappa.isArray()) {
            for (JsonNode row : kappa) {
                bias.add(row.get("truncatedBias"));
            }
        } else {
            o.putNull("truncatedBias");
        }
        return o;
    }

    private static <T> ArrayNode rows(AgentMatrix<T> m, EntryArithmetic<T> ar) {
        ArrayNode a = NODES.arrayNode();
        for (int j = 0; j < m.size(); j++) {
            ArrayNode row = a.addArray();
            for (int p = 0; p < m.rowLength(j); p++) {
                ArrayNode e = row.addArray();
                e.add(m.column(j, p));
                e.add(ReferenceJson.value(m.enclosure(j, p, ar)));
            }
        }
        return a;
    }

    private static <T> ArrayNode vector(T[] v, EntryArithmetic<T> ar) {
        RationalInterval[] e = new RationalInterval[v.length];
        for (int i = 0; i < v.length; i++) {
            e[i] = ar.enclosure(v[i]);
        }
        return ReferenceJson.vector(e);
    }
}
