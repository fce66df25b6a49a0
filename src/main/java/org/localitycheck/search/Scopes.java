package org.localitycheck.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.localitycheck.arith.Rational;
import org.localitycheck.search.Scope.Dependence;

/** The named exhaustive scopes ({@code hunt --exhaustive NAME}); README lists them with their sizes. */
public final class Scopes {
    private static final Rational[] HALVES = SmallGridFamilies.grid(2);
    private static final Rational[] QUARTERS = SmallGridFamilies.grid(4);
    private static final Rational[] THIRDS = SmallGridFamilies.grid(3);
    private static final Rational[] BITS = SmallGridFamilies.grid(1);
    private static final Map<String, Scope> ALL = build();

    private Scopes() {
    }

    private static Map<String, Scope> build() {
        Map<String, Scope> m = new LinkedHashMap<>();
        add(m, new Scope("bandit2", "2 agents, 1 state, 2 actions; pi_k(1) in {0, 1/4, ..., 1}; r(a) in {0, 1/2, 1}", 2, 1, 2,
                BITS, Dependence.FULL, QUARTERS, Dependence.FULL, HALVES, Dependence.ACTION_ONLY));
        add(m, new Scope("bandit3", "3 agents, 1 state, 2 actions; pi_k(1) in {0, 1/3, 2/3, 1}; r(a) in {0, 1}", 3, 1, 2,
                BITS, Dependence.FULL, THIRDS, Dependence.FULL, BITS, Dependence.ACTION_ONLY));
        add(m, new Scope("chain1", "1 agent, 2 states, 2 actions; P(1|s,a) and pi(1|s) in {0, 1/2, 1}; r(s,a) in {0, 1}", 1, 2, 2,
                HALVES, Dependence.FULL, HALVES, Dependence.FULL, BITS, Dependence.FULL));
        add(m, new Scope("chain1-thirds", "1 agent, 2 states, 2 actions; P(1|s,a), pi(1|s) in {0, 1/3, 2/3, 1}; r(s) in {0, 1}", 1,
                2, 2, THIRDS, Dependence.FULL, THIRDS, Dependence.FULL, BITS, Dependence.STATE_ONLY));
        add(m, new Scope("pair", "2 agents, 2 states, 1 action; P_j(1|s) in {0, 1/2, 1}; r(s) in {0, 1}", 2, 2, 1,
                HALVES, Dependence.STATE_ONLY, BITS, Dependence.FULL, BITS, Dependence.STATE_ONLY));
        add(m, new Scope("pair-iid", "2 agents, 2 states, 2 actions; P_j(1|a) in {0, 1}, pi_k(1) in {0, 1/3, 2/3, 1} "
                + "(kernel and policy ignore the state); r(s) in {0, 1}", 2, 2, 2, BITS, Dependence.ACTION_ONLY, THIRDS,
                Dependence.ACTION_ONLY, BITS, Dependence.STATE_ONLY));
        return m;
    }

    private static void add(Map<String, Scope> m, Scope s) {
        m.put(s.name(), s);
    }

    public static Map<String, Scope> all() {
        return Collections.unmodifiableMap(ALL);
    }

    public static Scope byName(String name) {
        Scope s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no exhaustive scope \"" + name + "\"; scopes: " + String.join(", ", ALL.keySet()));
        }
        return s;
    }
}
