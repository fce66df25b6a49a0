package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A witness read strictly: every key is one the paper's parameters name, with its type and range (counts up to
 * {@link StrictJson#MAX_STEPS}, agent indices below n, tau and weights positive, vectors of the right length), and a
 * key the check needs must be present. An unknown key is an error: nothing in a certificate goes unread.
 */
final class Params {
    private final Map<String, Object> values = new TreeMap<>();

    /** m: the instance the vectors index (null for statements without one). */
    Params(JsonNode witness, Mdp m) {
        String place = "witness";
        if (witness == null || !witness.isObject()) {
            throw new StrictJson.Invalid(place, "expected an object");
        }
        var it = witness.fieldNames();
        while (it.hasNext()) {
            String key = it.next();
            JsonNode v = witness.get(key);
            String p = place + "." + key;
            switch (key) {
                case "kappa", "t", "m" -> values.put(key, StrictJson.integer(v, p, 0, StrictJson.MAX_STEPS));
                case "k" -> values.put(key, StrictJson.integer(v, p, 0, m == null ? 0 : m.n - 1));
                case "alpha", "lambda", "gamma", "c" -> values.put(key, StrictJson.number(v, p));
                case "tau" -> values.put(key, positive(StrictJson.number(v, p), p));
                case "f" -> values.put(key, StrictJson.numbers(v, p, m == null ? 0 : m.ns));
                case "b2" -> values.put(key, StrictJson.numbers(v, p, m == null ? 0 : m.n));
                case "w" -> {
                    Frac[] w = StrictJson.numbers(v, p, m == null ? 0 : m.n);
                    for (int i = 0; i < w.length; i++) {
                        positive(w[i], p + "[" + i + "]");
                    }
                    values.put(key, w);
                }
                default -> throw new StrictJson.Invalid(p, "not a witness parameter the checker knows");
            }
        }
    }

    private static Frac positive(Frac x, String place) {
        if (x.signum() <= 0) {
            throw new StrictJson.Invalid(place, "must be positive, is " + StrictJson.clip(x.toString()));
        }
        return x;
    }

    private Object need(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new StrictJson.Invalid("witness", "missing parameter \"" + key + "\"");
        }
        return v;
    }

    java.util.Set<String> keys() {
        return values.keySet();
    }

    int count(String key) {
        return (Integer) need(key);
    }

    Frac number(String key) {
        return (Frac) need(key);
    }

    Frac[] vector(String key) {
        return ((Frac[]) need(key)).clone();
    }
}
