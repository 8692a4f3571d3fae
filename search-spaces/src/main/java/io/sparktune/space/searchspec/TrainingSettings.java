package io.sparktune.space.searchspec;

/**
 * Training of one split: at most {@code maxEpochs}; stop after {@code patience} epochs without an improvement of the
 * validation score by more than {@code minDelta} and restore the best weights; stop after the epoch in which
 * {@code maxTrialSeconds} (0 = no limit) ran out. {@code huberDelta} is the Huber loss's threshold.
 */
public record TrainingSettings(
        int maxEpochs,
        int patience,
        int batchSize,
        Loss loss,
        double huberDelta,
        double minDelta,
        double maxTrialSeconds) {

    /** Classification defaults: cross-entropy, no minimum improvement, no time limit. */
    public TrainingSettings(int maxEpochs, int patience, int batchSize) {
        this(maxEpochs, patience, batchSize, Loss.CROSS_ENTROPY, 1.0, 0.0, 0.0);
    }

    /** The epochs without improvement that end a training: {@code patience}, and at least one (a patience of 0). */
    public int effectivePatience() {
        return Math.max(1, patience);
    }
}
