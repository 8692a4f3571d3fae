package io.sparktune.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Repeated measurements of one quantity (seconds, bytes, accuracy …). On a shared, noisy machine the minimum is
 * the best estimate of the undisturbed cost and the median of the typical one; both are reported.
 */
public record Samples(double[] values) {
    public Samples {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        values = values.clone();
    }

    public static Samples of(double... values) {
        return new Samples(values);
    }

    public static Samples of(List<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    public double median() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public int count() {
        return values.length;
    }
}
