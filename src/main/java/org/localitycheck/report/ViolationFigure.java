package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Context;
import org.localitycheck.claim.Reading;
import org.localitycheck.claim.Verdict;
import org.localitycheck.claim.Witness;
import org.localitycheck.model.Instance;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.store.CounterexampleFile;
import org.localitycheck.store.WitnessJson;

/**
 * One figure per refuted reading: LHS and RHS of its stored counterexample while one witness parameter (the scalar
 * one that moves them most) runs around its stored value, every point evaluated exactly by the reading's own check.
 */
final class ViolationFigure {
    private static final int HALF_WIDTH = 10;

    private ViolationFigure() {
    }

    /** The sweep's figure, or the two sides at the stored case when no scalar parameter moves them. */
    static ReportFigures.Figure of(StoredCounterexample stored, Path dir) throws IOException {
        JsonNode file = CounterexampleFile.read(dir.resolve(stored.file()));
        Claim claim = Claims.byId(file.get("claim").asText());
        Reading reading = claim.reading(file.get("reading").asText());
        Witness w = WitnessJson.fromTree(file.get("witness"), "witness");
        JsonNode instNode = file.get("instance");
        Instance inst = instNode == null || instNode.isNull() ? null : InstanceJson.fromTree(instNode, Long.MAX_VALUE);
        Context ctx = inst == null ? null : new Context(inst);
        // the scalar parameter along which the two sides change the most (the first one on ties)
        String param = null;
        Sweep best = null;
        for (Map.Entry<String, Object> e : w.values().entrySet()) {
            if (e.getValue() instanceof Rational || e.getValue() instanceof Integer) {
                Sweep sw = Sweep.of(reading, ctx, w, e.getKey());
                if (sw.applicable > 0 && (best == null || sw.distinct > best.distinct)) {
                    best = sw;
                    param = e.getKey();
                }
            }
        }
        String key = claim.id() + "/" + reading.name();
        String name = "violation-" + claim.id() + "-" + reading.name();
        if (param == null) {
            return sides(stored, claim, reading, key, name);
        }
        double[] xs = best.xs;
        double[] lhs = best.lhs;
        double[] rhs = best.rhs;
        Object at = w.values().get(param);
        double x0 = at instanceof Integer ? (Integer) at : ((Rational) at).doubleValue();
        List<Charts.Series> series = List.of(new Charts.Series("LHS", xs, lhs), new Charts.Series("RHS", xs, rhs),
                Charts.Series.points("stored counterexample (LHS)", new double[] {x0},
                        new double[] {Rational.parse(stored.lhs()).doubleValue()}));
        String caption = key + " (" + claim.where() + "): LHS and RHS of the stored counterexample " + stored.file()
                + " as " + param + " moves around its stored value " + at + ", each point from the reading's exact check; "
                + "at the stored point LHS = " + Report.shorten(stored.lhs()) + " and RHS = " + Report.shorten(stored.rhs())
                + " (the statement: " + reading.statement() + ")";
        return ReportFigures.render(name, caption, Charts.lines(key + ": LHS and RHS against " + param, param, "value",
                false, series, Double.NaN, null, 900, 450));
    }

    /** LHS and RHS of the reading's check as one parameter runs through {@link #sweep}. */
    private static final class Sweep {
        double[] xs;
        double[] lhs;
        double[] rhs;
        int applicable;
        int distinct; // distinct (LHS, RHS) pairs among the applicable points

        static Sweep of(Reading reading, Context ctx, Witness w, String param) {
            List<Object> values = sweep(w.values().get(param));
            Sweep s = new Sweep();
            s.xs = new double[values.size()];
            s.lhs = new double[values.size()];
            s.rhs = new double[values.size()];
            Set<String> pairs = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                s.xs[i] = v instanceof Integer ? (Integer) v : ((Rational) v).doubleValue();
                s.lhs[i] = Double.NaN;
                s.rhs[i] = Double.NaN;
                try {
                    Verdict vd = reading.check().apply(ctx, w.with(param, v));
                    if (vd.applicable()) {
                        s.lhs[i] = vd.lhs().doubleValue();
                        s.rhs[i] = vd.rhs().doubleValue();
                        s.applicable++;
                        pairs.add(vd.lhs() + " " + vd.rhs());
                    }
                } catch (RuntimeException outsideTheReadingsDomain) {
                    // a parameter value the reading does not accept (say lambda = 1): no point there
                }
            }
            s.distinct = pairs.size();
            return s;
        }
    }

    /** Without a scalar parameter to move: the two sides at the stored case, side by side. */
    private static ReportFigures.Figure sides(StoredCounterexample stored, Claim claim, Reading reading, String key,
            String name) throws IOException {
        String caption = key + " (" + claim.where() + "): the two sides at the stored counterexample " + stored.file()
                + " (its witness has no scalar parameter to vary): LHS = " + Report.shorten(stored.lhs()) + ", RHS = "
                + Report.shorten(stored.rhs()) + " (the statement: " + reading.statement() + ")";
        CategoryChart chart = new CategoryChart(700, 400);
        chart.setTitle(key + ": LHS and RHS at the stored case");
        chart.setYAxisTitle("value");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("sides", List.of("LHS", "RHS"), List.of(Rational.parse(stored.lhs()).doubleValue(),
                Rational.parse(stored.rhs()).doubleValue()));
        return ReportFigures.render(name, caption, chart);
    }

    /** Integers from max(0, k - 10) to k + 10; rationals v i/10 for i = 0..20 (around 0: -1..1 in steps of 1/10). */
    private static List<Object> sweep(Object center) {
        List<Object> out = new ArrayList<>();
        if (center instanceof Integer) {
            int k = (Integer) center;
            for (int i = Math.max(0, k - HALF_WIDTH); i <= k + HALF_WIDTH; i++) {
                out.add(i);
            }
            return out;
        }
        Rational v = (Rational) center;
        for (int i = 0; i <= 2 * HALF_WIDTH; i++) {
            out.add(v.isZero() ? Rational.of(i - HALF_WIDTH, HALF_WIDTH) : v.multiply(Rational.of(i, HALF_WIDTH)));
        }
        return out;
    }
}
