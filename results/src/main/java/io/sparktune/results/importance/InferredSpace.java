package io.sparktune.results.importance;

import io.sparktune.results.TrialRecord;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.LayerWidths;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.Uniform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A search space read off the trials themselves, for a run whose spec no longer parses (its data moved, say): each
 * hyperparameter the trials hold, numbers over the range they span (on a linear scale: whether the spec said
 * {@code loguniform} is lost), text over the values they take. fANOVA without a configuration space does the same
 * (the original {@code fanova} package takes each column's min and max).
 */
final class InferredSpace {
    private InferredSpace() {}

    static SearchSpace of(List<TrialRecord> trials) {
        Map<HyperParameter, List<Object>> values = new TreeMap<>();
        for (TrialRecord trial : trials) {
            trial.params()
                    .forEach((name, value) -> HyperParameter.bySpecName(name).ifPresent(hp -> {
                        List<Object> seen = values.computeIfAbsent(hp, h -> new ArrayList<>());
                        if (hp == HyperParameter.NEURONS_PER_LAYER) {
                            seen.addAll(LayerWidths.parse(value.toString()));
                        } else {
                            seen.add(value);
                        }
                    }));
        }
        Map<HyperParameter, Distribution> dimensions = new TreeMap<>();
        values.forEach((hp, seen) -> distribution(hp, seen).ifPresent(d -> dimensions.put(hp, d)));
        return SearchSpace.of(dimensions);
    }

    private static Optional<Distribution> distribution(HyperParameter hp, List<Object> seen) {
        if (hp.valueKind() == HyperParameter.Kind.CATEGORY) {
            SortedSet<String> categories = new TreeSet<>();
            seen.forEach(value -> categories.add(String.valueOf(value)));
            return Optional.of(new Choice(new ArrayList<>(categories)));
        }
        double[] numbers = seen.stream()
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
        if (numbers.length == 0) {
            return Optional.empty();
        }
        double low = Arrays.stream(numbers).min().orElseThrow();
        double high = Arrays.stream(numbers).max().orElseThrow();
        return Optional.of(
                hp.valueKind() == HyperParameter.Kind.INT
                        ? new IntRange((int) low, (int) high)
                        : new Uniform(low, high));
    }
}
