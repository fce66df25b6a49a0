package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The independent check of a {@code locality-check/family@1} file: every member's value recomputed with the checker's
 * own fractions, kernel, oscillations and Poisson solver, compared with the stored value and the stored closed form;
 * the member's hypotheses re-checked exactly (rho &lt;= lambda by principal minors, or B.4's degree bound and rho(H) =
 * 0); and the values strictly increasing in m, the last at least twice the first. That the closed form grows without
 * bound is the reading's proof, printed in the file: the check certifies the members, not the limit.
 */
final class FamilyCheck {
    private FamilyCheck() {
    }

    static Checker.Result check(JsonNode file) {
        String key = file.get("claim").asText() + "/" + file.get("reading").asText();
        JsonNode members = file.get("members");
        if (members == null || !members.isArray() || members.size() < 3) {
            return new Checker.Result(false, key + ": a family file needs at least three members");
        }
        Frac previous = null;
        Frac first = null;
        for (JsonNode mem : members) {
            Mdp m = new Mdp(mem.get("instance"));
            JsonNode p = mem.get("parameters");
            Frac lambda = Frac.parse(p.get("lambda").asText());
            Frac value;
            boolean hypotheses;
            String quantity = mem.get("quantity").asText();
            Frac[][] h = m.h();
            switch (quantity) {
                case "oscillation-ratio":
                case "async-ratio": {
                    Frac[] f = coordinate(m, p.get("coordinate").asInt());
                    Frac df = max(m.delta(f));
                    int t = p.get("t").asInt();
                    Frac[] nu = quantity.equals("async-ratio") ? Mdp.fracs(p.get("nu")) : null;
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
                case "bias-ratio": {
                    int kappa = p.get("kappa").asInt();
                    OneBlockCheck.Evaluation ev = OneBlockCheck.evaluation(m, kappa);
                    if (ev == null) {
                        return new Checker.Result(false, key + ": member m=" + mem.get("m") + " is multichain");
                    }
                    value = ev.penalty().div(Frac.of(2)).div(lambda.pow(kappa + 1));
                    hypotheses = Mat.rhoAtMost(h, lambda);
                    break;
                }
                default:
                    return new Checker.Result(false, key + ": unknown quantity " + quantity);
            }
            Frac stored = Frac.parse(mem.get("value").asText());
            Frac closed = Frac.parse(mem.get("closedForm").asText());
            if (value.compareTo(stored) != 0 || value.compareTo(closed) != 0 || !hypotheses) {
                return new Checker.Result(false, key + ": member m=" + mem.get("m") + ": the checker finds " + value
                        + " (stored " + stored + ", closed form " + closed + ", hypotheses " + hypotheses + ")");
            }
            if (previous != null && value.compareTo(previous) <= 0) {
                return new Checker.Result(false, key + ": member m=" + mem.get("m") + " does not exceed the one before ("
                        + value + " after " + previous + "): no growth along the family");
            }
            first = first == null ? value : first;
            previous = value;
        }
        if (previous.compareTo(first.mul(Frac.of(2))) < 0) {
            return new Checker.Result(false, key + ": the last member's value " + previous + " is not twice the first's "
                    + first + ": the family shows no growth");
        }
        return new Checker.Result(true, key + ": every member's value recomputed equals its closed form ("
                + members.size() + " members)");
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
        Frac[][] es = m.sensitivity(0);
        Frac[][] ea = m.sensitivity(1);
        Frac[][] pi = m.sensitivity(2);
        int best = 0;
        for (int i = 0; i < m.n; i++) {
            int d = 0;
            for (int j = 0; j < m.n; j++) {
                boolean edge = i != j && (es[j][i].signum() != 0 || ea[j][i].signum() != 0 || pi[j][i].signum() != 0
                        || es[i][j].signum() != 0 || ea[i][j].signum() != 0 || pi[i][j].signum() != 0);
                d += edge ? 1 : 0;
            }
            best = Math.max(best, d);
        }
        return best;
    }
}
