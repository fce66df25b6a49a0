package org.localitycheck.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, built with XChart and written as PNG bytes and SVG text. */
final class Charts {
    /** A line with markers, or markers alone. */
    record Series(String name, double[] x, double[] y, boolean pointsOnly) {
        Series(String name, double[] x, double[] y) {
            this(name, x, y, false);
        }

        static Series points(String name, double[] x, double[] y) {
            return new Series(name, x, y, true);
        }
    }

    record Drawn(byte[] png, String svg) {
    }

    static {
        System.setProperty("java.awt.headless", "true"); // before any chart touches AWT: no display is needed
    }

    private Charts() {
    }

    static Drawn draw(Chart<?, ?> chart) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return new Drawn(png, svg.toString(StandardCharsets.UTF_8));
    }

    /**
     * Lines with markers. Points whose y is not finite are left out. On a log y axis a y of 0 cannot be drawn: such
     * points go into a series of their own, marked on the axis floor and named "... = 0 (marked on the axis floor)".
     * A horizontal reference line is drawn when {@code refName} is not null.
     */
    static XYChart lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series, double ref,
            String refName, int width, int height) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double minPositive = Double.MAX_VALUE;
        double xmin = Double.MAX_VALUE;
        double xmax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    xmin = Math.min(xmin, s.x()[i]);
                    xmax = Math.max(xmax, s.x()[i]);
                    if (s.y()[i] > 0) {
                        minPositive = Math.min(minPositive, s.y()[i]);
                    }
                }
            }
        }
        if (refName != null && ref > 0) {
            minPositive = Math.min(minPositive, ref);
        }
        double floor = logY ? Math.pow(10, Math.floor(Math.log10(minPositive)) - 1) : 0;
        for (Series s : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> zx = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y)) {
                    continue;
                }
                if (logY && y <= 0) {
                    zx.add(s.x()[i]);
                    continue;
                }
                xs.add(s.x()[i]);
                ys.add(y);
            }
            if (!xs.isEmpty()) {
                XYSeries line = chart.addSeries(s.name(), xs, ys);
                if (s.pointsOnly()) {
                    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    line.setMarker(SeriesMarkers.CROSS);
                }
            }
            if (!zx.isEmpty()) {
                List<Double> zy = new ArrayList<>();
                zx.forEach(x -> zy.add(floor));
                XYSeries z = chart.addSeries(s.name() + " = 0 (marked on the axis floor)", zx, zy);
                z.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                z.setMarker(SeriesMarkers.DIAMOND);
            }
        }
        if (logY) {
            chart.getStyler().setYAxisMin(floor);
        }
        if (refName != null) {
            XYSeries r = chart.addSeries(refName, new double[] {xmin, xmax}, new double[] {ref, ref});
            r.setMarker(SeriesMarkers.NONE);
            r.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            r.setLineColor(Color.DARK_GRAY);
        }
        return chart;
    }

    /**
     * Rows of counts over bins (row labels on the y axis, bin labels on the x axis): each cell shows and is shaded by
     * its share of the row's total in whole percent, at least 1 where the bin has any case.
     */
    static HeatMapChart heatmap(String title, List<String> rows, List<String> bins, List<long[]> counts, int width) {
        List<long[]> percent = new ArrayList<>();
        for (long[] row : counts) {
            long total = 0;
            for (long c : row) {
                total += c;
            }
            long[] p = new long[row.length];
            for (int b = 0; b < row.length; b++) {
                p[b] = row[b] == 0 ? 0 : Math.max(1, Math.round(100.0 * row[b] / total));
            }
            percent.add(p);
        }
        return grid(title, rows, bins, percent, width);
    }

    /** Rows of values in [0, 100] over columns, each cell shaded by its value and showing it. */
    static HeatMapChart grid(String title, List<String> rows, List<String> columns, List<long[]> values, int width) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(90 + 18 * rows.size()).title(title).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.getStyler().setHeatMapValueDecimalPattern("#");
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9e, 0xc0, 0xe8), new Color(0x2b, 0x5c, 0xa8)});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(100);
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                cells.add(new Number[] {c, r, values.get(r)[c]});
            }
        }
        chart.addSeries("value", columns, rows, cells);
        return chart;
    }

    /** One bar per label. */
    static CategoryChart bars(String title, String yLabel, List<String> labels, List<Double> values, int width, int height) {
        CategoryChart chart = new CategoryChart(width, height);
        chart.setTitle(title);
        chart.setYAxisTitle(yLabel);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("largest LHS/RHS", labels, values);
        return chart;
    }
}
