package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-verifies a counterexample file from its JSON alone: it recomputes, with this package's own code, every
 * sub-inequality of the named reading and accepts the file only when one of them is violated with exactly the
 * stored LHS and RHS. Shares parsing with the engine (Jackson) and nothing else.
 */
public final class Checker {
    private Checker() {
    }

    /** The outcome: accepted or not, and why. */
    public record Result(boolean accepted, String message) {
    }

    private record Pair(Frac lhs, Frac rhs, boolean violated) {
    }

    public static Result check(JsonNode file) {
        try {
            if (file.has("format") && file.get("format").asText().equals("locality-check/family@1")) {
                return FamilyCheck.check(file);
            }
            String claim = file.get("claim").asText();
            String reading = file.get("reading").asText();
            if ((claim + "/" + reading).equals("lpi/scoped-update")) {
                boolean v = OneBlockCheck.scopedUpdateBroken(file) && file.get("lhs").asText().equals("1")
                        && file.get("rhs").asText().equals("0");
                return new Result(v, claim + "/" + reading + (v ? ": the update differs within one view of O_k"
                        : ": the checker finds the update well defined"));
            }
            if ((claim + "/" + reading).equals("one-block/kl-anchored")) {
                // sides known by enclosures: the checker proves the violation with its own enclosures
                boolean v = OneBlockCheck.violated(file);
                return new Result(v, claim + "/" + reading + (v ? ": violated (own enclosures at " + OneBlockCheck.BITS
                        + " bits separate the sides)" : ": the checker's enclosures do not show a violation"));
            }
            if ((claim + "/" + reading).equals("one-block/proof-step")
                    || (claim + "/" + reading).equals("one-block/entropy-regularized")) {
                boolean v = OneBlockCheck.violated(file, reading.equals("proof-step") ? OneBlockCheck.Form.PROOF_STEP
                        : OneBlockCheck.Form.ENTROPY_REGULARIZED);
                return new Result(v, claim + "/" + reading + (v ? ": violated (own enclosures at " + OneBlockCheck.BITS
                        + " bits separate the sides)" : ": the checker's enclosures do not show a violation"));
            }
            if ((claim + "/" + reading).equals("cor15/literal")) {
                boolean v = OneBlockCheck.recomputedViolated(file);
                return new Result(v, claim + "/" + reading + (v ? ": violated (own enclosures at " + OneBlockCheck.BITS
                        + " bits separate the sides)" : ": the checker's enclosures do not show a violation"));
            }
            if ((claim + "/" + reading).equals("cor15/stale")) {
                boolean v = OneBlockCheck.staleViolated(file);
                return new Result(v, claim + "/" + reading + (v ? ": violated (own enclosures at " + OneBlockCheck.BITS
                        + " bits separate the sides)" : ": the checker's enclosures do not show a violation"));
            }
            Frac lhs = Frac.parse(file.get("lhs").asText());
            Frac rhs = Frac.parse(file.get("rhs").asText());
            List<Pair> pairs = subChecks(claim + "/" + reading, file);
            if (pairs == null) {
                return new Result(false, claim + "/" + reading + ": the checker has no code for this reading");
            }
            for (Pair p : pairs) {
                if (p.violated && p.lhs.compareTo(lhs) == 0 && p.rhs.compareTo(rhs) == 0) {
                    return new Result(true, claim + "/" + reading + ": violated, lhs " + lhs + " against rhs " + rhs);
                }
            }
            return new Result(false, claim + "/" + reading + ": no violated sub-check with lhs " + lhs + " and rhs " + rhs
                    + " (" + pairs.stream().filter(Pair::violated).count() + " violated sub-checks found)");
        } catch (RuntimeException e) {
            return new Result(false, "malformed counterexample: " + e);
        }
    }

