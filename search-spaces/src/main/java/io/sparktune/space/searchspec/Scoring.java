package io.sparktune.space.searchspec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The validation metric that ranks candidates, named as scikit-learn names its scorers. Higher is always better:
 * errors are negated ({@code neg_mean_squared_error}), as in scikit-learn.
 */
public enum Scoring {
    ACCURACY(Task.CLASSIFICATION),
    NEG_LOG_LOSS(Task.CLASSIFICATION),
    NEG_MEAN_SQUARED_ERROR(Task.REGRESSION),
    NEG_MEAN_ABSOLUTE_ERROR(Task.REGRESSION),
    R2(Task.REGRESSION);

    private final Task task;

    Scoring(Task task) {
        this.task = task;
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task this metric scores. */
    public Task task() {
        return task;
    }

    /** The metric used when the spec names none: accuracy, or the negated mean squared error. */
    public static Scoring defaultFor(Task task) {
        return task == Task.CLASSIFICATION ? ACCURACY : NEG_MEAN_SQUARED_ERROR;
    }

    /** Every metric of {@code task}, in declaration order. */
    public static List<Scoring> forTask(Task task) {
        return Arrays.stream(values()).filter(s -> s.task == task).toList();
    }
}
