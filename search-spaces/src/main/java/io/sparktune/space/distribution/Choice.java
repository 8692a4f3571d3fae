package io.sparktune.space.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One of a list of values, each drawn with its weight's share of the total (equally likely unless weights are given:
 * {@code {choice: [adam, sgd], weights: [3, 1]}}). In unit space value i owns an interval as wide as its share, in list
 * order, so weights carry over to every sampler that draws through {@link #fromUnit}.
 */
public record Choice(List<Object> values, List<Double> weights) implements Distribution {
    public Choice {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("need at least one value");
        }
        if (weights.size() != values.size()) {
            throw new IllegalArgumentException(
                    "need one weight per value, got " + weights.size() + " for " + values.size() + " values");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w > 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("weights must be finite and > 0, got " + weights);
            }
            total += w;
        }
        List<Double> normalised = new ArrayList<>(weights.size());
        for (double w : weights) {
            normalised.add(w / total);
        }
        values = List.copyOf(values);
        weights = List.copyOf(normalised);
    }

    /** Equally likely values. */
    public Choice(List<Object> values) {
        this(values, Collections.nCopies(values.size(), 1.0));
    }

    /** True unless some value has a larger share than another. */
    public boolean isUnweighted() {
        return weights.stream().distinct().count() == 1;
    }

    @Override
    public Object fromUnit(double u) {
        double x = Distribution.clampUnit(u);
        double upper = 0;
        for (int i = 0; i < values.size() - 1; i++) {
            upper += weights.get(i);
            if (x < upper) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    @Override
    public double toUnit(Object value) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(value + " is not one of " + values);
        }
        return lowerEdge(index) + weights.get(index) / 2;
    }

    /** Where value {@code index}'s interval starts in unit space. */
    public double lowerEdge(int index) {
        double lower = 0;
        for (int i = 0; i < index; i++) {
            lower += weights.get(i);
        }
        return lower;
    }

    @Override
    public List<Object> discreteValues() {
        return values;
    }

    @Override
    public boolean isCategorical() {
        return true;
    }

    @Override
    public String keyword() {
        return "choice";
    }
}
