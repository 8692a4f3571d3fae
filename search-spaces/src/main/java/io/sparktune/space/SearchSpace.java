package io.sparktune.space;

import io.sparktune.space.distribution.Distribution;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The hyperparameters being searched, each with its distribution, in a fixed (sorted) order so that the same seed
 * always gives the same candidates.
 */
public record SearchSpace(SortedMap<HyperParameter, Distribution> dimensions) {
    public SearchSpace {
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static SearchSpace of(Map<HyperParameter, Distribution> dimensions) {
        return new SearchSpace(new TreeMap<>(dimensions));
    }
}
