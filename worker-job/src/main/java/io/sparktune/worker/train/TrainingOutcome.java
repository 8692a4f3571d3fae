package io.sparktune.worker.train;

import io.sparktune.worker.TrialStatus;
import java.util.List;

/**
 * What one early-stopped training produced: the best validation score (the weights of that epoch were restored),
 * the number of epochs run, the 1-based epoch of the best score, wall time and the per-epoch curve.
 */
public record TrainingOutcome(TrialStatus status, double bestScore, int epochsRun, int bestEpoch, double fitSeconds,
                              List<EpochRecord> curve, String message) {
    public TrainingOutcome {
        curve = List.copyOf(curve);
    }
}
