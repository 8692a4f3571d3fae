package io.sparktune.space.distribution;

/** Integers uniform in [low, high], both ends included. */
public record IntRange(int low, int high) implements IntegerDistribution {
    public IntRange {
        if (low > high) {
            throw new IllegalArgumentException("need low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public Object fromUnit(double u) {
        long span = (long) high - low + 1;
        long offset = Math.min(span - 1, (long) Math.floor(Distribution.clampUnit(u) * span));
        return (int) (low + offset);
    }

    @Override
    public double toUnit(Object value) {
        long span = (long) high - low + 1;
        double v = Math.min(high, Math.max(low, Math.rint(Distribution.number(value))));
        return (v - low + 0.5) / span;
    }

    @Override
    public String keyword() {
        return "int";
    }
}
