package io.sparktune.results.report;

import java.util.List;

/**
 * Tick labels set so that no two overlap. Java cannot measure the browser's font, so widths are estimated from the
 * characters at the stylesheet's 11 px, generously (DejaVu Sans, a wide default sans-serif on Linux, stays under
 * the estimate). A row of labels along a horizontal axis stays level while every label fits between its neighbours;
 * otherwise the labels turn 45° (the end of each at its tick, as matplotlib's {@code rotation=45, ha='right'}), and
 * if even turned ones are too close only every n-th is written. Long labels are cut with an ellipsis; the whole
 * text is the label's tooltip.
 */
final class AxisText {
    /** The font size of chart text, as in the report's stylesheet. */
    static final double FONT = 11;
    /** Height of one line of chart text, with room between lines. */
    static final double LINE = 15;
    /** Longest label written whole. */
    static final int MAX_CHARS = 14;
    /** Attributes of a label drawn over lines: a white outline keeps it readable. */
    static final String HALO = " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"";

    private static final double TURN = Math.sqrt(0.5);

    private AxisText() {}

    /** A generous estimate of the width of {@code text} in pixels at {@link #FONT}. */
    static double width(String text) {
        double ems = 0;
        for (char c : text.toCharArray()) {
            ems += "mwMW%@".indexOf(c) >= 0
                    ? 1.0
                    : "ijlrtf.,:;'|!()[] -".indexOf(c) >= 0 ? 0.42 : Character.isUpperCase(c) ? 0.78 : 0.66;
        }
        return ems * FONT;
    }

    /** {@code label} cut to at most {@code maxWidth} pixels (and {@link #MAX_CHARS} characters), with an ellipsis. */
    static String fit(String label, double maxWidth) {
        String text = label.length() > MAX_CHARS ? label.substring(0, MAX_CHARS - 1) + "\u2026" : label;
        while (text.length() > 1 && width(text) > maxWidth) {
            text = text.substring(0, text.length() - 2) + "\u2026";
        }
        return text;
    }

    /**
     * How a row of labels at increasing {@code positions} (pixels) is written: level or turned, every {@code step}-th
     * label, taking {@code height} pixels below the baseline's top.
     */
    record Row(List<String> labels, boolean turned, int step, double height) {
        /** How far the first label reaches left of its position. */
        double overhang() {
            double first = labels.isEmpty() ? 0 : width(fit(labels.get(0), Double.MAX_VALUE));
            return turned ? (first + LINE) * TURN : first / 2;
        }

        /** The row at {@code positions}, each label's top at {@code top}. */
        String svg(double[] positions, double top, String cssClass) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < labels.size(); i += step) {
                String x = Svg.coordinate(positions[i]);
                String y = Svg.coordinate(top + (turned ? 4 : FONT));
                out.append("<text class=\"")
                        .append(cssClass)
                        .append("\" x=\"")
                        .append(x)
                        .append("\" y=\"")
                        .append(y)
                        .append(
                                turned
                                        ? "\" dy=\"0.7em\" text-anchor=\"end\" transform=\"rotate(-45 " + x + " " + y
                                                + ")\">"
                                        : "\" text-anchor=\"middle\">");
                out.append(text(labels.get(i), Double.MAX_VALUE)).append("</text>\n");
            }
            return out.toString();
        }
    }

    /** The row for {@code labels} at {@code positions} (pixels, increasing). */
    static Row row(double[] positions, List<String> labels) {
        double gap = Double.MAX_VALUE;
        for (int i = 1; i < positions.length; i++) {
            gap = Math.min(gap, positions[i] - positions[i - 1]);
        }
        double widest = labels.stream()
                .mapToDouble(l -> width(fit(l, Double.MAX_VALUE)))
                .max()
                .orElse(0);
        if (widest + 6 <= gap) {
            return new Row(labels, false, 1, LINE);
        }
        int step = (int) Math.ceil(LINE / (gap * TURN));
        return new Row(labels, true, Math.max(1, step), (widest + LINE) * TURN + 4);
    }

    /** Every {@code step}-th of labels {@code gap} pixels apart on a vertical axis, so that lines do not touch. */
    static int verticalStep(double gap) {
        return Math.max(1, (int) Math.ceil(LINE / gap));
    }

    /** The escaped label cut to {@code maxWidth}, with the whole label as tooltip if it was cut. */
    static String text(String label, double maxWidth) {
        String shown = fit(label, maxWidth);
        return Svg.escape(shown) + (shown.equals(label) ? "" : "<title>" + Svg.escape(label) + "</title>");
    }
}
