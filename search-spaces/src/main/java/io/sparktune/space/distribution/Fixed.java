package io.sparktune.space.distribution;

import java.util.List;
import java.util.Objects;

/** Always the same value. */
public record Fixed(Object value) implements Distribution {
    public Fixed {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Object fromUnit(double u) {
        return value;
    }

    @Override
    public double toUnit(Object v) {
        return 0.5;
    }

    @Override
    public List<Object> discreteValues() {
        return List.of(value);
    }

    @Override
    public boolean isCategorical() {
        return true;
    }

    @Override
    public String keyword() {
        return "fixed";
    }
}
