package io.sparktune.space.spec;

/**
 * Training of one split: at most {@code maxEpochs}; stop after {@code patience} epochs without an improvement of
 * the validation score and restore the best weights.
 */
public record TrainingSettings(int maxEpochs, int patience, int batchSize) {
}
