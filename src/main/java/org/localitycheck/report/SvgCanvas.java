package org.localitycheck.report;

import java.util.Locale;

/** Writes the drawing as SVG text, numbers with two decimals so the output is stable. */
final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double w, boolean dashed) {
        sb.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(f(w)).append(dashed ? "\" stroke-dasharray=\"4 3\"/>\n" : "\"/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String stroke, double w) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(f(w))
                .append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(f(xs[i])).append(',').append(f(ys[i]));
        }
        sb.append("\"/>\n");
    }

    @Override
    public void circle(double x, double y, double r, String fill) {
        sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"").append(f(r))
                .append("\" fill=\"").append(fill).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String s, int size, String anchor, boolean vertical) {
        sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" font-size=\"").append(size)
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (vertical) {
            sb.append(" transform=\"rotate(-90 ").append(f(x)).append(' ').append(f(y)).append(")\"");
        }
        sb.append('>').append(Report.esc(s)).append("</text>\n");
    }

    String svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" font-family=\"DejaVu Sans, sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + sb
                + "</svg>\n";
    }
}