    private static List<Pair> subChecks(String key, JsonNode file) {
        JsonNode w = file.get("witness");
        if (key.equals("kappa-example/prior-458")) {
            Frac l = Frac.parse("99/100").pow(458);
            Frac r = Frac.parse("1/100");
            return List.of(atMost(l, r));
        }
        Mdp m = new Mdp(file.get("instance"));
        Frac[][] h = m.h();
        switch (key) {
            case "c-governs/literal": {
                Frac[] f = Mdp.fracs(w.get("f"));
                Frac[] lhs = m.delta(Mdp.apply(m.joint(), f));
                Frac[] rhs = Mat.mul(Mat.t(m.sensitivity(3)), m.delta(f));
                return entrywise(lhs, rhs);
            }
            case "thm3-uniform/literal": {
                int t = w.get("t").asInt();
                if (!Frac.parse(w.get("lambda").asText()).isZero() || !Mat.nilpotent(h) || t < 1) {
                    return List.of();
                }
                Frac[] f = Mdp.fracs(w.get("f"));
                Frac[][] joint = m.joint();
                for (int k = 0; k < t; k++) {
                    f = Mdp.apply(joint, f);
                }
                Frac worst = Frac.ZERO;
                for (Frac x : m.delta(f)) {
                    worst = worst.max(x);
                }
                return List.of(atMost(worst, Frac.ZERO));
            }
            case "sparsity/literal-constant": {
                int t = w.get("t").asInt();
                if (!Frac.parse(w.get("lambda").asText()).isZero() || !Mat.nilpotent(h) || t < 1) {
                    return List.of();
                }
                return List.of(atMost(Mat.normInf(Mat.pow(Mat.t(h), t)), Frac.ZERO));
            }
            case "sparsity/same-pattern":
            case "sparsity/vanishing-blocks": {
                int t = key.endsWith("same-pattern") ? 1 : w.get("t").asInt();
                int[][] d = undirectedDistances(m);
                Frac[][] ht = Mat.pow(h, t);
                List<Pair> out = new ArrayList<>();
                for (int j = 0; j < m.n; j++) {
                    for (int i = 0; i < m.n; i++) {
                        if (d[i][j] > t) {
                            out.add(atMost(ht[j][i], Frac.ZERO));
                        }
                    }
                }
                return out;
            }
            case "leader-follower/rho-at-least-one": {
                boolean example = m.n == 2 && m.ms[0] == 2 && m.ms[1] == 2;
                for (int s = 0; s < m.ns && example; s++) {
                    for (int a = 0; a < m.na; a++) {
                        example &= m.p[1][s][a][Mdp.digit(m.ms, s, 0)].compareTo(Frac.ONE) == 0;
                    }
                }
                boolean below = Mat.rhoBelow(h, Frac.ONE);
                return example && below ? List.of(new Pair(Frac.ONE, Frac.ZERO, true)) : List.of();
            }
            case "thm3-poisson/any-constant": {
                Frac[] sol = m.poisson(m.joint());
                if (sol == null) {
                    return List.of();
                }
                Frac gap = sol[0].sub(Frac.parse(w.get("c").asText()));
                return List.of(atMost(gap.abs(), Frac.ZERO));
            }
            case "discounted/strictly-tighter": {
                return Mat.rhoBelow(h, Frac.ONE) ? List.of() : List.of(new Pair(Frac.ONE, Frac.ZERO, true));
            }
            case "spectral-vs-norm/prior-norm-certifies": {
                Frac[][] sup = m.actionSupremum();
                Frac hubNorm = Mat.normInf(Mat.add(m.sensitivity(0), m.sensitivity(1)));
                return Mat.normInf(sup).compareTo(Frac.ONE) < 0 && hubNorm.compareTo(Frac.ONE) < 0 && !Mat.rhoBelow(h, Frac.ONE)
                        ? List.of(new Pair(Frac.ONE, Frac.ZERO, true)) : List.of();
            }
            case "thm3-resolvent/norm-series-step": {
                if (!Mat.rhoBelow(h, Frac.ONE)) {
                    return List.of();
                }
                Frac[][] ht = Mat.t(h);
                Frac[] b = m.delta(m.rewardUnderPolicy());
                Frac rhs = Mat.normInf(Mat.resolvent(ht)).mul(maxOf(b));
                Frac sum = Frac.ZERO;
                Frac[] v = b;
                List<Pair> out = new ArrayList<>();
                for (int t = 0; t < 64; t++) {
                    sum = sum.add(maxOf(v));
                    out.add(atMost(sum, rhs)); // partial sums of nonnegative terms: one above rhs proves the violation
                    v = Mat.mul(ht, v);
                }
                return out;
            }
            case "discounted/true-rate": {
                Frac[][] joint = m.joint();
                for (int s = 1; s < m.ns; s++) {
                    for (int y = 0; y < m.ns; y++) {
                        if (joint[s][y].compareTo(joint[0][y]) != 0) {
                            return List.of();
                        }
                    }
                }
                return Mat.nilpotent(h) || !Mat.rhoBelow(h, Frac.ONE) ? List.of() : List.of(new Pair(Frac.ONE, Frac.ZERO, true));
            }
            case "thm7-certificate/neumann-equality": {
                Frac[] sol = m.poisson(m.joint());
                if (sol == null || !Mat.rhoBelow(h, Frac.ONE)) {
                    return List.of();
                }
                Frac[] dh = m.delta(tail(sol));
                Frac[] series = Mat.mul(Mat.resolvent(Mat.t(h)), m.delta(m.rewardUnderPolicy()));
                List<Pair> out = new ArrayList<>();
                for (int i = 0; i < m.n; i++) {
                    out.add(new Pair(dh[i], series[i], dh[i].compareTo(series[i]) != 0));
                }
                return out;
            }
            case "prop1/coupling-equality": {
                Frac[][] pi = m.sensitivity(2);
                List<Pair> out = new ArrayList<>();
                for (int i = 0; i < m.n; i++) {
                    for (int s = 0; s < m.ns; s++) {
                        for (int v = Mdp.digit(m.ms, s, i) + 1; v < m.ms[i]; v++) {
                            int s2 = Mdp.setDigit(m.ms, s, i, v);
                            for (int k = 0; k < m.n; k++) {
                                Frac tv = Mdp.tv(m.pi[k][s], m.pi[k][s2]);
                                out.add(new Pair(tv, pi[k][i], tv.compareTo(pi[k][i]) != 0));
                            }
                        }
                    }
                }
                return out;
            }
            case "thm3-resolvent/without-hypothesis": {
                Frac[] sol = m.poisson(m.joint());
                Frac[][] res = Mat.resolvent(Mat.t(h));
                if (Mat.rhoBelow(h, Frac.ONE) || sol == null || res == null) {
                    return List.of();
                }
                return entrywise(m.delta(tail(sol)), Mat.mul(res, m.delta(m.rewardUnderPolicy())));
            }
            case "weighted/resolvent-untransposed": {
                Frac[] wt = Mdp.fracs(w.get("w"));
                Frac[][] conj = Mat.zero(m.n, m.n);
                for (int j = 0; j < m.n; j++) {
                    for (int i = 0; i < m.n; i++) {
                        conj[j][i] = h[j][i].mul(wt[i]).div(wt[j]);
                    }
                }
                Frac[] sol = m.poisson(m.joint());
                if (!Mat.rhoBelow(conj, Frac.ONE) || sol == null) {
                    return List.of();
                }
                Frac[] dh = m.delta(tail(sol));
                Frac[] b = m.delta(m.rewardUnderPolicy());
                for (int i = 0; i < m.n; i++) {
                    dh[i] = dh[i].mul(wt[i]);
                    b[i] = b[i].mul(wt[i]);
                }
                return entrywise(dh, Mat.mul(Mat.resolvent(conj), b));
            }
            case "thm7-certificate/two-sided": {
                int kappa = w.get("kappa").asInt();
                Frac lambda = Frac.parse(w.get("lambda").asText());
                Frac[] sol = m.poisson(m.joint());
                if (sol == null || !Mat.rhoBelow(Mat.t(h), lambda)) {
                    return List.of();
                }
                Frac c = Mat.leastConstant(Mat.t(h), lambda);
                Frac[] b = m.delta(m.rewardUnderPolicy());
                Frac[] cert = certificate(h, b, kappa);
                Frac[] dh = m.delta(tail(sol));
                Frac lhs = Frac.ZERO;
                Frac bmax = Frac.ZERO;
                for (int i = 0; i < m.n; i++) {
                    lhs = lhs.max(dh[i].sub(cert[i]).abs());
                    bmax = bmax.max(b[i]);
                }
                Frac rhs = c.div(Frac.ONE.sub(lambda)).mul(lambda.pow(kappa + 1)).mul(bmax);
                return List.of(atMost(lhs, rhs));
            }
            case "thm7-locality/reverse-ball": {
                int kappa = w.get("kappa").asInt();
                Frac[] other = Mdp.fracs(w.get("b2"));
                Frac[] b = m.delta(m.rewardUnderPolicy());
                Frac[] cert = certificate(h, b, kappa);
                int[][] d = directedDistances(h);
                List<Pair> out = new ArrayList<>();
                for (int i = 0; i < m.n; i++) {
                    Frac[] changed = b.clone();
                    for (int j = 0; j < m.n; j++) {
                        if (d[j][i] > kappa) {
                            changed[j] = other[j];
                        }
                    }
                    Frac c2 = certificate(h, changed, kappa)[i];
                    out.add(new Pair(c2, cert[i], c2.compareTo(cert[i]) != 0));
                }
                return out;
            }
            case "thm7-bias/literal":
            case "thm7-bias/c-zero": {
                int kappa = w.get("kappa").asInt();
                Frac lambda = Frac.parse(w.get("lambda").asText());
                Frac[][] joint = m.joint();
                Frac[] sol = m.poisson(joint);
                if (sol == null || !Mat.rhoBelow(Mat.t(h), lambda)) {
                    return List.of();
                }
                Frac c = Mat.leastConstant(Mat.t(h), lambda);
                Frac rbar = sol[0];
                Frac[] hv = tail(sol);
                // hhat = sum_{t<=kappa} P^t (r - rbar)
                Frac[] g = m.rewardUnderPolicy();
                for (int s = 0; s < g.length; s++) {
                    g[s] = g[s].sub(rbar);
                }
                Frac[] hhat = g.clone();
                Frac[] term = g;
                for (int t = 1; t <= kappa; t++) {
                    term = Mdp.apply(joint, term);
                    for (int s = 0; s < hhat.length; s++) {
                        hhat[s] = hhat[s].add(term[s]);
                    }
                }
                Frac max = null;
                Frac min = null;
                Frac sup = Frac.ZERO;
                for (int s = 0; s < hhat.length; s++) {
                    Frac diff = hhat[s].sub(hv[s]);
                    max = max == null ? diff : max.max(diff);
                    min = min == null ? diff : (diff.compareTo(min) < 0 ? diff : min);
                    sup = sup.max(diff.abs());
                }
                Frac lhs = key.endsWith("literal") ? max.sub(min).mul(Frac.parse("1/2")) : sup;
                Frac b1 = Frac.ZERO;
                for (Frac x : m.delta(m.rewardUnderPolicy())) {
                    b1 = b1.add(x);
                }
                Frac rhs = c.div(Frac.of(2).mul(Frac.ONE.sub(lambda))).mul(lambda.pow(kappa + 1)).mul(b1);
                return List.of(atMost(lhs, rhs));
            }
            default:
                return null;
        }
    }

