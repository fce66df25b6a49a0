package org.localitycheck.report;

import java.util.List;
import java.util.Locale;

/** The report's figures, each drawn once onto a {@link Canvas}. */
final class Figures {
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private Figures() {
    }

    record Series(String name, double[] x, double[] y) {
    }

    /** Rows of counts over bins, each row shaded relative to its own largest count, counts written in cells. */
    static void heatmap(Canvas c, String title, List<String> rows, String[] bins, List<long[]> counts, int width) {
        int left = 300;
        int top = 50;
        double cw = (width - left - 20) / (double) bins.length;
        int rh = 16;
        c.text(10, 20, title, 14, "start", false);
        for (int b = 0; b < bins.length; b++) {
            c.text(left + b * cw + cw / 2, top - 8, bins[b], 10, "middle", false);
        }
        for (int r = 0; r < rows.size(); r++) {
            long[] row = counts.get(r);
            long max = 1;
            for (long x : row) {
                max = Math.max(max, x);
            }
            c.text(left - 6, top + r * rh + 12, rows.get(r), 10, "end", false);
            for (int b = 0; b < bins.length; b++) {
                double t = row[b] == 0 ? 0 : 0.15 + 0.85 * row[b] / (double) max;
                int shade = (int) Math.round(255 - t * 200);
                String fill = row[b] == 0 ? "#f7f7f7" : String.format(Locale.ROOT, "#%02x%02x%02x", shade, shade, 255);
                c.rect(left + b * cw + 1, top + r * rh + 1, cw - 2, rh - 2, fill);
                if (row[b] > 0) {
                    c.text(left + b * cw + cw / 2, top + r * rh + 12, Long.toString(row[b]), 9, "middle", false);
                }
            }
        }
    }

    static int heatmapHeight(int rows) {
        return 60 + rows * 16;
    }

    /** Lines with markers; a log10 y axis when logY. */
    static void lines(Canvas c, String title, String xLabel, String yLabel, boolean logY, List<Series> series, int width,
            int height, double hLine) {
        int left = 70;
        int right = 250;
        int top = 40;
        int bottom = 50;
        double xmin = Double.MAX_VALUE;
        double xmax = -Double.MAX_VALUE;
        double ymin = Double.MAX_VALUE;
        double ymax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double y = logY ? Math.log10(s.y()[i]) : s.y()[i];
                if (!Double.isFinite(y)) {
                    continue;
                }
                xmin = Math.min(xmin, s.x()[i]);
                xmax = Math.max(xmax, s.x()[i]);
                ymin = Math.min(ymin, y);
                ymax = Math.max(ymax, y);
            }
        }
        if (!Double.isNaN(hLine)) {
            double y = logY ? Math.log10(hLine) : hLine;
            ymin = Math.min(ymin, y);
            ymax = Math.max(ymax, y);
        }
        if (logY) {
            ymin = Math.floor(ymin);
            ymax = Math.ceil(ymax);
        }
        if (ymax <= ymin) {
            ymax = ymin + 1;
        }
        if (xmax <= xmin) {
            xmax = xmin + 1;
        }
        double pw = width - left - right;
        double ph = height - top - bottom;
        final double x0 = xmin;
        final double x1 = xmax;
        final double y0 = ymin;
        final double y1 = ymax;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator py = v -> top + ph - (v - y0) / (y1 - y0) * ph;
        c.text(10, 22, title, 14, "start", false);
        c.line(left, top + ph, left + pw, top + ph, "#000000", 1, false);
        c.line(left, top, left, top + ph, "#000000", 1, false);
        c.text(left + pw / 2, height - 12, xLabel, 12, "middle", false);
        c.text(18, top + ph / 2, yLabel, 12, "middle", true);
        int yt = logY ? (int) (y1 - y0) : 4;
        int step = Math.max(1, yt / 8);
        for (int k = 0; k <= yt; k += step) {
            double v = y0 + (y1 - y0) * k / yt;
            c.line(left - 4, py.applyAsDouble(v), left, py.applyAsDouble(v), "#000000", 1, false);
            c.line(left, py.applyAsDouble(v), left + pw, py.applyAsDouble(v), "#e0e0e0", 0.5, false);
            c.text(left - 6, py.applyAsDouble(v) + 4, logY ? "1e" + (int) Math.round(v) : String.format(Locale.ROOT, "%.3g", v),
                    10, "end", false);
        }
        double range = x1 - x0;
        int xt = range == Math.rint(range) && range <= 12 ? (int) range : 5;
        for (int k = 0; k <= xt; k++) {
            double v = x0 + (x1 - x0) * k / xt;
            c.line(px.applyAsDouble(v), top + ph, px.applyAsDouble(v), top + ph + 4, "#000000", 1, false);
            c.text(px.applyAsDouble(v), top + ph + 16, String.format(Locale.ROOT, "%.0f", v), 10, "middle", false);
        }
        if (!Double.isNaN(hLine)) {
            double y = py.applyAsDouble(logY ? Math.log10(hLine) : hLine);
            c.line(left, y, left + pw, y, "#555555", 1, true);
        }
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String col = COLORS[s % COLORS.length];
            java.util.List<double[]> pts = new java.util.ArrayList<>();
            for (int i = 0; i < se.x().length; i++) {
                double y = logY ? Math.log10(se.y()[i]) : se.y()[i];
                if (Double.isFinite(y)) {
                    pts.add(new double[] {px.applyAsDouble(se.x()[i]), py.applyAsDouble(y)});
                }
            }
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
            if (xs.length > 1) {
                c.polyline(xs, ys, col, 1.5);
            }
            if (xs.length <= 40) {
                for (int i = 0; i < xs.length; i++) {
                    c.circle(xs[i], ys[i], 2.5, col);
                }
            }
            c.rect(left + pw + 12, top + 8 + s * 18, 14, 3, col);
            c.text(left + pw + 30, top + 12 + s * 18, se.name(), 11, "start", false);
        }
    }
}
