package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
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
                case "alpha", "c" -> values.put(key, StrictJson.witnessNumber(v, p));
                case "lambda" -> values.put(key, within(StrictJson.witnessNumber(v, p), p, true)); // 0 <= lambda < 1
                case "gamma" -> values.put(key, within(StrictJson.witnessNumber(v, p), p, false)); // 0 < gamma < 1
                case "tau" -> {
                    Frac tau = positive(StrictJson.witnessNumber(v, p), p);
                    if (tau.compareTo(new Frac(BigInteger.ONE, BigInteger.valueOf(1024))) < 0
                            || tau.compareTo(Frac.of(1024)) > 0) {
                        throw new StrictJson.Invalid(p, "tau must be in [1/1024, 1024] (the checker's exp range), is "
                                + StrictJson.clip(tau.toString()));
                    }
                    values.put(key, tau);
                }
                case "f" -> values.put(key, StrictJson.instanceNumbers(v, p, m == null ? 0 : m.ns));
                case "b2" -> values.put(key, StrictJson.instanceNumbers(v, p, m == null ? 0 : m.n));
                case "w" -> {
                    Frac[] w = StrictJson.instanceNumbers(v, p, m == null ? 0 : m.n);
                    for (int i = 0; i < w.length; i++) {
                        positive(w[i], p + "[" + i + "]");
                    }
                    values.put(key, w);
                }
                default -> throw new StrictJson.Invalid(p, "not a witness parameter the checker knows");
            }
        }
    }

    /** 0 &lt; x &lt; 1, or 0 &lt;= x &lt; 1 when zero is allowed (the paper's lambda and gamma). */
    private static Frac within(Frac x, String place, boolean zeroAllowed) {
        boolean ok = (zeroAllowed ? x.signum() >= 0 : x.signum() > 0) && x.compareTo(Frac.ONE) < 0;
        if (!ok) {
            throw new StrictJson.Invalid(place, "must be in " + (zeroAllowed ? "[0" : "(0") + ", 1), is "
                    + StrictJson.clip(x.toString()));
        }
        return x;
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

    Set<String> keys() {
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
