package io.sparktune.space.distribution;

import java.util.List;

/** Real values uniform in [low, high]. */
public record Uniform(double low, double high) implements Distribution {
    public Uniform {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw new IllegalArgumentException("need finite low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public Object fromUnit(double u) {
        // clamped: low + 1.0 * (high - low) can round past high
        return Math.min(high, Math.max(low, low + Distribution.clampUnit(u) * (high - low)));
    }

    @Override
    public double toUnit(Object value) {
        return low == high ? 0.5 : Distribution.clampUnit((Distribution.number(value) - low) / (high - low));
    }

    @Override
    public List<Object> discreteValues() {
        return List.of();
    }

    @Override
    public String keyword() {
        return "uniform";
    }
}
