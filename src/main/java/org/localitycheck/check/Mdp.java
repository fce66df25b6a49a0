package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The checker's own reading of an instance (tabular policies only) and its own short code for the quantities
 * the stored counterexamples need: the closed-loop kernel, oscillations, the sensitivity matrices, the
 * Poisson solution. Written from the paper's definitions, not from the engine.
 */
final class Mdp {
    final int n;
    final int[] ms;
    final int[] ma;
    final int ns;
    final int na;
    final Frac[][][][] p; // [j][s][a][x]
    final Frac[][][] pi; // [k][s][b]
    final Frac[][] r; // [s][a]
    final boolean[][] observes; // [k][i]

    /**
     * Reads an instance as strictly as the engine does: the format, sizes, shapes, output-form numbers, every kernel and
     * policy row a probability vector, observation scopes respected. Softmax policies are refused: the checker's exact
     * code covers tabular policies.
     */
    Mdp(JsonNode inst) {
        String place = "instance";
        if (inst == null || !inst.isObject()) {
            throw new StrictJson.Invalid(place, "expected an instance object");
        }
        // the engine writes exactly these keys (no name): one finding, one content, one name
        StrictJson.onlyKeys(inst, place, "format", "agents", "kernel", "policy", "reward");
        String format = StrictJson.text(inst, "format", place);
        if (!format.equals("locality-check/instance@1")) {
            throw new StrictJson.Invalid(place + ".format", "expected \"locality-check/instance@1\", found \""
                    + StrictJson.clip(format) + "\"");
        }
        JsonNode agents = StrictJson.array(inst.get("agents"), place + ".agents", -1);
        n = agents.size();
        if (n < 1 || n > 16) {
            throw new StrictJson.Invalid(place + ".agents", "the checker takes 1..16 agents, found " + n);
        }
        ms = new int[n];
        ma = new int[n];
        long s = 1;
        long a = 1;
        for (int i = 0; i < n; i++) {
            JsonNode ag = agents.get(i);
            String ap = place + ".agents[" + i + "]";
            if (!ag.isObject()) {
                throw new StrictJson.Invalid(ap, "expected an object");
            }
            StrictJson.onlyKeys(ag, ap, "states", "actions", "observes");
            ms[i] = StrictJson.integer(ag.get("states"), ap + ".states", 1, StrictJson.MAX_JOINT_STATES);
            ma[i] = StrictJson.integer(ag.get("actions"), ap + ".actions", 1, StrictJson.MAX_JOINT_PAIRS);
            s *= ms[i];
            a *= ma[i];
            if (s > StrictJson.MAX_JOINT_STATES || s * a > StrictJson.MAX_JOINT_PAIRS) {
                throw new StrictJson.Invalid(place + ".agents", "more than the checker's " + StrictJson.MAX_JOINT_STATES
                        + " joint states or " + StrictJson.MAX_JOINT_PAIRS + " joint state-action pairs");
            }
        }
        ns = (int) s;
        na = (int) a;
        observes = new boolean[n][n];
        for (int k = 0; k < n; k++) {
            JsonNode obs = agents.get(k).get("observes");
            String op = place + ".agents[" + k + "].observes";
            if (obs == null) {
                Arrays.fill(observes[k], true);
                continue;
            }
            StrictJson.array(obs, op, -1);
            for (int e = 0; e < obs.size(); e++) {
                int i = StrictJson.integer(obs.get(e), op + "[" + e + "]", 0, n - 1);
                if (observes[k][i]) {
                    throw new StrictJson.Invalid(op, "agent " + i + " listed twice");
                }
                observes[k][i] = true;
            }
        }
        JsonNode kernel = StrictJson.array(inst.get("kernel"), place + ".kernel", n);
        p = new Frac[n][ns][na][];
        for (int j = 0; j < n; j++) {
            JsonNode kj = StrictJson.array(kernel.get(j), place + ".kernel[" + j + "]", ns);
            for (int x = 0; x < ns; x++) {
                JsonNode kx = StrictJson.array(kj.get(x), place + ".kernel[" + j + "][" + x + "]", na);
                for (int y = 0; y < na; y++) {
                    p[j][x][y] = distribution(kx.get(y), place + ".kernel[" + j + "][" + x + "][" + y + "]", ms[j]);
                }
            }
        }
        JsonNode policy = StrictJson.object(inst, "policy", place);
        StrictJson.onlyKeys(policy, place + ".policy", "kind", "tables", "tau", "logits");
        String kind = StrictJson.text(policy, "kind", place + ".policy");
        if (!kind.equals("tabular")) {
            throw new StrictJson.Invalid(place + ".policy.kind", "the checker reads tabular policies only, found \""
                    + StrictJson.clip(kind) + "\"");
        }
        JsonNode tables = StrictJson.array(policy.get("tables"), place + ".policy.tables", n);
        pi = new Frac[n][ns][];
        for (int k = 0; k < n; k++) {
            JsonNode tk = StrictJson.array(tables.get(k), place + ".policy.tables[" + k + "]", ns);
            for (int x = 0; x < ns; x++) {
                pi[k][x] = distribution(tk.get(x), place + ".policy.tables[" + k + "][" + x + "]", ma[k]);
            }
            for (int x = 0; x < ns; x++) {
                for (int i = 0; i < n; i++) {
                    if (observes[k][i]) {
                        continue;
                    }
                    int x2 = setDigit(ms, x, i, 0);
                    for (int b = 0; b < ma[k]; b++) {
                        if (pi[k][x][b].compareTo(pi[k][x2][b]) != 0) {
                            throw new StrictJson.Invalid(place + ".policy.tables[" + k + "][" + x + "]",
                                    "varies with agent " + i + ", outside the observation scope");
                        }
                    }
                }
            }
        }
        JsonNode reward = StrictJson.array(inst.get("reward"), place + ".reward", ns);
        r = new Frac[ns][];
        for (int x = 0; x < ns; x++) {
            r[x] = StrictJson.instanceNumbers(reward.get(x), place + ".reward[" + x + "]", na);
        }
    }

