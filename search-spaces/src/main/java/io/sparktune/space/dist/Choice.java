package io.sparktune.space.dist;

import java.util.List;

/** One of a list of values, equally likely. */
public record Choice(List<Object> values) implements Distribution {
    public Choice {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("need at least one value");
        }
        values = List.copyOf(values);
    }

    @Override
    public Object fromUnit(double u) {
        int index = Math.min(values.size() - 1, (int) Math.floor(Uniform.clamp(u) * values.size()));
        return values.get(index);
    }

    @Override
    public List<Object> discreteValues() {
        return values;
    }

    @Override
    public String keyword() {
        return "choice";
    }
}
