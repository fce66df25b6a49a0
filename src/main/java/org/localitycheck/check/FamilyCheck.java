package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The independent check of a {@code locality-check/family@1} file: every member's value recomputed with the checker's
 * own fractions, kernel, oscillations and Poisson solver, compared with the stored value, the stored closed form and
 * the checker's own formula for that reading's closed form (a family filed under another reading is refused);
 * the member's hypotheses re-checked exactly (rho &lt;= lambda by principal minors, or B.4's degree bound and rho(H) =
 * 0); and the values strictly increasing in m, the last at least twice the first. That the closed form grows without
 * bound is the reading's proof, printed in the file: the check certifies the members, not the limit.
 */
final class FamilyCheck {
    private FamilyCheck() {
    }

    /** Checks a family file named fileName (null: the name is not checked): {@code <claim>-<reading>-family.json}. */
    static Checker.Result check(JsonNode file, String fileName) {
        String claim = StrictJson.text(file, "claim", "file");
        String reading = StrictJson.text(file, "reading", "file");
        String key = claim + "/" + reading;
        if (fileName != null && !fileName.equals(claim + "-" + reading + "-family.json")) {
            return Checker.Result.of(false, key + ": a family file is named " + claim + "-" + reading
                    + "-family.json, not " + StrictJson.clip(fileName));
        }
        JsonNode members = StrictJson.array(file.get("members"), "members", -1);
        if (members.size() < 3 || members.size() > 64) {
            return Checker.Result.of(false, key + ": a family file needs 3..64 members, found " + members.size());
        }
        Frac previous = null;
        Frac first = null;
        int lastM = -1;
        for (int index = 0; index < members.size(); index++) {
            JsonNode mem = members.get(index);
            String place = "members[" + index + "]";
            if (!mem.isObject()) {
                throw new StrictJson.Invalid(place, "expected an object");
            }
            Mdp m = new Mdp(mem.get("instance"));
            JsonNode p = StrictJson.object(mem, "parameters", place);
            Frac lambda = StrictJson.number(p.get("lambda"), place + ".parameters.lambda");
            Frac value;
            boolean hypotheses;
            String quantity = StrictJson.text(mem, "quantity", place);
            Frac[][] h = m.h();
            switch (quantity) {
                case "oscillation-ratio":
                case "async-ratio": {
                    Frac[] f = coordinate(m, StrictJson.integer(p.get("coordinate"), place + ".parameters.coordinate", 0, m.n - 1));
                    Frac df = max(m.delta(f));
                    int t = StrictJson.integer(p.get("t"), place + ".parameters.t", 1, StrictJson.MAX_STEPS);
                    Frac[] nu = quantity.equals("async-ratio") ? StrictJson.numbers(p.get("nu"), place + ".parameters.nu", m.n) : null;
                    Frac[][] joint = m.joint();
                    for (int k = 0; k < t; k++) {
                        f = nu == null ? Mdp.apply(joint, f) : asyncApply(m, nu, f);
                    }
                    value = max(m.delta(f)).div(lambda.pow(t)).div(df);
                    Frac[][] gov = h;
                    if (nu != null) {
                        gov = Mat.zero(m.n, m.n);
                        for (int j = 0; j < m.n; j++) {
                            for (int i = 0; i < m.n; i++) {
                                gov[j][i] = (i == j ? Frac.ONE.sub(nu[j]) : Frac.ZERO).add(nu[j].mul(h[j][i]));
                            }
                        }
                    }
                    hypotheses = Mat.rhoAtMost(gov, lambda);
                    break;
                }
                case "power-constant":
                    value = Mat.leastConstant(Mat.t(h), lambda);
                    hypotheses = Mat.nilpotent(h) && maxDegree(m) <= 2;
                    break;
                case "spatial-ratio": {
                    hypotheses = Mat.nilpotent(h) && maxDegree(m) <= 2;
                    value = hypotheses ? spatialConstant(m, lambda) : Frac.ZERO;
                    break;
                }
                case "bias-ratio": {
                    int kappa = StrictJson.integer(p.get("kappa"), place + ".parameters.kappa", 0, StrictJson.MAX_STEPS);
                    OneBlockCheck.Evaluation ev = OneBlockCheck.evaluation(m, kappa);
                    if (ev == null) {
                        return Checker.Result.of(false, key + ": member m=" + mem.get("m") + " is multichain");
                    }
                    value = ev.penalty().div(Frac.of(2)).div(lambda.pow(kappa + 1));
                    hypotheses = Mat.rhoAtMost(h, lambda);
                    break;
                }
                default:
                    return Checker.Result.of(false, key + ": unknown quantity " + quantity);
            }
            Frac stored = StrictJson.number(mem.get("value"), place + ".value");
            Frac closed = StrictJson.number(mem.get("closedForm"), place + ".closedForm");
            Frac own = closedForm(key, quantity, StrictJson.integer(mem.get("m"), place + ".m", 0, StrictJson.MAX_STEPS));
            if (own == null) {
                return Checker.Result.of(false, key + ": the checker has no family for this reading with quantity "
                        + StrictJson.clip(quantity));
            }
            if (own.compareTo(closed) != 0) {
                return Checker.Result.of(false, key + ": member m=" + mem.get("m") + ": the stored closed form " + closed
                        + " is not the reading's, " + own);
            }
            JsonNode storedHypotheses = StrictJson.field(mem, "hypotheses", place);
            if (!storedHypotheses.isBoolean() || storedHypotheses.booleanValue() != hypotheses) {
                return Checker.Result.of(false, key + ": " + place + ".hypotheses says " + storedHypotheses
                        + ", the checker finds " + hypotheses);
            }
            int mm = StrictJson.integer(mem.get("m"), place + ".m", 0, StrictJson.MAX_STEPS);
            if (mm != lastM + 1 && lastM >= 0) {
                throw new StrictJson.Invalid(place + ".m", "members are m, m + 1, m + 2, ...: " + mm + " after " + lastM);
            }
            lastM = mm;
            if (value.compareTo(stored) != 0 || value.compareTo(closed) != 0 || !hypotheses) {
                return Checker.Result.of(false, key + ": member m=" + mem.get("m") + ": the checker finds " + value
                        + " (stored " + stored + ", closed form " + closed + ", hypotheses " + hypotheses + ")");
            }
            if (previous != null && value.compareTo(previous) <= 0) {
                return Checker.Result.of(false, key + ": member m=" + mem.get("m") + " does not exceed the one before ("
                        + value + " after " + previous + "): no growth along the family");
            }
            first = first == null ? value : first;
            previous = value;
        }
        if (previous.compareTo(first.mul(Frac.of(2))) < 0) {
            return Checker.Result.of(false, key + ": the last member's value " + previous + " is not twice the first's "
                    + first + ": the family shows no growth");
        }
        return Checker.Result.of(true, key + ": every member's value recomputed equals its closed form ("
                + members.size() + " members)");
    }

