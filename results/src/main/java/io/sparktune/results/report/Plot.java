package io.sparktune.results.report;

import java.util.List;

/**
 * One SVG chart: a frame with a title, gridlines, ticks and axis labels for two {@link Scale}s, and the marks drawn
 * into it: points ({@code <circle class="point">}, each with a tooltip), lines ({@code <polyline>}), cells and
 * markers. The margins make room for the tick labels (see {@link AxisText}): the left one for the widest y label,
 * the bottom one for x labels turned 45° when they do not fit side by side. {@link #svg()} gives the finished
 * {@code <svg class="chart" data-chart="ID">} element.
 */
final class Plot {
    private static final int MIN_LEFT = 62;
    /** From the left edge to the right end of the y tick labels: the rotated y axis label's room. */
    private static final int Y_LABEL_ROOM = 24;

    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int MIN_BOTTOM = 44;
    /** Below the x tick labels: the x axis label's room. */
    private static final int X_LABEL_ROOM = 20;

    private static final double POINT_RADIUS = 3.5;

    private final String id;
    private final String title;
    private final int width;
    private final int height;
    private final Scale x;
    private final Scale y;
    private final String xLabel;
    private final String yLabel;
    private final List<Scale.Tick> yTicks;
    private final int left;
    private final List<Scale.Tick> xTicks;
    private final AxisText.Row xRow;
    private final int bottom;
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
        this.yTicks = y.ticks();
        double widestY = yTicks.stream()
                .mapToDouble(t -> AxisText.width(AxisText.fit(t.label(), Double.MAX_VALUE)))
                .max()
                .orElse(0);
        this.left = (int) Math.max(MIN_LEFT, Math.ceil(Y_LABEL_ROOM + widestY + 6));
        this.xTicks = x.ticks();
        this.xRow = AxisText.row(
                xTicks.stream().mapToDouble(t -> px(t.value())).toArray(),
                xTicks.stream().map(Scale.Tick::label).toList());
        this.bottom = (int) Math.max(MIN_BOTTOM, Math.ceil(4 + xRow.height() + X_LABEL_ROOM));
    }

    double px(double value) {
        return left + x.fraction(value) * (width - left - RIGHT);
    }

    double py(double value) {
        return height - bottom - y.fraction(value) * (height - TOP - bottom);
    }

    /** A filled circle at ({@code vx}, {@code vy}) whose tooltip is {@code tooltip}. */
    void point(double vx, double vy, String color, String tooltip) {
        point(vx, vy, color, null, tooltip);
    }

    /** A filled circle with an outline in colour {@code stroke} (none if null). */
    void point(double vx, double vy, String color, String stroke, String tooltip) {
        marks.append("<circle class=\"point\" cx=\"")
                .append(Svg.coordinate(px(vx)))
                .append("\" cy=\"")
                .append(Svg.coordinate(py(vy)))
                .append("\" r=\"")
                .append(POINT_RADIUS)
                .append("\" fill=\"")
                .append(color)
                .append(stroke == null ? "" : "\" stroke=\"" + stroke)
                .append("\"><title>")
                .append(Svg.escape(tooltip))
                .append("</title></circle>\n");
    }

    /**
     * A line through {@code points} (each {x, y}) in the given CSS class, e.g. {@code curve} or {@code running-best}.
     */
    void line(String cssClass, List<double[]> points, String color, String tooltip) {
        marks.append("<polyline class=\"")
                .append(cssClass)
                .append("\" fill=\"none\" stroke=\"")
                .append(color)
                .append("\" stroke-width=\"1.6\" points=\"");
        for (double[] p : points) {
            marks.append(Svg.coordinate(px(p[0])))
                    .append(',')
                    .append(Svg.coordinate(py(p[1])))
                    .append(' ');
        }
        marks.append("\"><title>").append(Svg.escape(tooltip)).append("</title></polyline>\n");
    }

    /** A cross on the x axis at {@code vx}: a trial without a score. */
    void missing(double vx, String tooltip) {
        double cx = px(vx);
        double cy = height - bottom - 6;
        marks.append("<path class=\"missing\" stroke=\"#d62728\" stroke-width=\"2\" d=\"M")
                .append(Svg.coordinate(cx - 4))
                .append(' ')
                .append(Svg.coordinate(cy - 4))
                .append(" l8 8 m0 -8 l-8 8\"><title>")
                .append(Svg.escape(tooltip))
                .append("</title></path>\n");
    }

    /** A filled rectangle between fractions {@code fx0..fx1} of the x axis and {@code fy0..fy1} of the y axis. */
    void cell(double fx0, double fx1, double fy0, double fy1, String color, String tooltip) {
        double plotWidth = width - left - RIGHT;
        double plotHeight = height - TOP - bottom;
        double top = height - bottom - fy1 * plotHeight;
        marks.append("<rect class=\"cell\" x=\"")
                .append(Svg.coordinate(left + fx0 * plotWidth))
                .append("\" y=\"")
                .append(Svg.coordinate(top))
                .append("\" width=\"")
                .append(Svg.coordinate((fx1 - fx0) * plotWidth + 0.3))
                .append("\" height=\"")
                .append(Svg.coordinate((fy1 - fy0) * plotHeight + 0.3))
                .append("\" shape-rendering=\"crispEdges\" fill=\"")
                .append(color)
                .append("\"><title>")
                .append(Svg.escape(tooltip))
                .append("</title></rect>\n");
    }

    /**
     * A dashed horizontal line at {@code vy} across the frame, with {@code label} (if not null) above its right end
     * (below it when the line is too close to the top of the frame).
     */
    void level(double vy, String label) {
        String cy = Svg.coordinate(py(vy));
        String dy = py(vy) - TOP < AxisText.LINE ? "1.1em" : "-0.35em";
        marks.append("<line class=\"level\" stroke=\"#888\" stroke-dasharray=\"4 3\" x1=\"")
                .append(left)
                .append("\" x2=\"")
                .append(width - RIGHT)
                .append("\" y1=\"")
                .append(cy)
                .append("\" y2=\"")
                .append(cy)
                .append("\"/>\n");
        if (label != null) {
            marks.append("<text class=\"level-label\" x=\"")
                    .append(width - RIGHT - 4)
                    .append("\" y=\"")
                    .append(cy)
                    .append("\" dy=\"")
                    .append(dy)
                    .append("\" text-anchor=\"end\"")
                    .append(AxisText.HALO)
                    .append('>')
                    .append(Svg.escape(label))
                    .append("</text>\n");
        }
    }

    String svg() {
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"chart\" data-chart=\"")
                .append(Svg.escape(id))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Svg.escape(title))
                .append("\">\n");
        out.append("<text class=\"title\" x=\"")
                .append(width / 2)
                .append("\" y=\"18\" text-anchor=\"middle\">")
                .append(Svg.escape(title))
                .append("</text>\n");
        axes(out);
        out.append(marks);
        return out.append("</svg>\n").toString();
    }

    private void axes(StringBuilder out) {
        int plotBottom = height - bottom;
        int right = width - RIGHT;
        double[] xs = new double[xTicks.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = px(xTicks.get(i).value());
            String cx = Svg.coordinate(xs[i]);
            out.append("<line class=\"grid\" x1=\"")
                    .append(cx)
                    .append("\" x2=\"")
                    .append(cx)
                    .append("\" y1=\"")
                    .append(TOP)
                    .append("\" y2=\"")
                    .append(plotBottom)
                    .append("\"/>\n");
        }
        out.append(xRow.svg(xs, plotBottom + 4, "tick"));
        int yStep = yTicks.size() < 2
                ? 1
                : AxisText.verticalStep(
                        Math.abs(py(yTicks.get(1).value()) - py(yTicks.get(0).value())));
        for (int i = 0; i < yTicks.size(); i++) {
            String cy = Svg.coordinate(py(yTicks.get(i).value()));
            out.append("<line class=\"grid\" x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(right)
                    .append("\" y1=\"")
                    .append(cy)
                    .append("\" y2=\"")
                    .append(cy)
                    .append("\"/>\n");
            if (i % yStep == 0) {
                out.append("<text class=\"tick\" x=\"")
                        .append(left - 6)
                        .append("\" y=\"")
                        .append(cy)
                        .append("\" dy=\"0.32em\" text-anchor=\"end\">")
                        .append(AxisText.text(yTicks.get(i).label(), Double.MAX_VALUE))
                        .append("</text>\n");
            }
        }
        out.append("<rect class=\"frame\" x=\"")
                .append(left)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(right - left)
                .append("\" height=\"")
                .append(plotBottom - TOP)
                .append("\" fill=\"none\"/>\n");
        out.append("<text class=\"axis-label\" x=\"")
                .append((left + right) / 2)
                .append("\" y=\"")
                .append(height - 8)
                .append("\" text-anchor=\"middle\">")
                .append(Svg.escape(xLabel))
                .append(x.isLog() ? " (log scale)" : "")
                .append("</text>\n");
        int middle = (TOP + plotBottom) / 2;
        out.append("<text class=\"axis-label\" x=\"14\" y=\"")
                .append(middle)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(middle)
                .append(")\">")
                .append(Svg.escape(yLabel))
                .append(y.isLog() ? " (log scale)" : "")
                .append("</text>\n");
    }
}
