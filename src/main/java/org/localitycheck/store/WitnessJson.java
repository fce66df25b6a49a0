package org.localitycheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.InputLimits;

/** Witness parameters as JSON: rationals as strings, integers as integers, vectors as arrays of strings. */
public final class WitnessJson {
    private WitnessJson() {
    }

    public static ObjectNode toTree(Witness w) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> e : w.values().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Rational) {
                o.put(e.getKey(), v.toString());
            } else if (v instanceof Integer) {
                o.put(e.getKey(), (Integer) v);
            } else {
                ArrayNode a = o.putArray(e.getKey());
                for (Rational x : (Rational[]) v) {
                    a.add(x.toString());
                }
            }
        }
        return o;
    }

    public static Witness fromTree(JsonNode o, String place) {
        Witness w = Witness.empty();
        if (o == null || o.isNull()) {
            return w;
        }
        if (!o.isObject()) {
            throw new IllegalArgumentException(place + ": expected an object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String p = place + "." + e.getKey();
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                if (v.intValue() < 0 || v.intValue() > InputLimits.MAX_DEPTH) {
                    throw new IllegalArgumentException(p + ": " + v.intValue() + " is outside 0.."
                            + InputLimits.MAX_DEPTH + " ("
                            + InputLimits.raise("locality-check.max-depth") + ")");
                }
                w = w.with(e.getKey(), v.intValue());
            } else if (v.isTextual()) {
                w = w.with(e.getKey(), Rational.parse(v.asText()));
            } else if (v.isArray()) {
                Rational[] r = new Rational[v.size()];
                for (int i = 0; i < r.length; i++) {
                    if (!v.get(i).isTextual()) {
                        throw new IllegalArgumentException(p + "[" + i + "]: expected a string holding a rational");
                    }
                    r[i] = Rational.parse(v.get(i).asText());
                }
                w = w.with(e.getKey(), r);
            } else {
                throw new IllegalArgumentException(p + ": expected an integer, a rational string or an array");
            }
        }
        return w;
    }
}
