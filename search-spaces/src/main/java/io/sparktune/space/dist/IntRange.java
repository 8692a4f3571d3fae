package io.sparktune.space.dist;

import java.util.ArrayList;
import java.util.List;

/** Integers uniform in [low, high], both ends included. */
public record IntRange(int low, int high) implements Distribution {
    public IntRange {
        if (low > high) {
            throw new IllegalArgumentException("need low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public Object fromUnit(double u) {
        long span = (long) high - low + 1;
        long offset = Math.min(span - 1, (long) Math.floor(Uniform.clamp(u) * span));
        return (int) (low + offset);
    }

    @Override
    public List<Object> discreteValues() {
        List<Object> values = new ArrayList<>(high - low + 1);
        for (int v = low; v <= high; v++) {
            values.add(v);
        }
        return values;
    }

    @Override
    public String keyword() {
        return "int";
    }
}
