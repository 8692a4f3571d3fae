package io.sparktune.results;

/** Mean and population standard deviation, NaN for no values. */
final class Stats {
    private Stats() {}

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double std(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return values.length == 0 ? Double.NaN : Math.sqrt(squares / values.length);
    }
}
