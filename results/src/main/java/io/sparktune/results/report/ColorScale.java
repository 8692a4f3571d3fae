package io.sparktune.results.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Scores as colours: matplotlib's viridis (perceptually uniform, readable in grey and by colour-blind readers), from
 * dark violet for the lowest score to yellow-green for the highest. Its last tenth, a pale yellow hard to see on
 * white, is left out.
 */
final class ColorScale {
    /** Viridis at 0, 0.1, …, 0.9. */
    private static final int[] VIRIDIS = {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26
    };

    private static final int LEGEND_STOPS = 5;

    private final double low;
    private final double high;

    /** Colours for values from {@code low} to {@code high}. */
    ColorScale(double low, double high) {
        this.low = low;
        this.high = high;
    }

    /** The scale of the finite {@code values}. */
    static ColorScale of(double[] values) {
        double low = Arrays.stream(values).filter(Double::isFinite).min().orElse(0);
        double high = Arrays.stream(values).filter(Double::isFinite).max().orElse(1);
        return new ColorScale(low, high);
    }

    /** The colour of {@code value} (the middle colour if every value is the same). */
    String color(double value) {
        double t = high > low ? Math.max(0, Math.min(1, (value - low) / (high - low))) : 0.5;
        return at(t);
    }

    private static String at(double t) {
        double position = t * (VIRIDIS.length - 1);
        int i = Math.min((int) position, VIRIDIS.length - 2);
        double f = position - i;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (VIRIDIS[i] >> shift) & 0xff;
            int b = (VIRIDIS[i + 1] >> shift) & 0xff;
            rgb |= (int) Math.round(a + (b - a) * f) << shift;
        }
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /** An HTML colour bar from the lowest to the highest value, labelled with both, for a figure's legend. */
    String legend(String what) {
        StringBuilder gradient = new StringBuilder("linear-gradient(to right");
        for (int i = 0; i < LEGEND_STOPS; i++) {
            gradient.append(", ").append(at(i / (LEGEND_STOPS - 1.0)));
        }
        return "<p class=\"color-legend\" style=\"font-size:12px;margin:4px 0\">" + Svg.escape(what) + ": "
                + Svg.number(low, 4)
                + " <span class=\"color-bar\" style=\"display:inline-block;width:180px;height:10px;"
                + "vertical-align:middle;background:" + gradient + ")\"></span> " + Svg.number(high, 4) + "</p>\n";
    }
}
