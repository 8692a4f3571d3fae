package io.sparktune.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data range of one axis, linear, logarithmic (base 10) or categorical (category i at value i), with readable
 * tick positions and labels. {@link #fraction} places a value along the axis; the plot turns that into pixels.
 */
final class Scale {
    /** One labelled tick. */
    record Tick(double value, String label) {}

    /** Values closer than this, relative to their size, are one value. */
    private static final double RELATIVE_ROUNDING = 1e-9;
    /** More ticks than any nice step gives: a bound, not a layout choice. */
    private static final int MAX_TICKS = 50;

    private final double low;
    private final double high;
    private final boolean log;
    private final boolean integers;
    private final List<String> categories;

    private Scale(double low, double high, boolean log, boolean integers, List<String> categories) {
        this.low = low;
        this.high = high;
        this.log = log;
        this.integers = integers;
        this.categories = categories;
    }

    /** A linear scale covering {@code values} with a little room on both sides. */
    static Scale linear(double[] values) {
        double[] range = finiteRange(values, false);
        double pad = range[1] > range[0] ? (range[1] - range[0]) * 0.05 : Math.max(Math.abs(range[0]) * 0.1, 0.5);
        return new Scale(range[0] - pad, range[1] + pad, false, false, List.of());
    }

    /** A base-10 logarithmic scale covering the positive {@code values}. */
    static Scale log(double[] values) {
        double[] range = finiteRange(values, true);
        double pad = range[1] > range[0] ? Math.pow(range[1] / range[0], 0.05) : 2;
        return new Scale(range[0] / pad, range[1] * pad, true, false, List.of());
    }

    /** Categories side by side: category {@code i} at value {@code i}. */
    static Scale categorical(List<String> categories) {
        return new Scale(-0.5, categories.size() - 0.5, false, false, List.copyOf(categories));
    }

    /** A linear scale for whole numbers (epochs, trial numbers): half a unit of room each side, whole-number ticks. */
    static Scale integers(double[] values) {
        double[] range = finiteRange(values, false);
        return new Scale(range[0] - 0.5, range[1] + 0.5, false, true, List.of());
    }

    boolean isLog() {
        return log;
    }

    /** The value at the low end of the axis. */
    double low() {
        return low;
    }

    /** Where {@code value} lies along the axis: 0 at the low end, 1 at the high end. */
    double fraction(double value) {
        double t = log
                ? (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
                : (value - low) / (high - low);
        return t;
    }

    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        if (!categories.isEmpty()) {
            for (int i = 0; i < categories.size(); i++) {
                ticks.add(new Tick(i, categories.get(i)));
            }
        } else if (log) {
            logTicks(ticks);
        } else {
            double step = integers ? Math.max(1, niceStep((high - low) / 6)) : niceStep((high - low) / 5);
            double first = Math.ceil(low / step) * step;
            for (double v = first; v <= high + step * 1e-9 && ticks.size() < MAX_TICKS; v += step) {
                ticks.add(new Tick(v, label(Math.abs(v) < step * 1e-9 ? 0 : v)));
            }
        }
        return ticks;
    }

    private void logTicks(List<Tick> ticks) {
        int firstDecade = (int) Math.floor(Math.log10(low));
        int lastDecade = (int) Math.ceil(Math.log10(high));
        // whole decades when the axis spans several, else 1-2-5 steps, else every step of a narrow axis
        for (int[] mantissas : List.of(new int[] {1}, new int[] {1, 2, 5}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9})) {
            ticks.clear();
            logTicks(ticks, firstDecade, lastDecade, mantissas);
            if (ticks.size() >= 3) {
                return;
            }
        }
    }

    private void logTicks(List<Tick> ticks, int firstDecade, int lastDecade, int[] mantissas) {
        for (int decade = firstDecade; decade <= lastDecade; decade++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, decade);
                if (v >= low && v <= high) {
                    ticks.add(new Tick(v, label(v)));
                }
            }
        }
    }

    static String label(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
            return String.format(Locale.ROOT, "%.0e", value)
                    .replace("e-0", "e-")
                    .replace("e+0", "e")
                    .replace("e+", "e");
        }
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * power;
    }

    private static double[] finiteRange(double[] values, boolean positiveOnly) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return positiveOnly ? new double[] {1, 1} : new double[] {0, 1};
        }
        // equal up to rounding (one mean summed in two orders) is equal: a span of a few ulps would give a tick step
        // too small to move a value
        return max - min <= RELATIVE_ROUNDING * Math.max(Math.abs(min), Math.abs(max))
                ? new double[] {min, min}
                : new double[] {min, max};
    }
}
