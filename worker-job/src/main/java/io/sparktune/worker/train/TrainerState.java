package io.sparktune.worker.train;

import io.sparktune.records.EpochRecord;
import java.util.List;

/**
 * Where an early-stopped training stands between segments (a multi-fidelity scheduler trains a trial rung by rung):
 * the best validation score so far and its epoch, the epochs since it, and the curve so far.
 */
public record TrainerState(double bestScore, int bestEpoch, int epochsWithoutImprovement, List<EpochRecord> curve) {
    public TrainerState {
        curve = List.copyOf(curve);
    }

    /** A training that has not started. */
    public static TrainerState initial() {
        return new TrainerState(Double.NEGATIVE_INFINITY, 0, 0, List.of());
    }

    /** Epochs trained so far. */
    public int epochs() {
        return curve.size();
    }
}
