package org.localitycheck.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.localitycheck.arith.FractionVector;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.arith.RationalVector;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.SoftmaxPolicy;

/** Writes {@code locality-check/reference@1} (FORMATS.md) from an {@link Evaluation}. */
public final class ReferenceJson {
    public static final String FORMAT = "locality-check/reference@1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReferenceJson() {
    }

    /**
     * The reference document of one instance: exact ({@link Evaluation}) for a tabular policy, with enclosures
     * ({@link EnclosedEvaluation}) for a softmax policy, whose probabilities are irrational.
     */
    public static ObjectNode of(Instance inst, int maxKappa) {
        return inst.policy() instanceof SoftmaxPolicy ? toTree(EnclosedEvaluation.of(inst, maxKappa))
                : toTree(Evaluation.of(inst, maxKappa));
    }

    public static ObjectNode toTree(Evaluation ev) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("instance", InstanceJson.sha256(ev.instance()));
        root.put("multichain", ev.multichain());
        root.set("Es", matrix(ev.es()));
        root.set("Ea", matrix(ev.ea()));
        root.set("Pi", matrix(ev.pi()));
        root.set("C", matrix(ev.c()));
        root.set("H", matrix(ev.h()));
        root.set("rewardUnderPolicy", vector(ev.rewardUnderPolicy()));
        if (ev.longRun().isPresent()) {
            PoissonSolution s = ev.longRun().get();
            root.set("stationary", vector(s.stationary()));
            root.put("averageReward", s.averageReward().toString());
            root.set("poisson", vector(s.poisson()));
        } else {
            root.putNull("stationary");
            root.putNull("averageReward");
            root.putNull("poisson");
        }
        root.set("deltaReward", vector(ev.deltaReward().toArray()));
        if (ev.deltaPoisson().isPresent()) {
            root.set("deltaPoisson", vector(ev.deltaPoisson().get().toArray()));
        } else {
            root.putNull("deltaPoisson");
        }
        ObjectNode rho = root.putObject("rhoH");
        rho.put("lower", ev.rhoH().lower().toString());
        rho.put("upper", ev.rhoH().upper().toString());
        if (ev.kappa().isPresent()) {
            ArrayNode ks = root.putArray("kappa");
            for (Evaluation.KappaRow row : ev.kappa().get()) {
                ObjectNode k = ks.addObject();
                k.put("k", row.k());
                k.set("certificate", vector(row.certificate().toArray()));
                k.put("truncatedBias", row.truncatedBias().toString());
            }
        } else {
            root.putNull("kappa");
        }
        return root;
    }

    /**
     * The same document for an instance whose policy is known by enclosures (softmax): values known exactly are
     * written as rationals, the others as {"lower": ..., "upper": ...} (FORMATS.md).
     */
    public static ObjectNode toTree(EnclosedEvaluation ev) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("instance", InstanceJson.sha256(ev.instance()));
        root.put("multichain", ev.multichain());
        root.set("Es", matrix(ev.es()));
        root.set("Ea", matrix(ev.ea()));
        root.set("Pi", matrix(ev.pi()));
        root.set("C", matrix(ev.c()));
        root.set("H", matrix(ev.h()));
        root.set("rewardUnderPolicy", vector(ev.rewardUnderPolicy()));
        if (ev.longRun().isPresent()) {
            IntervalPolicyChain ch = ev.longRun().get();
            RationalInterval[] d = new RationalInterval[ev.rewardUnderPolicy().length];
            RationalInterval[] h = new RationalInterval[d.length];
            for (int s = 0; s < d.length; s++) {
                d[s] = ch.stationary(s);
                h[s] = ch.poisson(s);
            }
            root.set("stationary", vector(d));
            root.set("averageReward", value(ch.averageReward()));
            root.set("poisson", vector(h));
        } else {
            root.putNull("stationary");
            root.putNull("averageReward");
            root.putNull("poisson");
        }
        root.set("deltaReward", vector(ev.deltaReward()));
        if (ev.deltaPoisson().isPresent()) {
            root.set("deltaPoisson", vector(ev.deltaPoisson().get()));
        } else {
            root.putNull("deltaPoisson");
        }
        ObjectNode rho = root.putObject("rhoH");
        rho.put("lower", ev.rhoH().lower().toString());
        rho.put("upper", ev.rhoH().upper().toString());
        if (ev.kappa().isPresent()) {
            ArrayNode ks = root.putArray("kappa");
            for (EnclosedEvaluation.KappaRow row : ev.kappa().get()) {
                ObjectNode k = ks.addObject();
                k.put("k", row.k());
                k.set("certificate", vector(row.certificate()));
                k.set("truncatedBias", value(row.truncatedBias()));
            }
        } else {
            root.putNull("kappa");
        }
        return root;
    }

    /** A rational when the enclosure is a point, else {"lower", "upper"}. */
    static JsonNode value(RationalInterval x) {
        if (x.isPoint()) {
            return NODES.textNode(x.lower().toString());
        }
        ObjectNode o = NODES.objectNode();
        o.put("lower", x.lower().toString());
        o.put("upper", x.upper().toString());
        return o;
    }

    static ArrayNode vector(RationalInterval[] v) {
        ArrayNode a = NODES.arrayNode();
        for (RationalInterval x : v) {
            a.add(value(x));
        }
        return a;
    }

    static ArrayNode matrix(MatrixEnclosure m) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < m.rows(); i++) {
            ArrayNode row = a.addArray();
            for (int j = 0; j < m.cols(); j++) {
                row.add(value(m.get(i, j)));
            }
        }
        return a;
    }

    static ArrayNode matrix(RationalMatrix m) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < m.rows(); i++) {
            ArrayNode row = a.addArray();
            for (int j = 0; j < m.cols(); j++) {
                row.add(m.get(i, j).toString());
            }
        }
        return a;
    }

    static ArrayNode vector(Rational[] v) {
        ArrayNode a = NODES.arrayNode();
        for (Rational x : v) {
            a.add(x.toString());
        }
        return a;
    }

    static ArrayNode vector(FractionVector v) {
        return vector(v.toRationals());
    }

    static ArrayNode vector(RationalVector v) {
        return vector(v.toArray());
    }
}