    /** A probability vector of the given length: entries at least 0 summing to exactly 1. */
    private static Frac[] distribution(JsonNode row, String place, int length) {
        Frac[] f = StrictJson.instanceNumbers(row, place, length);
        Frac sum = Frac.ZERO;
        for (int i = 0; i < f.length; i++) {
            if (f[i].signum() < 0) {
                throw new StrictJson.Invalid(place + "[" + i + "]", "a probability below 0: " + StrictJson.clip(f[i].toString()));
            }
            sum = sum.add(f[i]);
        }
        if (sum.compareTo(Frac.ONE) != 0) {
            throw new StrictJson.Invalid(place, "entries sum to " + StrictJson.clip(sum.toString()) + ", not 1");
        }
        return f;
    }

    private Mdp(Mdp m, Frac[][][] policy) {
        n = m.n;
        ms = m.ms;
        ma = m.ma;
        ns = m.ns;
        na = m.na;
        p = m.p;
        r = m.r;
        observes = m.observes;
        pi = policy;
    }

    /** The same kernel and reward with another tabular policy (rows over full joint states). */
    Mdp withPolicy(Frac[][][] policy) {
        return new Mdp(this, policy);
    }


    /** Digit i of a joint index over local sizes m (agent 0 most significant). */
    static int digit(int[] m, int idx, int i) {
        for (int l = m.length - 1; l > i; l--) {
            idx /= m[l];
        }
        return idx % m[i];
    }

    static int setDigit(int[] m, int idx, int i, int v) {
        int w = 1;
        for (int l = m.length - 1; l > i; l--) {
            w *= m[l];
        }
        return idx + (v - digit(m, idx, i)) * w;
    }

    /** pi(a | s) = prod_k pi_k(a_k | s). */
    Frac weight(int s, int a) {
        Frac w = Frac.ONE;
        for (int k = 0; k < n; k++) {
            w = w.mul(pi[k][s][digit(ma, a, k)]);
        }
        return w;
    }

    /** P^pi(y | s) = sum_a pi(a|s) prod_j P_j(y_j | s, a). */
    Frac[][] joint() {
        Frac[][] t = Mat.zero(ns, ns);
        for (int s = 0; s < ns; s++) {
            for (int a = 0; a < na; a++) {
                Frac w = weight(s, a);
                if (w.isZero()) {
                    continue;
                }
                for (int y = 0; y < ns; y++) {
                    Frac q = w;
                    for (int j = 0; j < n && !q.isZero(); j++) {
                        q = q.mul(p[j][s][a][digit(ms, y, j)]);
                    }
                    t[s][y] = t[s][y].add(q);
                }
            }
        }
        return t;
    }

    /** P^pi_j(. | s). */
    Frac[] marginal(int j, int s) {
        Frac[] m = new Frac[ms[j]];
        Arrays.fill(m, Frac.ZERO);
        for (int a = 0; a < na; a++) {
            Frac w = weight(s, a);
            for (int x = 0; x < ms[j]; x++) {
                m[x] = m[x].add(w.mul(p[j][s][a][x]));
            }
        }
        return m;
    }

    static Frac tv(Frac[] u, Frac[] v) {
        Frac s = Frac.ZERO;
        for (int x = 0; x < u.length; x++) {
            s = s.add(u[x].sub(v[x]).abs());
        }
        return s.mul(new Frac(BigInteger.ONE, BigInteger.TWO));
    }

