package io.sparktune.space.distribution;

import java.util.List;

/**
 * Real values whose logarithm is uniform in [log low, log high] (scikit-learn's {@code loguniform}/{@code reciprocal}).
 */
public record LogUniform(double low, double high) implements Distribution {
    public LogUniform {
        if (!(Double.isFinite(low) && Double.isFinite(high) && 0 < low && low <= high)) {
            throw new IllegalArgumentException("need finite 0 < low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public Object fromUnit(double u) {
        double value = Math.exp(Math.log(low) + Distribution.clampUnit(u) * (Math.log(high) - Math.log(low)));
        // exp(log(x)) need not give x back: keep draws inside [low, high]
        return Math.min(high, Math.max(low, value));
    }

    @Override
    public double toUnit(Object value) {
        if (low == high) {
            return 0.5;
        }
        double v = Distribution.number(value);
        return v <= low
                ? 0.0
                : Distribution.clampUnit((Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)));
    }

    @Override
    public List<Object> discreteValues() {
        return List.of();
    }

    @Override
    public String keyword() {
        return "loguniform";
    }
}
