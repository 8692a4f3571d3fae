package io.sparktune.space;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hyperparameters that apply only when another one has certain values. A candidate holds such a hyperparameter only
 * where it applies (its leaderboard cell is empty elsewhere), so that e.g. two adam candidates never differ by an
 * unused momentum. Every parent is unconditional, so one level of conditions is all there is.
 */
public final class Conditions {
    /** When {@code child} applies: {@code test} on the value of {@code parent}; {@code text} says so in messages. */
    public record Condition(HyperParameter parent, Predicate<Object> test, String text) {
        public boolean appliesWhen(Object parentValue) {
            return test.test(parentValue);
        }
    }

    private static final Map<HyperParameter, Condition> CONDITIONS = new EnumMap<>(HyperParameter.class);

    static {
        Condition hidden = atLeast(HyperParameter.N_HIDDEN, 1);
        for (HyperParameter hp : List.of(
                HyperParameter.N_NEURONS,
                HyperParameter.NEURONS_PER_LAYER,
                HyperParameter.ACTIVATION,
                HyperParameter.BATCH_NORM)) {
            CONDITIONS.put(hp, hidden);
        }
        CONDITIONS.put(HyperParameter.FUNNEL, atLeast(HyperParameter.N_HIDDEN, 2));
        CONDITIONS.put(HyperParameter.MOMENTUM, optimizerIs(Optimizer.MOMENTUM, Optimizer.NESTEROV));
        Condition adamFamily = optimizerIs(Optimizer.ADAM, Optimizer.NADAM, Optimizer.ADAMAX, Optimizer.AMSGRAD);
        CONDITIONS.put(HyperParameter.BETA1, adamFamily);
        CONDITIONS.put(HyperParameter.BETA2, adamFamily);
        CONDITIONS.put(
                HyperParameter.EPSILON,
                optimizerIs(
                        Optimizer.ADAGRAD,
                        Optimizer.RMSPROP,
                        Optimizer.ADAM,
                        Optimizer.NADAM,
                        Optimizer.ADAMAX,
                        Optimizer.AMSGRAD));
        CONDITIONS.put(HyperParameter.RHO, optimizerIs(Optimizer.RMSPROP));
        CONDITIONS.put(HyperParameter.LR_DECAY_RATE, lrScheduleIs(LrSchedule.EXPONENTIAL, LrSchedule.STEP));
        CONDITIONS.put(HyperParameter.LR_DECAY_EPOCHS, lrScheduleIs(LrSchedule.STEP, LrSchedule.COSINE));
        CONDITIONS.put(HyperParameter.LR_MIN_RATIO, lrScheduleIs(LrSchedule.COSINE));
    }

    private Conditions() {}

    /** When {@code hp} applies, or empty if it always does. */
    public static Optional<Condition> of(HyperParameter hp) {
        return Optional.ofNullable(CONDITIONS.get(hp));
    }

    /** True if {@code hp} is a parent of some condition. */
    public static boolean isParent(HyperParameter hp) {
        return CONDITIONS.values().stream().anyMatch(c -> c.parent() == hp);
    }

    private static Condition atLeast(HyperParameter parent, int min) {
        return new Condition(
                parent, v -> v instanceof Number n && n.intValue() >= min, parent.specName() + " ≥ " + min);
    }

    private static Condition optimizerIs(Optimizer... optimizers) {
        return oneOf(HyperParameter.OPTIMIZER, SpecNames.of(optimizers));
    }

    private static Condition lrScheduleIs(LrSchedule... schedules) {
        return oneOf(HyperParameter.LR_SCHEDULE, SpecNames.of(schedules));
    }

    private static Condition oneOf(HyperParameter parent, List<String> values) {
        Set<String> allowed = Set.copyOf(values);
        int last = values.size() - 1;
        String text = parent.specName() + " is "
                + (last == 0 ? values.get(0) : String.join(", ", values.subList(0, last)) + " or " + values.get(last));
        return new Condition(parent, allowed::contains, text);
    }
}
