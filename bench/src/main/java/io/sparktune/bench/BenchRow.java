package io.sparktune.bench;

import java.util.function.DoublePredicate;

/**
 * One line of the benchmark table: a measured quantity ({@code value}, repeated), the baseline it is compared with,
 * measured in the same run, and their ratio {@code value / baseline} (of the minima and of the medians), checked
 * against the target on the medians. A row without a baseline checks its target, if any, on the median value.
 */
public record BenchRow(
        String suite,
        String measure,
        Samples value,
        Unit unit,
        String baselineName,
        Samples baseline,
        Target target,
        String note) {

    /** How a row's values are printed. */
    public enum Unit {
        SECONDS("s", 1, "%.3f"),
        MILLISECONDS("ms", 1e3, "%.2f"),
        MEGABYTES("MB", 1.0 / (1 << 20), "%.0f"),
        GFLOPS("GFLOP/s", 1e-9, "%.1f"),
        SCORE("", 1, "%.4f");

        private final String suffix;
        private final double scale;
        private final String format;

        Unit(String suffix, double scale, String format) {
            this.suffix = suffix;
            this.scale = scale;
            this.format = format;
        }

        /** {@code value} (seconds, bytes, FLOP/s or a score) in this unit, e.g. {@code 1.234 s}. */
        public String format(double value) {
            String number = String.format(java.util.Locale.ROOT, format, value * scale);
            return suffix.isEmpty() ? number : number + " " + suffix;
        }
    }

    /** What the issue asks of a ratio, e.g. {@code ≤ 1.30}. */
    public record Target(String text, DoublePredicate met) {
        public static Target atMost(double limit) {
            return new Target(String.format(java.util.Locale.ROOT, "≤ %.2f", limit), r -> r <= limit);
        }

        public static Target atLeast(double limit) {
            return new Target(String.format(java.util.Locale.ROOT, "≥ %.2f", limit), r -> r >= limit);
        }
    }

    /** A row with only a value: no baseline, no ratio, no target. */
    public static BenchRow valueOnly(String suite, String measure, Samples value, Unit unit, String note) {
        return new BenchRow(suite, measure, value, unit, null, null, null, note);
    }

    public boolean hasBaseline() {
        return baseline != null;
    }

    public double ratioOfMinima() {
        return value.min() / baseline.min();
    }

    public double ratioOfMedians() {
        return value.median() / baseline.median();
    }

    /**
     * "yes"/"no" when a target applies (to the median ratio, or to the median value without a baseline), else empty.
     */
    public String verdict() {
        if (target == null) {
            return "";
        }
        return target.met().test(hasBaseline() ? ratioOfMedians() : value.median()) ? "yes" : "no";
    }
}
