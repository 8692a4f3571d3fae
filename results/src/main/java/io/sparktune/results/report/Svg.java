package io.sparktune.results.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text helpers shared by the report's HTML and SVG: escaping, compact coordinates, the series colours. */
final class Svg {
    /** Colours of successive series (Tableau 10, as matplotlib's default cycle). */
    private static final String[] PALETTE = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
    };

    private Svg() {}

    /** {@code text} safe inside an element or a double-quoted attribute (of HTML and of XML alike). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A pixel coordinate with one decimal, as SVG wants it (no locale, no exponent). */
    static String coordinate(double pixel) {
        return String.format(Locale.ROOT, "%.1f", pixel);
    }

    /** The colour of series {@code index}, cycling. */
    static String color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** A score, a loss or a time as the report prints it; "–" for NaN. */
    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "\u2013" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Hyperparameter values as {@code name=value, …}, reals to 3 significant digits. */
    static String params(Map<String, Object> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> out.append(out.length() == 0 ? "" : ", ")
                .append(name)
                .append('=')
                .append(value instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : String.valueOf(value)));
        return out.toString();
    }

    /** One legend entry: a colour swatch and its label. */
    record LegendEntry(String color, String label) {}

    /** A chart with its legend (if any) and caption, as an HTML {@code <figure>}. */
    static String figure(String svg, List<LegendEntry> legend, String caption) {
        StringBuilder out = new StringBuilder("<figure>\n").append(svg);
        if (!legend.isEmpty()) {
            out.append("<ul class=\"legend\">");
            legend.forEach(entry -> out.append("<li><span class=\"swatch\" style=\"background:")
                    .append(entry.color())
                    .append("\"></span>")
                    .append(escape(entry.label()))
                    .append("</li>"));
            out.append("</ul>\n");
        }
        return out.append("<figcaption>")
                .append(escape(caption))
                .append("</figcaption>\n</figure>\n")
                .toString();
    }
}
