package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-verifies a counterexample file from its bytes alone. It reads the file with its own strict rules (format, shapes,
 * probability rows, scopes, output-form numbers, known witness parameters, limits), checks that the name carries the
 * content hash, recomputes every stored matrix and requires exact equality, then recomputes with this package's own
 * code every sub-inequality of the named reading and accepts the file only when one of them is violated with exactly
 * the stored LHS and RHS (for readings decided by enclosures: stored ends that its own tighter enclosures confirm, see
 * {@link #endsAgree}). Shares JSON tokenising with the engine (Jackson) and nothing else.
 */
public final class Checker {
    private Checker() {
    }

    /** ACCEPTED: the file certifies its violation. REJECTED: well formed, but not a certificate. MALFORMED: bad input. */
    public enum Outcome { ACCEPTED, REJECTED, MALFORMED }

    /** The outcome and why. */
    public record Result(Outcome outcome, String message) {
        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }

        static Result of(boolean accepted, String message) {
            return new Result(accepted ? Outcome.ACCEPTED : Outcome.REJECTED, message);
        }
    }

    private record Pair(Frac lhs, Frac rhs, boolean violated) {
    }

    public static final String FORMAT = "locality-check/counterexample@1";
    public static final String FAMILY_FORMAT = "locality-check/family@1";

    /** Reads and checks one file; the file name must carry the content hash. */
    public static Result check(Path file) {
        JsonNode tree;
        try {
            tree = StrictJson.read(file);
        } catch (StrictJson.Invalid e) {
            return new Result(Outcome.MALFORMED, e.getMessage());
        } catch (IOException e) {
            return new Result(Outcome.MALFORMED, "file: cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Path name = file.getFileName();
        return check(tree, name == null ? "" : name.toString());
    }

    /**
     * Only what a file is: read strictly, a known format, and (for a counterexample) a name carrying its content hash.
     * Cheap; for listing stored files, not for certifying them.
     */
    public static Result identify(Path file) {
        try {
            JsonNode tree = StrictJson.read(file);
            if (!tree.isObject()) {
                throw new StrictJson.Invalid("file", "expected a JSON object");
            }
            String format = StrictJson.text(tree, "format", "file");
            String name = String.valueOf(file.getFileName());
            String claim = StrictJson.text(tree, "claim", "file");
            String reading = StrictJson.text(tree, "reading", "file");
            String expected = format.equals(FAMILY_FORMAT) ? claim + "-" + reading + "-family.json"
                    : format.equals(FORMAT) ? claim + "-" + reading + "-" + contentHash(tree) + ".json" : null;
            if (expected == null) {
                throw new StrictJson.Invalid("format", "not a counterexample or family file");
            }
            return expected.equals(name) ? Result.of(true, claim + "/" + reading)
                    : Result.of(false, "the name does not carry the content (expected " + expected + ")");
        } catch (StrictJson.Invalid e) {
            return new Result(Outcome.MALFORMED, e.getMessage());
        } catch (IOException e) {
            return new Result(Outcome.MALFORMED, "file: cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Checks a parsed file whose name is fileName (null: the name is not checked, for content built in memory). */
    public static Result check(JsonNode file, String fileName) {
        try {
            if (file == null || !file.isObject()) {
                throw new StrictJson.Invalid("file", "expected a JSON object (a counterexample or family file)");
            }
            String format = StrictJson.text(file, "format", "file");
            if (format.equals(FAMILY_FORMAT)) {
                return FamilyCheck.check(file, fileName);
            }
            if (!format.equals(FORMAT)) {
                throw new StrictJson.Invalid("format", "expected \"" + FORMAT + "\" or \"" + FAMILY_FORMAT
                        + "\", found \"" + StrictJson.clip(format) + "\"");
            }
            String claim = StrictJson.text(file, "claim", "file");
            String reading = StrictJson.text(file, "reading", "file");
            String key = claim + "/" + reading;
            if (fileName != null) {
                String expected = claim + "-" + reading + "-" + contentHash(file) + ".json";
                if (!expected.equals(fileName)) {
                    return Result.of(false, key + ": the name " + StrictJson.clip(fileName)
                            + " does not carry the content hash; the content gives " + expected);
                }
            }
            JsonNode inst = StrictJson.field(file, "instance", "file");
            Mdp m = inst.isNull() ? null : new Mdp(inst);
            Frac lhs = StrictJson.number(file.get("lhs"), "lhs");
            Frac rhs = StrictJson.number(file.get("rhs"), "rhs");
            String at = StrictJson.text(file, "at", "file");
            found(StrictJson.object(file, "found", "file"));
            verifyMatrices(file, m);
            if (!WITNESS.containsKey(key)) {
                return Result.of(false, key + ": the checker has no code for this reading");
            }
            if (m == null && !key.equals("kappa-example/prior-458")) {
                throw new StrictJson.Invalid("instance", "this reading needs an instance");
            }
            Params w = new Params(StrictJson.field(file, "witness", "file"), m);
            Set<String> given = new TreeSet<>(w.keys());
            given.remove("alpha");
            if (!given.equals(WITNESS.get(key))) {
                throw new StrictJson.Invalid("witness", key + " has the parameters " + new TreeSet<>(WITNESS.get(key))
                        + ", the file " + w.keys());
            }
            if (key.startsWith("one-block/") || key.startsWith("cor15/")) {
                precision(at); // refused before the work, not after
            }
            return decide(key, m, w, lhs, rhs, at);
        } catch (StrictJson.Invalid e) {
            return new Result(Outcome.MALFORMED, e.getMessage());
        } catch (RuntimeException e) {
            return Result.of(false, "the checker could not verify the file: " + e);
        }
    }

    /** Provenance: a generator name, a case seed (a long, as a string), a case index and counts, each well formed. */
    private static void found(JsonNode f) {
        StrictJson.onlyKeys(f, "found", "generator", "caseSeed", "case", "climbSeed", "climbSteps", "shrinkSteps");
        StrictJson.text(f, "generator", "found");
        for (String seed : new String[] {"caseSeed", "climbSeed"}) {
            if (f.has(seed) || seed.equals("caseSeed")) {
                String s = StrictJson.text(f, seed, "found");
                if (!s.matches("-?(0|[1-9][0-9]{0,18})")) {
                    throw new StrictJson.Invalid("found." + seed, "expected a 64-bit integer as a string");
                }
                try {
                    Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new StrictJson.Invalid("found." + seed, "expected a 64-bit integer as a string");
                }
            }
        }
        JsonNode c = f.get("case");
        if (c == null || !c.isIntegralNumber() || !c.canConvertToLong() || c.asLong() < 0) {
            throw new StrictJson.Invalid("found.case", "expected an integer at least 0");
        }
        StrictJson.integer(f.get("shrinkSteps"), "found.shrinkSteps", 0, Integer.MAX_VALUE);
        if (f.has("climbSteps")) {
            StrictJson.integer(f.get("climbSteps"), "found.climbSteps", 1, Integer.MAX_VALUE);
        }
    }

    /** The identity of a counterexample: SHA-256 of the canonical JSON of claim, reading, instance and witness. */
    static String contentHash(JsonNode file) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        for (String k : new String[] {"claim", "reading", "instance", "witness"}) {
            key.set(k, StrictJson.field(file, k, "file"));
        }
        return StrictJson.sha256Hex(StrictJson.canonical(key)).substring(0, 12);
    }

    /** Tabular instances: exactly Es, Ea, Pi, C and H, each equal to the checker's own. No instance: no matrices. */
    private static void verifyMatrices(JsonNode file, Mdp m) {
        JsonNode mats = file.get("matrices");
        if (m == null) {
            if (mats != null) {
                throw new StrictJson.Invalid("matrices", "present without an instance");
            }
            return;
        }
        mats = StrictJson.object(file, "matrices", "file");
        Frac[][] es = m.sensitivity(0);
        Frac[][] ea = m.sensitivity(1);
        Frac[][] pi = m.sensitivity(2);
        Map<String, Frac[][]> own = Map.of("Es", es, "Ea", ea, "Pi", pi, "C", m.sensitivity(3),
                "H", Mat.add(es, Mat.mul(ea, pi)));
        if (mats.size() != own.size()) {
            throw new StrictJson.Invalid("matrices", "expected exactly Es, Ea, Pi, C and H");
        }
        for (var e : own.entrySet()) {
            String place = "matrices." + e.getKey();
            JsonNode rows = StrictJson.array(mats.get(e.getKey()), place, m.n);
            for (int j = 0; j < m.n; j++) {
                Frac[] row = StrictJson.numbers(rows.get(j), place + "[" + j + "]", m.n);
                for (int i = 0; i < m.n; i++) {
                    if (row[i].compareTo(e.getValue()[j][i]) != 0) {
                        throw new StrictJson.Invalid(place + "[" + j + "][" + i + "]", "stored "
                                + StrictJson.clip(row[i].toString()) + ", the checker computes "
                                + StrictJson.clip(e.getValue()[j][i].toString()));
                    }
                }
            }
        }
    }

    /**
     * The readings the checker has code for, each with exactly the witness parameters its statement has (those the
     * check does not use included: a certificate carries its whole witness, nothing more or less), besides which only
     * {@code alpha} may appear: the parameter of Section 3's example family, recorded when a case came from it.
     */
    private static final Map<String, Set<String>> WITNESS = witnessKeys();

    /** The readings the checker has code for ("claim/reading"). */
    static Set<String> readings() {
        return new TreeSet<>(WITNESS.keySet());
    }

    private static Map<String, Set<String>> witnessKeys() {
        Map<String, Set<String>> m = new HashMap<>();
        BiConsumer<String, String> put = (readings, keys) -> {
            for (String r : readings.split(" ")) {
                m.put(r, keys.isEmpty() ? Set.of() : Set.of(keys.split(",")));
            }
        };
        put.accept("lpi/scoped-update", "k,kappa,tau");
        put.accept("one-block/kl-anchored one-block/proof-step one-block/entropy-regularized "
                + "one-block/second-form-kl-anchored one-block/second-form-entropy-regularized "
                + "one-block/performance-difference-kl-anchored one-block/performance-difference-entropy-regularized",
                "k,kappa,lambda,tau");
        put.accept("cor15/literal cor15/stale", "kappa,tau");
        put.accept("kappa-example/prior-458 leader-follower/rho-at-least-one leader-follower/ea-zero "
                + "spectral-vs-norm/prior-norm-certifies "
                + "thm3-resolvent/norm-series-step thm3-resolvent/without-hypothesis prop1/coupling-equality", "");
        put.accept("c-governs/literal", "f");
        put.accept("thm3-uniform/literal", "f,lambda,m,t");
        put.accept("sparsity/literal-constant sparsity/same-pattern sparsity/vanishing-blocks", "lambda,m,t");
        put.accept("thm3-poisson/any-constant", "c");
        put.accept("discounted/strictly-tighter discounted/true-rate", "f,gamma");
        put.accept("thm7-certificate/neumann-equality thm7-certificate/two-sided thm7-certificate/two-sided-internal",
                "kappa,lambda");
        put.accept("weighted/resolvent-untransposed", "f,w");
        put.accept("thm7-locality/reverse-ball", "b2,kappa");
        put.accept("thm7-bias/literal thm7-bias/c-zero", "kappa,lambda,m");
        return Map.copyOf(m);
    }

    private static Result decide(String key, Mdp m, Params w, Frac lhs, Frac rhs, String at) {
        switch (key) {
            case "lpi/scoped-update": {
                boolean v = OneBlockCheck.scopedUpdateBroken(m, w) && lhs.compareTo(Frac.ONE) == 0 && rhs.isZero();
                return Result.of(v, key + (v ? ": the update differs within one view of O_k"
                        : ": the checker finds the update well defined, or the sides are not 1 and 0"));
            }
            case "one-block/kl-anchored":
            case "one-block/proof-step":
            case "one-block/entropy-regularized":
            case "one-block/second-form-kl-anchored":
            case "one-block/second-form-entropy-regularized":
            case "one-block/performance-difference-kl-anchored":
            case "one-block/performance-difference-entropy-regularized": {
                int bits = precision(at);
                return enclosed(key, OneBlockCheck.sides(m, w, key.endsWith("kl-anchored") ? OneBlockCheck.Form.KL_ANCHORED
                        : key.endsWith("proof-step") ? OneBlockCheck.Form.PROOF_STEP
                        : OneBlockCheck.Form.ENTROPY_REGULARIZED, key.contains("/second-form-")
                        ? OneBlockCheck.Charge.SECOND_FORM : key.contains("/performance-difference-")
                        ? OneBlockCheck.Charge.IDENTITY : OneBlockCheck.Charge.BIAS), lhs, rhs, bits);
            }
            case "cor15/literal": {
                int bits = precision(at);
                return enclosed(key, OneBlockCheck.recomputedSides(m, w), lhs, rhs, bits);
            }
            case "cor15/stale": {
                int bits = precision(at);
                return enclosed(key, OneBlockCheck.staleSides(m, w), lhs, rhs, bits);
            }
            default:
                break;
        }
        List<Pair> pairs = subChecks(key, m, w);
        for (Pair p : pairs) {
            if (p.violated && p.lhs.compareTo(lhs) == 0 && p.rhs.compareTo(rhs) == 0) {
                return Result.of(true, key + ": violated, lhs " + StrictJson.clip(lhs.toString()) + " against rhs "
                        + StrictJson.clip(rhs.toString()));
            }
        }
        return Result.of(false, key + ": no violated sub-check with the stored lhs and rhs ("
                + pairs.stream().filter(Pair::violated).count() + " violated sub-checks found)");
    }

    /**
     * Enclosure-decided readings: the file's lhs is the charged side's lower end rounded down, and its rhs the gain's
     * upper end rounded up, to multiples of 2^-(B-8), B the precision its "at" names ("bits B"). The checker's own
     * enclosures (at {@link OneBlockCheck#BITS} bits) must prove the violation, and each stored end must be exactly that
     * rounding of a point of the checker's enclosure: an end moved by any amount is refused (two values are possible
     * only when a multiple of 2^-(B-8) lies inside the checker's enclosure, of width about 2^-160).
     */
    static boolean endsAgree(OneBlockCheck.Sides own, Frac lhs, Frac rhs, int bits) {
        int grid = bits - 8;
        boolean lhsOk = lhs.equals(Enclose.point(own.charged().lo()).round(grid).lo())
                || lhs.equals(Enclose.point(own.charged().hi()).round(grid).lo());
        boolean rhsOk = rhs.equals(Enclose.point(own.gain().lo()).round(grid).hi())
                || rhs.equals(Enclose.point(own.gain().hi()).round(grid).hi());
        return own.charged().lo().compareTo(own.gain().hi()) > 0 && lhsOk && rhsOk && lhs.compareTo(rhs) > 0;
    }

    /** The precision B of "... bits B", which must be 64..1024. */
    static int precision(String at) {
        Matcher b = Pattern.compile("bits ([1-9]\\d{1,3})$").matcher(at);
        if (!b.find() || Integer.parseInt(b.group(1)) < 64 || Integer.parseInt(b.group(1)) > 1024) {
            throw new StrictJson.Invalid("at", "an enclosure-decided reading ends in \"bits B\", 64 <= B <= 1024");
        }
        return Integer.parseInt(b.group(1));
    }

    private static Result enclosed(String key, OneBlockCheck.Sides own, Frac lhs, Frac rhs, int bits) {
        if (own == null) {
            return Result.of(false, key + ": the checker finds a multichain policy, no violation");
        }
        boolean v = endsAgree(own, lhs, rhs, bits);
        return Result.of(v, key + (v ? ": violated (own enclosures at " + OneBlockCheck.BITS
                + " bits separate the sides and give the stored ends)"
                : ": the checker's enclosures do not show this violation with these ends"));
    }

    private static List<Pair> subChecks(String key, Mdp m, Params w) {
        if (key.equals("kappa-example/prior-458")) {
            Frac l = Frac.parse("99/100").pow(458);
            Frac r = Frac.parse("1/100");
            return List.of(atMost(l, r));
        }
        Frac[][] h = m.h();
        switch (key) {
            case "c-governs/literal": {
                Frac[] f = w.vector("f");
                Frac[] lhs = m.delta(Mdp.apply(m.joint(), f));
                Frac[] rhs = Mat.mul(Mat.t(m.sensitivity(3)), m.delta(f));
                return entrywise(lhs, rhs);
            }
            case "thm3-uniform/literal": {
                int t = w.count("t");
                if (!w.number("lambda").isZero() || !Mat.nilpotent(h) || t < 1) {
                    return List.of();
                }
                Frac[] f = w.vector("f");
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
                int t = w.count("t");
                if (!w.number("lambda").isZero() || !Mat.nilpotent(h) || t < 1) {
                    return List.of();
                }
                return List.of(atMost(Mat.normInf(Mat.pow(Mat.t(h), t)), Frac.ZERO));
            }
            case "sparsity/same-pattern":
            case "sparsity/vanishing-blocks": {
                int t = key.endsWith("same-pattern") ? 1 : w.count("t");
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
            case "leader-follower/ea-zero": {
                boolean example = m.n == 2 && m.ms[0] == 2 && m.ms[1] == 2;
                for (int s = 0; s < m.ns && example; s++) {
                    for (int a = 0; a < m.na; a++) {
                        example &= m.p[1][s][a][Mdp.digit(m.ms, s, 0)].compareTo(Frac.ONE) == 0;
                    }
                }
                return example && !Mat.isZero(m.sensitivity(1)) ? List.of(new Pair(Frac.ONE, Frac.ZERO, true)) : List.of();
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
                Frac gap = sol[0].sub(w.number("c"));
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
                Frac[] wt = w.vector("w");
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
            case "thm7-certificate/two-sided":
            case "thm7-certificate/two-sided-internal": {
                int kappa = w.count("kappa");
                Frac lambda = w.number("lambda");
                Frac[] sol = m.poisson(m.joint());
                if (sol == null || !Mat.rhoBelow(Mat.t(h), lambda)) {
                    return List.of();
                }
                Frac c = Mat.leastConstant(Mat.t(h), lambda);
                Frac[] b = m.delta(m.rewardUnderPolicy());
                // Step 1's certificate sum_t (H^T)^t b, or (internal) Thm. 7's own transposition sum_t H^t b
                Frac[] cert = certificate(key.endsWith("internal") ? Mat.t(h) : h, b, kappa);
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
                int kappa = w.count("kappa");
                Frac[] other = w.vector("b2");
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
                int kappa = w.count("kappa");
                Frac lambda = w.number("lambda");
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
        return Arrays.copyOfRange(sol, 1, sol.length);
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
