package io.sparktune.space;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of the search space, numbered in the order the sampler produced it. {@code params} holds the values of
 * the hyperparameters the space names and that apply to this candidate (by spec name, sorted: {@code momentum} is
 * absent when the optimizer is adam); {@link #value} falls back to the defaults for the rest.
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

    /** A yes/no hyperparameter ({@code batch_norm}), held as the text {@code true} or {@code false}. */
    public boolean booleanValue(HyperParameter hp) {
        return Boolean.parseBoolean(stringValue(hp));
    }

    /**
     * The width of each hidden layer, {@code n_hidden} of them: the sampled {@code neurons_per_layer} if the space
     * names it, else {@code n_neurons} shrunk layer by layer by {@code funnel} (1: every layer as wide).
     */
    public List<Integer> hiddenWidths() {
        int layers = intValue(HyperParameter.N_HIDDEN);
        Object perLayer = params.get(HyperParameter.NEURONS_PER_LAYER.specName());
        if (perLayer != null) {
            List<Integer> widths = LayerWidths.parse(perLayer.toString());
            if (widths.size() != layers) {
                throw new IllegalStateException(trialId() + ": " + widths.size() + " widths in neurons_per_layer '"
                        + perLayer + "' for n_hidden " + layers);
            }
            return widths;
        }
        return LayerWidths.funnel(layers, intValue(HyperParameter.N_NEURONS), doubleValue(HyperParameter.FUNNEL));
    }
}
