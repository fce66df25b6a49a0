package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.localitycheck.arith.Rational;
import org.localitycheck.model.FactoredFamilies;
import org.localitycheck.model.FactoredInstance;
import org.localitycheck.model.Networks;
import org.localitycheck.quantity.FactoredInfluence;
import org.localitycheck.store.FactoredReferenceJson;

/**
 * The decay figure of a factored instance's reference@2 document: against the depth kappa, the largest entry of
 * the kappa-th term (H^T)^kappa b of the certificate's Neumann series (midpoints of its enclosures, for display)
 * and the certified bound on the whole tail beyond kappa, with epsilon as a dashed line. Log scale.
 */
public final class DecayFigure {
    private DecayFigure() {
    }

    public static byte[] png(JsonNode reference, String title) throws IOException {
        return Charts.draw(chart(reference, title)).png();
    }

    static XYChart chart(JsonNode reference, String title) {
        JsonNode kappa = reference.get("kappa");
        int depths = kappa.size();
        double[] x = new double[depths];
        double[] term = new double[depths];
        double[] tail = new double[depths];
        double[] previous = null;
        for (int k = 0; k < depths; k++) {
            JsonNode row = kappa.get(k);
            x[k] = row.get("k").asInt();
            double[] cert = midpoints(row.get("certificate"));
            double worst = 0;
            for (int i = 0; i < cert.length; i++) {
                worst = Math.max(worst, previous == null ? cert[i] : cert[i] - previous[i]);
            }
            term[k] = worst;
            previous = cert;
            JsonNode t = row.get("tailBound");
            tail[k] = t == null || t.isNull() ? Double.NaN : Rational.parse(t.asText()).doubleValue();
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("largest entry of (H^T)^kappa b", x, term));
        series.add(new Charts.Series("certified bound on the tail beyond kappa", x, tail));
        double eps = Rational.parse(reference.get("epsilon").asText()).doubleValue();
        return Charts.lines(title, "kappa", "value (log scale)", true, series, eps,
                "epsilon = " + reference.get("epsilon").asText(), 900, 420);
    }

    /**
     * README's worked example, drawn by the report so that verify keeps it current: the 10 x 10 grid of
     * {@code generate --network grid --rows 10 --cols 10 --policy softmax --seed 1}, computed as by
     * {@code compute --kappa 50} (epsilon 1e-6), the same bytes as that command's {@code --figure}.
     */
    static XYChart gridExample() {
        FactoredInstance f = FactoredFamilies.on(
                Networks.grid(10, 10),
                FactoredFamilies.Shape.binary(FactoredInstance.SOFTMAX), 1);
        JsonNode ref = FactoredReferenceJson.of(f, new FactoredReferenceJson
                .Options(50, Rational.of(1, 1_000_000), FactoredInfluence.DEFAULT_ENUMERATION_LIMIT,
                        false, 0));
        return chart(ref, "Certificate decay: " + f.name());
    }

    private static double[] midpoints(JsonNode v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            out[i] = e.isObject() ? (Rational.parse(e.get("lower").asText()).doubleValue()
                    + Rational.parse(e.get("upper").asText()).doubleValue()) / 2 : Rational.parse(e.asText()).doubleValue();
        }
        return out;
    }
}
