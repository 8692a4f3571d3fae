package io.sparktune.results.report;

import io.sparktune.results.TrialRecord;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.IntLog;
import io.sparktune.space.distribution.LogUniform;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The axis of one hyperparameter in the report's charts, as its distribution says: logarithmic for {@code loguniform}
 * and {@code intlog}, whole numbers for integer hyperparameters, linear otherwise, and side-by-side categories for
 * values that are not numbers (the spec's choices in its order, then any other value seen).
 *
 * @param categories the categories, empty for a numeric axis
 */
record ParamAxis(String name, Distribution distribution, Scale scale, List<String> categories) {

    /** The axis of {@code name} covering its values in {@code trials}; {@code distribution} null if unknown. */
    static ParamAxis of(String name, Distribution distribution, List<TrialRecord> trials) {
        List<Object> seen = trials.stream()
                .map(t -> t.params().get(name))
                .filter(v -> v != null)
                .toList();
        if (seen.stream().anyMatch(v -> !(v instanceof Number))) {
            List<String> categories = new ArrayList<>();
            if (distribution != null) {
                distribution.discreteValues().forEach(v -> categories.add(String.valueOf(v)));
            }
            new TreeSet<>(seen.stream().map(String::valueOf).toList())
                    .stream().filter(v -> !categories.contains(v)).forEach(categories::add);
            return new ParamAxis(name, distribution, Scale.categorical(categories), List.copyOf(categories));
        }
        double[] values =
                seen.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        boolean integer = HyperParameter.bySpecName(name)
                .map(h -> h.kind() == HyperParameter.Kind.INT)
                .orElse(false);
        Scale scale = distribution instanceof LogUniform || distribution instanceof IntLog
                ? Scale.log(values)
                : integer ? Scale.integers(values) : Scale.linear(values);
        return new ParamAxis(name, distribution, scale, List.of());
    }

    boolean categorical() {
        return !categories.isEmpty();
    }

    /** The trial's value on this axis (a category's index for categories); NaN if the trial has no such value. */
    double value(TrialRecord trial) {
        Object value = trial.params().get(name);
        if (value == null) {
            return Double.NaN;
        }
        return categorical() ? categories.indexOf(String.valueOf(value)) : ((Number) value).doubleValue();
    }

    /** The name with its distribution's keyword, e.g. {@code learning_rate ~ loguniform}. */
    String described() {
        return distribution == null ? name : name + " ~ " + distribution.keyword();
    }
}