    private static Frac[] tail(Frac[] sol) {
        return java.util.Arrays.copyOfRange(sol, 1, sol.length);
    }

    private static Frac maxOf(Frac[] v) {
        Frac m = Frac.ZERO;
        for (Frac x : v) {
            m = m.max(x);
        }
        return m;
    }

    private static Pair atMost(Frac lhs, Frac rhs) {
        return new Pair(lhs, rhs, lhs.compareTo(rhs) > 0);
    }

    private static List<Pair> entrywise(Frac[] lhs, Frac[] rhs) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < lhs.length; i++) {
            out.add(atMost(lhs[i], rhs[i]));
        }
        return out;
    }

    /** sum_{t=0}^{kappa} (H^T)^t b. */
    private static Frac[] certificate(Frac[][] h, Frac[] b, int kappa) {
        Frac[][] ht = Mat.t(h);
        Frac[] sum = b.clone();
        Frac[] term = b;
        for (int t = 1; t <= kappa; t++) {
            term = Mat.mul(ht, term);
            for (int i = 0; i < sum.length; i++) {
                sum[i] = sum[i].add(term[i]);
            }
        }
        return sum;
    }

    /** B.4's least graph: i ~ j when E^s, E^a or Pi has a nonzero (i, j) or (j, i) entry. */
    private static int[][] undirectedDistances(Mdp m) {
        boolean[][] adj = new boolean[m.n][m.n];
        for (int which = 0; which < 3; which++) {
            Frac[][] s = m.sensitivity(which);
            for (int i = 0; i < m.n; i++) {
                for (int j = 0; j < m.n; j++) {
                    if (i != j && !s[i][j].isZero()) {
                        adj[i][j] = true;
                        adj[j][i] = true;
                    }
                }
            }
        }
        return floyd(adj);
    }

    /** G^pi: an edge i -&gt; j when H[j][i] &gt; 0; d[i][j] = steps from i to j. */
    private static int[][] directedDistances(Frac[][] h) {
        int n = h.length;
        boolean[][] adj = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                adj[i][j] = !h[j][i].isZero();
            }
        }
        return floyd(adj);
    }

    private static int[][] floyd(boolean[][] adj) {
        int n = adj.length;
        int inf = 1 << 20;
        int[][] d = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0 : adj[i][j] ? 1 : inf;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
                }
            }
        }
        return d;
    }
}
