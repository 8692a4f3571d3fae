package io.sparktune.records;

/** How a training ended. Only {@code OK} trainings have a meaningful score; the others rank last. */
public enum TrialStatus {
    /** Trained and scored. */
    OK,
    /** The loss or the validation score became NaN or infinite; training stopped at once. */
    DIVERGED,
    /** An exception ended the training; its message is kept. */
    FAILED
}
