package io.sparktune.space.dist;

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
    public List<Object> discreteValues() {
        return List.of(value);
    }

    @Override
    public String keyword() {
        return "fixed";
    }
}
