package io.sparktune.results.report;

import java.util.List;

/**
 * One SVG chart: a frame with a title, gridlines, ticks and axis labels for two {@link Scale}s, and the marks drawn
 * into it: points ({@code <circle class="point">}, each with a tooltip), lines ({@code <polyline>}) and markers.
 * {@link #svg()} gives the finished {@code <svg class="chart" data-chart="ID">} element.
 */
final class Plot {
    private static final int LEFT = 62;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 44;
    private static final double POINT_RADIUS = 3.5;

    private final String id;
    private final String title;
    private final int width;
    private final int height;
    private final Scale x;
    private final Scale y;
    private final String xLabel;
    private final String yLabel;
    private final StringBuilder marks = new StringBuilder();

    Plot(String id, String title, int width, int height, Scale x, String xLabel, Scale y, String yLabel) {
        this.id = id;
        this.title = title;
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    double px(double value) {
        return LEFT + x.fraction(value) * (width - LEFT - RIGHT);
    }

    double py(double value) {
        return height - BOTTOM - y.fraction(value) * (height - TOP - BOTTOM);
    }

    /** A filled circle at ({@code vx}, {@code vy}) whose tooltip is {@code tooltip}. */
    void point(double vx, double vy, String color, String tooltip) {
        marks.append("<circle class=\"point\" cx=\"").append(Svg.coordinate(px(vx))).append("\" cy=\"")
                .append(Svg.coordinate(py(vy))).append("\" r=\"").append(POINT_RADIUS).append("\" fill=\"").append(color)
                .append("\"><title>").append(Svg.escape(tooltip)).append("</title></circle>\n");
    }

    /** A line through {@code points} (each {x, y}) in the given CSS class, e.g. {@code curve} or {@code running-best}. */
    void line(String cssClass, List<double[]> points, String color, String tooltip) {
        marks.append("<polyline class=\"").append(cssClass).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"1.6\" points=\"");
        for (double[] p : points) {
            marks.append(Svg.coordinate(px(p[0]))).append(',').append(Svg.coordinate(py(p[1]))).append(' ');
        }
        marks.append("\"><title>").append(Svg.escape(tooltip)).append("</title></polyline>\n");
    }

    /** A cross on the x axis at {@code vx}: a trial without a score. */
    void missing(double vx, String tooltip) {
        double cx = px(vx);
        double cy = height - BOTTOM - 6;
        marks.append("<path class=\"missing\" stroke=\"#d62728\" stroke-width=\"2\" d=\"M").append(Svg.coordinate(cx - 4))
                .append(' ').append(Svg.coordinate(cy - 4)).append(" l8 8 m0 -8 l-8 8\"><title>").append(Svg.escape(tooltip))
                .append("</title></path>\n");
    }

    String svg() {
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"chart\" data-chart=\"").append(Svg.escape(id)).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Svg.escape(title)).append("\">\n");
        out.append("<text class=\"title\" x=\"").append(width / 2).append("\" y=\"18\" text-anchor=\"middle\">")
                .append(Svg.escape(title)).append("</text>\n");
        axes(out);
        out.append(marks);
        return out.append("</svg>\n").toString();
    }

    private void axes(StringBuilder out) {
        int bottom = height - BOTTOM;
        int right = width - RIGHT;
        for (Scale.Tick tick : x.ticks()) {
            String cx = Svg.coordinate(px(tick.value()));
            out.append("<line class=\"grid\" x1=\"").append(cx).append("\" x2=\"").append(cx).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(bottom).append("\"/>\n<text class=\"tick\" x=\"").append(cx).append("\" y=\"")
                    .append(bottom + 15).append("\" text-anchor=\"middle\">").append(Svg.escape(tick.label())).append("</text>\n");
        }
        for (Scale.Tick tick : y.ticks()) {
            String cy = Svg.coordinate(py(tick.value()));
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(right).append("\" y1=\"").append(cy)
                    .append("\" y2=\"").append(cy).append("\"/>\n<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(cy).append("\" dy=\"0.32em\" text-anchor=\"end\">").append(Svg.escape(tick.label())).append("</text>\n");
        }
        out.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(right - LEFT).append("\" height=\"").append(bottom - TOP).append("\" fill=\"none\"/>\n");
        out.append("<text class=\"axis-label\" x=\"").append((LEFT + right) / 2).append("\" y=\"").append(height - 8)
                .append("\" text-anchor=\"middle\">").append(Svg.escape(xLabel)).append(x.isLog() ? " (log scale)" : "")
                .append("</text>\n");
        int middle = (TOP + bottom) / 2;
        out.append("<text class=\"axis-label\" x=\"14\" y=\"").append(middle).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(middle).append(")\">").append(Svg.escape(yLabel)).append("</text>\n");
    }
}
