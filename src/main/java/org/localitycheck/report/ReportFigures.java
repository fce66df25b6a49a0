package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.KappaExampleClaim;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.search.Search;

/** The report's figures from the suite results, each as SVG text and PNG bytes. */
final class ReportFigures {
    record Figure(String name, String caption, String svg, byte[] png) {
    }

    private ReportFigures() {
    }

    interface Drawing {
        void draw(Canvas c);
    }

    static Figure render(String name, String caption, int w, int h, Drawing d) throws IOException {
        SvgCanvas s = new SvgCanvas(w, h);
        d.draw(s);
        PngCanvas p = new PngCanvas(w, h);
        d.draw(p);
        return new Figure(name, caption, s.svg(), p.png());
    }

    static List<Figure> all(JsonNode results) throws IOException {
        List<Figure> out = new ArrayList<>();
        out.add(ratioDistribution(results));
        Figure t7 = thm7(results);
        if (t7 != null) {
            out.add(t7);
        }
        out.add(kappaExample());
        return out;
    }

    static Figure ratioDistribution(JsonNode results) throws IOException {
        List<String> rows = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (Claim c : Claims.all()) {
            for (Reading r : c.readings()) {
                String key = c.id() + "/" + r.name();
                JsonNode res = SuiteResults.reading(results, key);
                if (r.expected() == Expected.PENDING || res == null || !res.has("ratioHistogram")) {
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
        String[] bins = {"<.1", "<.2", "<.3", "<.4", "<.5", "<.6", "<.7", "<.8", "<.9", "<1", "=1", ">1"};
        int w = 900;
        return render("ratio-distribution", "How tight each reading is: the number of checked cases per LHS/RHS bin "
                + "(cases with RHS = 0 are not binned)", w, Figures.heatmapHeight(rows.size()),
                c -> Figures.heatmap(c, "LHS/RHS per reading (suite run)", rows, bins, counts, w));
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
        List<Figures.Series> series = new ArrayList<>();
        ys.forEach((k, v) -> series.add(new Figures.Series(k, xs, v)));
        series.add(new Figures.Series("actual bias", xs, bias)); // drawn last, on top
        String lambda = w.has("lambda") ? w.rational("lambda").toString() : "?";
        return render("thm7-bias", "Theorem 7 (3) on the suite's tightest case for the literal reading (" + c.generated().family()
                + " family, lambda = " + lambda + "): the bias osc(hhat_kappa - h)/2 against each reading's bound", 820, 420,
                cv -> Figures.lines(cv, "Thm. 7 bias vs bounds (log scale)", "kappa", "value", true, series, 820, 420, Double.NaN));
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
        List<Figures.Series> s = List.of(new Figures.Series("0.99^k (least k: " + lp + ")", xs, prior),
                new Figures.Series("0.495^k (least k: " + lo + ")", xs, ours));
        return render("kappa-example", "Section 3's discounted example: rate^kappa against the 0.01 target (dashed); the "
                + "exact least kappa is " + lp + " for 0.99 (the paper says about 458) and " + lo + " for 0.495", 820, 420,
                c -> Figures.lines(c, "Sec. 3: decay to 0.01", "kappa", "rate^kappa", true, s, 820, 420, 0.01));
    }
}
