package io.sparktune.space.dist;

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
        return low + clamp(u) * (high - low);
    }

    @Override
    public List<Object> discreteValues() {
        return List.of();
    }

    @Override
    public String keyword() {
        return "uniform";
    }

    static double clamp(double u) {
        return Math.min(1.0, Math.max(0.0, u));
    }
}