    /**
     * The least K with delta_i(h) &lt;= K lambda^{dist(i, supp delta(r))} ||delta(r)||_inf, for a member whose H is
     * nilpotent: then delta(T^t r) = 0 from some t = N on (Lemma 2), T^N r is the constant rbar, and h = sum_{t &lt; N}
     * (T^t r - rbar) up to a constant, so delta(h) = delta(sum_{t &lt; N} T^t r). Distances in the least undirected
     * graph carrying E^s, E^a and Pi, by breadth-first search.
     */
    private static Frac spatialConstant(Mdp m, Frac lambda) {
        Frac[][] joint = m.joint();
        Frac[] f = m.rewardUnderPolicy();
        Frac[] b = m.delta(f);
        Frac[] sum = new Frac[m.ns];
        Arrays.fill(sum, Frac.ZERO);
        for (int t = 0; max(m.delta(f)).signum() != 0; t++) {
            if (t > m.n) {
                throw new StrictJson.Invalid("members", "T^t r is not constant by t = n although H is nilpotent");
            }
            for (int s = 0; s < m.ns; s++) {
                sum[s] = sum[s].add(f[s]);
            }
            f = Mdp.apply(joint, f);
        }
        Frac[] dh = m.delta(sum);
        int[] dist = distancesFromSupport(m, b);
        Frac k = Frac.ZERO;
        for (int i = 0; i < m.n; i++) {
            if (dh[i].signum() != 0) {
                if (dist[i] < 0) {
                    throw new StrictJson.Invalid("members", "delta_" + i + "(h) > 0 out of the reward's reach");
                }
                k = k.max(dh[i].div(max(b).mul(lambda.pow(dist[i]))));
            }
        }
        return k;
    }

