package io.sparktune.space;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of the search space, numbered in the order the sampler produced it. {@code params} holds the values of
 * the hyperparameters the space names (by spec name, sorted); {@link #value} falls back to the defaults for the rest.
 * {@code seed} seeds everything random about training this candidate.
 */
public record Candidate(int trialNumber, SortedMap<String, Object> params, long seed) {
    public Candidate {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** Stable, human-readable id, e.g. {@code trial-0007}. */
    public String trialId() {
        return String.format("trial-%04d", trialNumber);
    }

    /** The value of {@code hp} for this candidate: sampled if the space names it, else its default. */
    public Object value(HyperParameter hp) {
        return params.getOrDefault(hp.specName(), hp.defaultValue());
    }

    public int intValue(HyperParameter hp) {
        return ((Number) Objects.requireNonNull(value(hp))).intValue();
    }

    public double doubleValue(HyperParameter hp) {
        return ((Number) Objects.requireNonNull(value(hp))).doubleValue();
    }

    public String stringValue(HyperParameter hp) {
        return String.valueOf(value(hp));
    }
}
