package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.localitycheck.arith.Rational;
import org.localitycheck.arith.SpectralRadius;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.KappaExampleClaim;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.SoftmaxPolicy;
import org.localitycheck.quantity.Softmax;
import org.localitycheck.quantity.TotalVariation;
import org.localitycheck.search.PaperExamples;
import org.localitycheck.search.Search;

/** The report's figures from the suite results, each as SVG text and PNG bytes. */
final class ReportFigures {
    record Figure(String name, String caption, String svg, byte[] png) {
    }

    private ReportFigures() {
    }

    static Figure render(String name, String caption, Chart<?, ?> chart)
            throws IOException {
        Charts.Drawn d = Charts.draw(chart);
        return new Figure(name, caption, d.svg(), d.png());
    }

    static List<Figure> all(JsonNode results, Map<String, List<StoredCounterexample>> stored, Path counterexamples)
            throws IOException {
        List<Figure> out = new ArrayList<>();
        out.add(tightness(results));
        out.add(ratioDistribution(results));
        Figure search = search(results);
        if (search != null) {
            out.add(search);
        }
        Figure t7 = thm7(results);
        if (t7 != null) {
            out.add(t7);
        }
        out.add(kappaExample());
        out.add(lemma8());
        out.add(hub());
        out.add(render("factored-grid-decay", "Factored instances (README's worked example): on the 10 x 10 grid with a "
                + "softmax policy, the largest entry of the kappa-th term (H^T)^kappa delta(r^pi) of the certificate and the "
                + "certified bound on the whole tail beyond kappa; the least kappa with tail bound at most 1e-6 is where the "
                + "upper line crosses the dashed one.", DecayFigure.gridExample()));
        for (List<StoredCounterexample> files : stored.values()) {
            Figure v = ViolationFigure.of(files.get(0), counterexamples);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Largest LHS/RHS per reading expected to hold (1 = the bound is attained). */
    static Figure tightness(JsonNode results) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Claim c : Claims.all()) {
            for (Reading r : c.readings()) {
                JsonNode res = SuiteResults.reading(results, c.id() + "/" + r.name());
                if (r.expected() != Expected.HOLDS || r.existential() || res == null || res.get("maxRatio").isNull()) {
                    continue;
                }
                labels.add(c.id() + "/" + r.name());
                values.add(Math.min(1.0, Rational.parse(res.get("maxRatio").asText()).doubleValue()));
            }
        }
        return render("tightness", "How hard the search pushed on each reading that holds: the largest LHS/RHS among "
                + "its checked cases (1 = the bound is attained; a bar near 0 means no case came close)",
                Charts.bars("Largest LHS/RHS per reading that holds (suite run)", "largest LHS/RHS", labels, values, 1100,
                        720));
    }

    static Figure ratioDistribution(JsonNode results) throws IOException {
        List<String> rows = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (Claim c : Claims.all()) {
            for (Reading r : c.readings()) {
                String key = c.id() + "/" + r.name();
                JsonNode res = SuiteResults.reading(results, key);
                if (res == null || !res.has("ratioHistogram")) {
                    continue;
                }
                long[] h = new long[res.get("ratioHistogram").size()];
                long total = 0;
                for (int i = 0; i < h.length; i++) {
                    h[i] = res.get("ratioHistogram").get(i).asLong();
                    total += h[i];
                }
                if (total > 0) {
                    rows.add(key + " (" + r.expected().label() + ")");
                    counts.add(h);
                }
            }
        }
        List<String> bins = List.of("<.1", "<.2", "<.3", "<.4", "<.5", "<.6", "<.7", "<.8", "<.9", "<1", "=1", ">1");
        return render("ratio-distribution", "How tight each reading is: the share of its checked cases per LHS/RHS bin, in "
                + "whole percent of the reading's binned cases (at least 1 where a bin has any); cases with RHS = 0 are not "
                + "binned", Charts.heatmap("LHS/RHS per reading (suite run)", rows, bins,
                        counts, 1100));
    }

