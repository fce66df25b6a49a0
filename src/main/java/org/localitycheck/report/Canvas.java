package org.localitycheck.report;

/** The few drawing operations the figures use, so one drawing gives both the SVG and the PNG. */
interface Canvas {
    void rect(double x, double y, double w, double h, String fill);

    void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

    void polyline(double[] xs, double[] ys, String stroke, double width);

    void circle(double x, double y, double r, String fill);

    /** anchor: "start", "middle" or "end". */
    void text(double x, double y, String s, int size, String anchor, boolean vertical);
}
