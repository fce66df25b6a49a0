package org.localitycheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.localitycheck.arith.MatrixEnclosure;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.RationalInterval;
import org.localitycheck.arith.RationalMatrix;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.quantity.EnclosedEvaluation;
import org.localitycheck.quantity.Evaluation;

/**
 * Writes {@code locality-check/reference@1} (FORMATS.md) from an {@link Evaluation} (exact) or an
 * {@link EnclosedEvaluation}; both go through one writer, in which a value known exactly is a rational string and
 * any other one an enclosure {"lower", "upper"}.
 */
public final class ReferenceJson {
    public static final String FORMAT = "locality-check/reference@1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReferenceJson() {
    }

    /** The fields of one document; {@code longRun} is null when the chain is multichain. */
    private record Document(Instance instance, RationalMatrix es, RationalMatrix ea, MatrixEnclosure pi,
            MatrixEnclosure c, MatrixEnclosure h, RationalInterval[] rewardUnderPolicy, RationalInterval[] deltaReward,
            RationalInterval[] deltaPoisson, RationalInterval rhoH, LongRun longRun) {
    }

    /** The long-run fields: d, the average reward, h, and per kappa the certificate and the truncated bias. */
    private record LongRun(RationalInterval[] stationary, RationalInterval averageReward, RationalInterval[] poisson,
            List<RationalInterval[]> certificates, List<RationalInterval> truncatedBias) {
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
        LongRun longRun = ev.longRun().map(s -> new LongRun(points(s.stationary().toRationals()),
                RationalInterval.point(s.averageReward()), points(s.poisson().toRationals()),
                ev.kappa().get().stream().map(row -> points(row.certificate().toArray())).toList(),
                ev.kappa().get().stream().map(row -> RationalInterval.point(row.truncatedBias())).toList())).orElse(null);
        return write(new Document(ev.instance(), ev.es(), ev.ea(), MatrixEnclosure.point(ev.pi()),
                MatrixEnclosure.point(ev.c()), MatrixEnclosure.point(ev.h()), points(ev.rewardUnderPolicy()),
                points(ev.deltaReward().toArray()), ev.deltaPoisson().map(x -> points(x.toArray())).orElse(null), ev.rhoH(),
                longRun));
    }

    public static ObjectNode toTree(EnclosedEvaluation ev) {
        LongRun longRun = ev.longRun().map(ch -> {
            RationalInterval[] h = new RationalInterval[ch.states()];
            Arrays.setAll(h, ch::poisson);
            return new LongRun(ch.stationary(), ch.averageReward(), h,
                    ev.kappa().get().stream().map(EnclosedEvaluation.KappaRow::certificate).toList(),
                    ev.kappa().get().stream().map(EnclosedEvaluation.KappaRow::truncatedBias).toList());
        }).orElse(null);
        return write(new Document(ev.instance(), ev.es(), ev.ea(), ev.pi(), ev.c(), ev.h(), ev.rewardUnderPolicy(),
                ev.deltaReward(), ev.deltaPoisson().orElse(null), ev.rhoH(), longRun));
    }

    private static ObjectNode write(Document doc) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("instance", InstanceJson.sha256(doc.instance()));
        root.put("multichain", doc.longRun() == null);
        root.set("Es", matrix(MatrixEnclosure.point(doc.es())));
        root.set("Ea", matrix(MatrixEnclosure.point(doc.ea())));
        root.set("Pi", matrix(doc.pi()));
        root.set("C", matrix(doc.c()));
        root.set("H", matrix(doc.h()));
        root.set("rewardUnderPolicy", vector(doc.rewardUnderPolicy()));
        if (doc.longRun() != null) {
            root.set("stationary", vector(doc.longRun().stationary()));
            root.set("averageReward", value(doc.longRun().averageReward()));
            root.set("poisson", vector(doc.longRun().poisson()));
        } else {
            root.putNull("stationary");
            root.putNull("averageReward");
            root.putNull("poisson");
        }
        root.set("deltaReward", vector(doc.deltaReward()));
        if (doc.deltaPoisson() != null) {
            root.set("deltaPoisson", vector(doc.deltaPoisson()));
        } else {
            root.putNull("deltaPoisson");
        }
        ObjectNode rho = root.putObject("rhoH"); // always an enclosure, even when a point
        rho.put("lower", doc.rhoH().lower().toString());
        rho.put("upper", doc.rhoH().upper().toString());
        if (doc.longRun() != null) {
            ArrayNode ks = root.putArray("kappa");
            for (int k = 0; k < doc.longRun().certificates().size(); k++) {
                ObjectNode row = ks.addObject();
                row.put("k", k);
                row.set("certificate", vector(doc.longRun().certificates().get(k)));
                row.set("truncatedBias", value(doc.longRun().truncatedBias().get(k)));
            }
        } else {
            root.putNull("kappa");
        }
        return root;
    }

    private static RationalInterval[] points(Rational[] v) {
        RationalInterval[] out = new RationalInterval[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = RationalInterval.point(v[i]);
        }
        return out;
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
        Rational[] points = new Rational[v.length];
        boolean allPoints = true;
        for (int i = 0; i < v.length && allPoints; i++) {
            allPoints = v[i].isPoint();
            points[i] = v[i].lower();
        }
        if (allPoints) {
            for (String text : Rational.toStrings(points)) {
                a.add(text);
            }
            return a;
        }
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
}
