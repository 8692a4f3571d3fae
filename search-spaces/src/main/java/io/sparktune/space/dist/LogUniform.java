package io.sparktune.space.dist;

import java.util.List;

/** Real values whose logarithm is uniform in [log low, log high] (scikit-learn's {@code loguniform}/{@code reciprocal}). */
public record LogUniform(double low, double high) implements Distribution {
    public LogUniform {
        if (!(Double.isFinite(low) && Double.isFinite(high) && 0 < low && low <= high)) {
            throw new IllegalArgumentException("need finite 0 < low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public Object fromUnit(double u) {
        return Math.exp(Math.log(low) + Uniform.clamp(u) * (Math.log(high) - Math.log(low)));
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
