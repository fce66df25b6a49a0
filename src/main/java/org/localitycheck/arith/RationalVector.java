package org.localitycheck.arith;

import java.util.Arrays;
import java.util.List;

/** An immutable vector of rationals. */
public final class RationalVector {
    private final Rational[] v;

    private RationalVector(Rational[] v) {
        this.v = v;
    }

    public static RationalVector of(Rational... values) {
        return new RationalVector(values.clone());
    }

    public static RationalVector of(List<Rational> values) {
        return new RationalVector(values.toArray(new Rational[0]));
    }

    public static RationalVector zeros(int n) {
        Rational[] z = new Rational[n];
        Arrays.fill(z, Rational.ZERO);
        return new RationalVector(z);
    }

    public static RationalVector constant(int n, Rational c) {
        Rational[] z = new Rational[n];
        Arrays.fill(z, c);
        return new RationalVector(z);
    }

    public static RationalVector unit(int n, int i) {
        Rational[] z = new Rational[n];
        Arrays.fill(z, Rational.ZERO);
        z[i] = Rational.ONE;
        return new RationalVector(z);
    }

    /** Wraps without copying: for use inside this package by code that gives up the array. */
    static RationalVector wrap(Rational[] values) {
        return new RationalVector(values);
    }

    public int size() {
        return v.length;
    }

    public Rational get(int i) {
        return v[i];
    }

    public Rational[] toArray() {
        return v.clone();
    }

    public RationalVector add(RationalVector o) {
        checkSize("add", o);
        Rational[] r = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].add(o.v[i]);
        }
        return new RationalVector(r);
    }

    public RationalVector subtract(RationalVector o) {
        checkSize("subtract", o);
        Rational[] r = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].subtract(o.v[i]);
        }
        return new RationalVector(r);
    }

    public RationalVector scale(Rational c) {
        Rational[] r = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].multiply(c);
        }
        return new RationalVector(r);
    }

    public RationalVector addConstant(Rational c) {
        Rational[] r = new Rational[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i].add(c);
        }
        return new RationalVector(r);
    }

    public Rational dot(RationalVector o) {
        checkSize("dot", o);
        Rational s = Rational.ZERO;
        for (int i = 0; i < v.length; i++) {
            s = s.add(v[i].multiply(o.v[i]));
        }
        return s;
    }

    public Rational max() {
        Rational m = v[0];
        for (Rational x : v) {
            m = m.max(x);
        }
        return m;
    }

    public Rational min() {
        Rational m = v[0];
        for (Rational x : v) {
            m = m.min(x);
        }
        return m;
    }

    public Rational sum() {
        Rational s = Rational.ZERO;
        for (Rational x : v) {
            s = s.add(x);
        }
        return s;
    }

    /** max_i |v_i|. */
    public Rational normInf() {
        Rational m = Rational.ZERO;
        for (Rational x : v) {
            m = m.max(x.abs());
        }
        return m;
    }

    /** sum_i |v_i|. */
    public Rational norm1() {
        Rational s = Rational.ZERO;
        for (Rational x : v) {
            s = s.add(x.abs());
        }
        return s;
    }

    /** True when every entry is at most the matching entry of {@code o}. */
    public boolean isEntrywiseAtMost(RationalVector o) {
        checkSize("compare", o);
        for (int i = 0; i < v.length; i++) {
            if (v[i].compareTo(o.v[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private void checkSize(String op, RationalVector o) {
        if (o.v.length != v.length) {
            throw new IllegalArgumentException("RationalVector." + op + ": sizes " + v.length + " and "
                    + o.v.length + " differ");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RationalVector && Arrays.equals(v, ((RationalVector) o).v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return Arrays.toString(v);
    }
}
