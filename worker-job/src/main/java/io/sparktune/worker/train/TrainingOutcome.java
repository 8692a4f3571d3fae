package io.sparktune.worker.train;

import io.sparktune.records.EpochRecord;
import io.sparktune.records.TrialStatus;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one early-stopped training produced: the best validation score (the weights of that epoch were restored),
 * the number of epochs run, the 1-based epoch of the best score, wall time, the per-epoch curve, and every
 * validation metric of the weights the network holds at the end (null if it diverged or ran no epoch; empty if its
 * scorer computes no other metric).
 */
public record TrainingOutcome(
        TrialStatus status,
        double bestScore,
        int epochsRun,
        int bestEpoch,
        double fitSeconds,
        List<EpochRecord> curve,
        String message,
        SortedMap<String, Double> validationMetrics) {
    public TrainingOutcome {
        curve = List.copyOf(curve);
        validationMetrics = validationMetrics == null ? null : new TreeMap<>(validationMetrics);
    }
}
