package org.localitycheck.claim;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.localitycheck.arith.Rational;

/**
 * The parameters a reading is checked at, beyond the instance: a test function f on joint states, a time t,
 * lambda, kappa, a site distribution nu, weights w, ... Values are {@link Rational}, {@link Integer} or
 * {@code Rational[]} (a function on joint states or a vector over agents). Immutable, sorted by name.
 */
public final class Witness {
    private final TreeMap<String, Object> values;

    private Witness(TreeMap<String, Object> values) {
        this.values = values;
    }

    public static Witness empty() {
        return new Witness(new TreeMap<>());
    }

    public Witness with(String name, Object value) {
        if (!(value instanceof Rational || value instanceof Integer || value instanceof Rational[])) {
            throw new IllegalArgumentException("Witness.with: " + name + " has unsupported type "
                    + value.getClass().getSimpleName());
        }
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.put(name, value instanceof Rational[] ? ((Rational[]) value).clone() : value);
        return new Witness(m);
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Rational rational(String name) {
        return (Rational) require(name);
    }

    public int integer(String name) {
        return (Integer) require(name);
    }

    public Rational[] vector(String name) {
        return ((Rational[]) require(name)).clone();
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Witness: parameter \"" + name + "\" is missing");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Witness)) {
            return false;
        }
        Witness w = (Witness) o;
        if (!values.keySet().equals(w.values.keySet())) {
            return false;
        }
        for (String k : values.keySet()) {
            Object a = values.get(k);
            Object b = w.values.get(k);
            if (a instanceof Rational[] ? !Arrays.equals((Rational[]) a, (Rational[]) b) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            h = h * 31 + e.getKey().hashCode() * 17
                    + (v instanceof Rational[] ? Arrays.hashCode((Rational[]) v) : v.hashCode());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof Rational[] ? Arrays.toString((Rational[]) v) : v);
        }
        return sb.append('}').toString();
    }
}
