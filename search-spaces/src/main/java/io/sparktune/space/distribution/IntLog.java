package io.sparktune.space.distribution;

/**
 * Integers in [low, high] (low ≥ 1) spread evenly on a log scale, as Optuna's {@code suggest_int(log=True)}: a
 * log-uniform draw on [low − ½, high + ½] rounded to the nearest integer, so every integer gets the share of the log
 * scale that rounds to it and both ends are as likely as their neighbours allow. Suits widths such as
 * {@code n_neurons: {intlog: [16, 1024]}} where 16 → 32 matters as much as 512 → 1024.
 */
public record IntLog(int low, int high) implements IntegerDistribution {
    public IntLog {
        if (low < 1 || low > high) {
            throw new IllegalArgumentException("need 1 <= low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public Object fromUnit(double u) {
        double logLow = Math.log(low - 0.5);
        double logHigh = Math.log(high + 0.5);
        double value = Math.exp(logLow + Distribution.clampUnit(u) * (logHigh - logLow));
        return (int) Math.min(high, Math.max(low, Math.round(value)));
    }

    @Override
    public double toUnit(Object value) {
        double v = Math.min(high, Math.max(low, Math.rint(Distribution.number(value))));
        double logLow = Math.log(low - 0.5);
        double logHigh = Math.log(high + 0.5);
        // the middle (in log space) of the interval that rounds to v
        double middle = (Math.log(v - 0.5) + Math.log(v + 0.5)) / 2;
        return Distribution.clampUnit((middle - logLow) / (logHigh - logLow));
    }

    @Override
    public String keyword() {
        return "intlog";
    }
}