    /** delta_i(f) for every i. */
    Frac[] delta(Frac[] f) {
        Frac[] d = new Frac[n];
        for (int i = 0; i < n; i++) {
            d[i] = Frac.ZERO;
            for (int s = 0; s < ns; s++) {
                for (int v = 0; v < ms[i]; v++) {
                    d[i] = d[i].max(f[s].sub(f[setDigit(ms, s, i, v)]).abs());
                }
            }
        }
        return d;
    }

    /** Which matrix: 0 E^s, 1 E^a, 2 Pi, 3 C. Suprema of TV over one-coordinate changes. */
    Frac[][] sensitivity(int which) {
        Frac[][] m = Mat.zero(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (which == 1) {
                    for (int s = 0; s < ns; s++) {
                        for (int a = 0; a < na; a++) {
                            for (int v = 0; v < ma[i]; v++) {
                                m[j][i] = m[j][i].max(tv(p[j][s][a], p[j][s][setDigit(ma, a, i, v)]));
                            }
                        }
                    }
                    continue;
                }
                for (int s = 0; s < ns; s++) {
                    for (int v = 0; v < ms[i]; v++) {
                        int s2 = setDigit(ms, s, i, v);
                        if (which == 0) {
                            for (int a = 0; a < na; a++) {
                                m[j][i] = m[j][i].max(tv(p[j][s][a], p[j][s2][a]));
                            }
                        } else if (which == 2) {
                            m[j][i] = m[j][i].max(tv(pi[j][s], pi[j][s2]));
                        } else {
                            m[j][i] = m[j][i].max(tv(marginal(j, s), marginal(j, s2)));
                        }
                    }
                }
            }
        }
        return m;
    }

    /** C^sup_{j<-i}: sup over s, s' differing at i and all joint actions a, a' of TV(P_j(.|s,a), P_j(.|s',a')). */
    Frac[][] actionSupremum() {
        Frac[][] m = Mat.zero(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < ns; s++) {
                    for (int v = 0; v < ms[i]; v++) {
                        int s2 = setDigit(ms, s, i, v);
                        for (int a = 0; a < na; a++) {
                            for (int a2 = 0; a2 < na; a2++) {
                                m[j][i] = m[j][i].max(tv(p[j][s][a], p[j][s2][a2]));
                            }
                        }
                    }
                }
            }
        }
        return m;
    }

    /** H = E^s + E^a Pi. */
    Frac[][] h() {
        return Mat.add(sensitivity(0), Mat.mul(sensitivity(1), sensitivity(2)));
    }

    Frac[] rewardUnderPolicy() {
        Frac[] v = new Frac[ns];
        for (int s = 0; s < ns; s++) {
            v[s] = Frac.ZERO;
            for (int a = 0; a < na; a++) {
                v[s] = v[s].add(weight(s, a).mul(r[s][a]));
            }
        }
        return v;
    }

    /**
     * {rbar, h_0..h_{N-1}} with h - P h = r^pi - rbar and sum_s d(s) h(s) = 0, or null when the chain has no
     * unique stationary distribution. Unknowns (h, rbar) with h_{N-1} = 0 first, then shifted by d . h.
     */
    Frac[] poisson(Frac[][] t) {
        Frac[] rp = rewardUnderPolicy();
        Frac[][] a = Mat.zero(ns, ns);
        for (int s = 0; s < ns; s++) {
            for (int y = 0; y < ns - 1; y++) {
                a[s][y] = (s == y ? Frac.ONE : Frac.ZERO).sub(t[s][y]);
            }
            a[s][ns - 1] = Frac.ONE;
        }
        Frac[] z = Mat.solve(a, rp);
        // stationary: d^T a = e_last
        Frac[] e = new Frac[ns];
        Arrays.fill(e, Frac.ZERO);
        e[ns - 1] = Frac.ONE;
        Frac[] d = Mat.solve(Mat.t(a), e);
        if (z == null || d == null) {
            return null;
        }
        Frac[] h = new Frac[ns];
        for (int s = 0; s < ns - 1; s++) {
            h[s] = z[s];
        }
        h[ns - 1] = Frac.ZERO;
        Frac dh = Frac.ZERO;
        for (int s = 0; s < ns; s++) {
            dh = dh.add(d[s].mul(h[s]));
        }
        Frac[] out = new Frac[ns + 1];
        out[0] = z[ns - 1];
        for (int s = 0; s < ns; s++) {
            out[s + 1] = h[s].sub(dh);
        }
        return out;
    }

    static Frac[] apply(Frac[][] t, Frac[] f) {
        return Mat.mul(t, f);
    }
}
