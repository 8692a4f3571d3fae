package io.sparktune.space.searchspec;

import io.sparktune.space.Conditions;
import io.sparktune.space.Conditions.Condition;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Distribution;
import java.util.List;
import java.util.Map;

/**
 * Checks the hyperparameters of a space against each other: no two ways of setting the same thing
 * ({@code n_neurons} and {@code neurons_per_layer}), and no hyperparameter that could never apply (a momentum when
 * the optimizer is always adam): such a dimension would only make a search look larger than it is.
 */
final class SpaceChecks {
    private static final Map<HyperParameter, HyperParameter> EXCLUSIVE = Map.of(
            HyperParameter.N_NEURONS, HyperParameter.NEURONS_PER_LAYER,
            HyperParameter.FUNNEL, HyperParameter.NEURONS_PER_LAYER);
    private static final Map<HyperParameter, String> WHY_EXCLUSIVE = Map.of(
            HyperParameter.N_NEURONS, "per-layer widths replace the shared width",
            HyperParameter.FUNNEL, "funnel shrinks the shared width n_neurons; draw per-layer widths or a funnel");

    private final Problems problems;

    SpaceChecks(Problems problems) {
        this.problems = problems;
    }

    /** True if {@code space} passes; else its problems are recorded. */
    boolean check(SearchSpace space) {
        int before = problems.size();
        Map<HyperParameter, Distribution> dimensions = space.dimensions();
        EXCLUSIVE.forEach((hp, other) -> {
            if (dimensions.containsKey(hp) && dimensions.containsKey(other)) {
                problems.add(
                        path(hp), "cannot be combined with " + other.specName() + " (" + WHY_EXCLUSIVE.get(hp) + ")");
            }
        });
        for (HyperParameter hp : dimensions.keySet()) {
            Conditions.of(hp).ifPresent(condition -> checkApplies(hp, condition, dimensions));
        }
        return problems.size() == before;
    }

    private void checkApplies(HyperParameter hp, Condition condition, Map<HyperParameter, Distribution> dimensions) {
        HyperParameter parent = condition.parent();
        Distribution parentDistribution = dimensions.get(parent);
        List<Object> parentValues =
                parentDistribution == null ? List.of(parent.defaultValue()) : parentDistribution.discreteValues();
        if (parentValues.stream().noneMatch(condition::appliesWhen)) {
            String where = parentDistribution == null
                    ? parent.specName() + " is not in the space and defaults to " + parent.defaultValue()
                    : path(parent) + " never is";
            problems.add(path(hp), "never applies: used only when " + condition.text() + ", and " + where);
        }
    }

    private static String path(HyperParameter hp) {
        return "space." + hp.specName();
    }
}