    /**
     * How hard the search pushed: per reading that holds, the largest LHS/RHS among the first 1, 3, 7, ..., 2^(k+1) - 1
     * cases tried (percent); null when the results predate this record.
     */
    static Figure search(JsonNode results) throws IOException {
        List<String> rows = new ArrayList<>();
        List<long[]> cells = new ArrayList<>();
        int width = 0;
        for (Claim c : Claims.all()) {
            for (Reading r : c.readings()) {
                JsonNode res = SuiteResults.reading(results, c.id() + "/" + r.name());
                if (r.expected() != Expected.HOLDS || r.existential() || res == null || !res.has("maxRatioByCases")
                        || res.get("maxRatioByCases").isEmpty()) {
                    continue;
                }
                JsonNode by = res.get("maxRatioByCases");
                long[] row = new long[by.size()];
                Rational running = null;
                for (int k = 0; k < by.size(); k++) {
                    if (by.get(k).isTextual()) {
                        Rational x = Rational.parse(by.get(k).asText());
                        running = running == null || x.compareTo(running) > 0 ? x : running;
                    }
                    row[k] = running == null ? 0 : Math.min(100, Math.round(100 * running.doubleValue()));
                }
                rows.add(c.id() + "/" + r.name());
                cells.add(row);
                width = Math.max(width, row.length);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            columns.add(Long.toString((1L << (k + 1)) - 1));
        }
        for (int i = 0; i < cells.size(); i++) {
            long[] full = Arrays.copyOf(cells.get(i), width);
            for (int k = cells.get(i).length; k < width; k++) {
                full[k] = cells.get(i).length == 0 ? 0 : cells.get(i)[cells.get(i).length - 1];
            }
            cells.set(i, full);
        }
        return render("search", "How hard the search pushed on each reading that holds: the largest LHS/RHS (in percent, "
                + "100 = the bound attained) among the first N cases tried, N = 1, 3, 7, 15, ... (suite run, cases in the "
                + "order the seed draws them); a row that reaches 100 early was pressed to equality, a row that stays low "
                + "was never approached. The suite stops a claim once each of its readings has its applicable cases, so a "
                + "row keeps its last value past the cases its claim was given", Charts.grid("Largest LHS/RHS (%) within the first N cases", rows, columns, cells,
                        1100));
    }

    /** Theorem 7's bias on the suite's tightest case for the literal reading: kappa against the bias and each bound. */
    static Figure thm7(JsonNode results) throws IOException {
        JsonNode res = SuiteResults.reading(results, "thm7-bias/literal");
        if (res == null || !res.has("maxCaseSeed")) {
            return null;
        }
        Claim claim = Claims.byId("thm7-bias");
        Search.Case c = Search.draw(claim, Long.parseLong(res.get("maxCaseSeed").asText()), res.get("maxCaseIndex").asLong());
        Context ctx = c.context();
        Witness w = c.witness();
        Map<String, double[]> ys = new LinkedHashMap<>();
        int kmax = 10;
        double[] xs = new double[kmax + 1];
        String[] readings = {"literal", "untransposed", "proof-n-binf"};
        double[] bias = new double[kmax + 1];
        for (String r : readings) {
            ys.put("bound: " + r, new double[kmax + 1]);
        }
        for (int k = 0; k <= kmax; k++) {
            xs[k] = k;
            Witness wk = w.with("kappa", k);
            for (String r : readings) {
                Verdict v = claim.reading(r).check().apply(ctx, wk);
                ys.get("bound: " + r)[k] = v.applicable() ? v.rhs().doubleValue() : Double.NaN;
                bias[k] = v.applicable() ? v.lhs().doubleValue() : Double.NaN;
            }
        }
        List<Charts.Series> series = new ArrayList<>();
        ys.forEach((k, v) -> series.add(new Charts.Series(k, xs, v)));
        series.add(new Charts.Series("actual bias", xs, bias)); // drawn last, on top
        String lambda = w.has("lambda") ? w.rational("lambda").toString() : "?";
        return render("thm7-bias", "Theorem 7 (3) on the suite's tightest case for the literal reading (" + c.generated().family()
                + " family, lambda = " + lambda + "): the bias osc(hhat_kappa - h)/2 against each reading's bound; where the "
                + "bias is exactly 0 it is marked on the axis floor", Charts.lines("Thm. 7 bias vs bounds (log scale)", "kappa",
                        "value", true, series, Double.NaN, null, 900, 450));
    }

    /** Lemma 8's ratio 2 tau TV/||u - v|| along u = 0, v = eps (1, -1, 1, -1): how fast it approaches 1. */
    static Figure lemma8() throws IOException {
        int jmax = 14;
        double[] xs = new double[jmax];
        List<Charts.Series> series = new ArrayList<>();
        for (Rational tau : new Rational[] {Rational.parse("1/4"), Rational.ONE, Rational.of(4)}) {
            double[] gap = new double[jmax];
            for (int j = 1; j <= jmax; j++) {
                Rational eps = Rational.of(1, 1L << j);
                Rational[] u = {Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO};
                Rational[] v = {eps, eps.negate(), eps, eps.negate()};
                var tv = TotalVariation.of(
                        Softmax.probabilities(u, tau, 200),
                        Softmax.probabilities(v, tau, 200));
                Rational ratio = tv.upper().multiply(tau.multiply(Rational.TWO)).divide(eps);
                xs[j - 1] = j;
                gap[j - 1] = Rational.ONE.subtract(ratio).doubleValue();
            }
            series.add(new Charts.Series("tau = " + tau, xs.clone(), gap));
        }
        return render("lemma8-sharp", "Lemma 8: 1 - 2 tau TV/||u - v|| along u = 0, v = eps (1, -1, 1, -1), eps = 2^-j, "
                + "from enclosures (upper end of TV): the ratio approaches 1, its gap shrinking about four times per halving "
                + "of eps, and stays strictly below 1", Charts.lines("Lemma 8: gap to the constant 1/(2 tau)",
                        "j (eps = 2^-j)", "1 - ratio", true, series, Double.NaN, null, 900, 450));
    }

    /** E.2 with a softmax hub (n = 4, g_1(s, 1) = s_2 + s_3 + s_4): tau against rho(H) and (1/(2 tau)) sum L. */
    static Figure hub() throws IOException {
        int n = 4;
        List<Double> taus = new ArrayList<>();
        List<Double> rhoHi = new ArrayList<>();
        List<Double> bound = new ArrayList<>();
        for (int j = -3; j <= 5; j++) {
            Rational tau = j >= 0 ? Rational.of(1L << j) : Rational.of(1, 1L << -j);
            Instance inst = hubInstance(n, tau);
            Context ctx = new Context(inst);
            var hHi = ctx.softmaxH(128).upper();
            taus.add(tau.doubleValue());
            rhoHi.add(SpectralRadius.enclose(hHi).upper().doubleValue());
            bound.add(Rational.of(n - 1).divide(tau.multiply(Rational.TWO)).doubleValue());
        }
        double[] x = taus.stream().mapToDouble(t -> Math.log(t) / Math.log(2)).toArray();
        List<Charts.Series> s = List.of(new Charts.Series("rho(H) (enclosure, upper)", x,
                rhoHi.stream().mapToDouble(Double::doubleValue).toArray()),
                new Charts.Series("(n-1) L/(2 tau)", x, bound.stream().mapToDouble(Double::doubleValue).toArray()));
        return render("hub-tau", "App. E.2, softmax hub with n = 4 and L_{1<-j} = 1 for the spokes: rho(H) and the bound "
                + "(1/(2 tau)) sum_{j>1} L_{1<-j} against log2 tau; locality (rho < 1, dashed) is certified for tau > 3/2",
                Charts.lines("E.2 hub: rho(H) vs tau (log scale)", "log2 tau", "value", true, s, 1.0, "rho = 1", 900, 450));
    }

    static Instance hubInstance(int n, Rational tau) {
        Rational[] zero = new Rational[n];
        Arrays.fill(zero, Rational.ZERO);
        Instance tab = PaperExamples.hub(zero);
        var st = tab.states();
        Rational[][][] logits = new Rational[n][st.size()][];
        for (int s2 = 0; s2 < st.size(); s2++) {
            int sum = 0;
            for (int i = 1; i < n; i++) {
                sum += st.digit(s2, i);
            }
            logits[0][s2] = new Rational[] {Rational.ZERO, Rational.of(sum)};
            for (int j = 1; j < n; j++) {
                logits[j][s2] = new Rational[] {Rational.ZERO, Rational.ZERO};
            }
        }
        return Instance.of("hub-softmax-figure", tab.agents(), tab.kernel(),
                SoftmaxPolicy.of(tau, logits, tab.agents(), st), tab.rewardTable());
    }

    static Figure kappaExample() throws IOException {
        int kmax = 500;
        double[] xs = new double[kmax + 1];
        double[] prior = new double[kmax + 1];
        double[] ours = new double[kmax + 1];
        Rational p = Rational.ONE;
        Rational q = Rational.ONE;
        for (int k = 0; k <= kmax; k++) {
            xs[k] = k;
            // shown down to 1e-6; below that the 0.495 curve is not informative
            prior[k] = p.compareTo(Rational.parse("0.000001")) < 0 ? Double.NaN : p.doubleValue();
            ours[k] = q.compareTo(Rational.parse("0.000001")) < 0 ? Double.NaN : q.doubleValue();
            p = p.multiply(KappaExampleClaim.PRIOR);
            q = q.multiply(KappaExampleClaim.OURS);
        }
        int lp = KappaExampleClaim.least(KappaExampleClaim.PRIOR);
        int lo = KappaExampleClaim.least(KappaExampleClaim.OURS);
        List<Charts.Series> s = List.of(new Charts.Series("0.99^k (least k: " + lp + ")", xs, prior),
                new Charts.Series("0.495^k (least k: " + lo + ")", xs, ours));
        return render("kappa-example", "Section 3's discounted example: rate^kappa against the 0.01 target (dashed); the "
                + "exact least kappa is " + lp + " for 0.99 (the paper says about 458) and " + lo + " for 0.495",
                Charts.lines("Sec. 3: decay to 0.01", "kappa", "rate^kappa", true, s, 0.01, "target 0.01", 900, 450));
    }
}
