package io.sparktune.space.spec;

import java.util.List;

/**
 * How candidates are drawn and scored. Exactly one of {@code cv} (k-fold, k >= 2) or
 * {@code validationSplit} (a single hold-out fraction in (0,1)) is in effect: {@link #folds()} tells which.
 */
public record SearchSettings(String sampler, int nIter, int cv, double validationSplit, long seed) {

    /** The random-search sampler, the default. */
    public static final String RANDOM = "random";

    /** Sampler names a spec may use. */
    public static final List<String> SAMPLERS = List.of(RANDOM);

    /** Number of train/validation splits each candidate is scored on. */
    public int folds() {
        return cv > 0 ? cv : 1;
    }

    public boolean usesKFold() {
        return cv > 0;
    }
}
