package io.sparktune.space.searchspec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The training loss: cross-entropy for classification; squared, absolute or Huber error for regression. */
public enum Loss {
    CROSS_ENTROPY(Task.CLASSIFICATION),
    MSE(Task.REGRESSION),
    MAE(Task.REGRESSION),
    HUBER(Task.REGRESSION);

    private final Task task;

    Loss(Task task) {
        this.task = task;
    }

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Task task() {
        return task;
    }

    public static Loss defaultFor(Task task) {
        return task == Task.CLASSIFICATION ? CROSS_ENTROPY : MSE;
    }

    public static List<Loss> forTask(Task task) {
        return Arrays.stream(values()).filter(l -> l.task == task).toList();
    }
}