    /** Breadth-first distances from the agents with delta_j(r) &gt; 0 in the least undirected graph (-1: unreachable). */
    private static int[] distancesFromSupport(Mdp m, Frac[] b) {
        boolean[][] adj = adjacency(m);
        int[] dist = new int[m.n];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int j = 0; j < m.n; j++) {
            if (b[j].signum() > 0) {
                dist[j] = 0;
                queue.add(j);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (int j = 0; j < m.n; j++) {
                if (adj[i][j] && dist[j] < 0) {
                    dist[j] = dist[i] + 1;
                    queue.add(j);
                }
            }
        }
        return dist;
    }

    /**
     * The closed form the proof of each family reading gives at member m, for the quantity that reading's family
     * records; null for any other pairing (a family file filed under another reading, or with another quantity).
     */
    private static Frac closedForm(String key, String quantity, int m) {
        Frac fm = Frac.of(m);
        return switch (key + " " + quantity) {
            case "thm3-uniform/policy-uniform oscillation-ratio" -> fm.mul(Frac.ONE.sub(Frac.ONE.div(fm)).pow(m - 1));
            case "thm3-uniform/jordan-at-rho oscillation-ratio", "async/uniform-at-rho async-ratio" -> fm;
            case "sparsity/degree-only-constant power-constant", "sparsity/edp-uniform spatial-ratio" -> Frac.of(2).pow(m);
            case "thm7-bias/decay-at-rho bias-ratio" -> fm.add(Frac.of(3));
            default -> null;
        };
    }

    private static Frac[] coordinate(Mdp m, int i) {
        Frac[] f = new Frac[m.ns];
        for (int s = 0; s < m.ns; s++) {
            f[s] = Frac.of(Mdp.digit(m.ms, s, i));
        }
        return f;
    }

    private static Frac max(Frac[] v) {
        Frac x = Frac.ZERO;
        for (Frac y : v) {
            x = x.max(y);
        }
        return x;
    }

    /** K f(s) = sum_j nu_j sum_y P^pi_j(y | s) f(s with coordinate j set to y). */
    private static Frac[] asyncApply(Mdp m, Frac[] nu, Frac[] f) {
        Frac[] out = new Frac[m.ns];
        for (int s = 0; s < m.ns; s++) {
            Frac acc = Frac.ZERO;
            for (int j = 0; j < m.n; j++) {
                Frac[] marg = m.marginal(j, s);
                for (int y = 0; y < m.ms[j]; y++) {
                    acc = acc.add(nu[j].mul(marg[y]).mul(f[Mdp.setDigit(m.ms, s, j, y)]));
                }
            }
            out[s] = acc;
        }
        return out;
    }

    /** The maximum degree of the least undirected graph on which E^s, E^a and Pi are supported. */
    private static int maxDegree(Mdp m) {
        boolean[][] adj = adjacency(m);
        int best = 0;
        for (int i = 0; i < m.n; i++) {
            int d = 0;
            for (int j = 0; j < m.n; j++) {
                d += adj[i][j] ? 1 : 0;
            }
            best = Math.max(best, d);
        }
        return best;
    }

    /** {i, j} (i != j) is an edge when E^s, E^a or Pi has a nonzero (i, j) or (j, i) entry. */
    private static boolean[][] adjacency(Mdp m) {
        Frac[][] es = m.sensitivity(0);
        Frac[][] ea = m.sensitivity(1);
        Frac[][] pi = m.sensitivity(2);
        boolean[][] adj = new boolean[m.n][m.n];
        for (int i = 0; i < m.n; i++) {
            for (int j = 0; j < m.n; j++) {
                adj[i][j] = i != j && (es[j][i].signum() != 0 || ea[j][i].signum() != 0 || pi[j][i].signum() != 0
                        || es[i][j].signum() != 0 || ea[i][j].signum() != 0 || pi[i][j].signum() != 0);
            }
        }
        return adj;
    }
}
