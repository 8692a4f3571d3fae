package io.sparktune.worker;

import io.sparktune.worker.train.EpochRecord;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one {@link SplitTask}: validation score (the spec's scoring) of the restored best epoch (NaN unless
 * {@code OK}), every metric of the task at that epoch ({@code metrics}, by scikit-learn name), epochs run, wall
 * seconds of training, the per-epoch curve, a message if any, and which process trained it ({@code pid@host}).
 */
public record SplitResult(int trialNumber, int split, TrialStatus status, double score, int epochsRun, int bestEpoch,
                          double fitSeconds, List<EpochRecord> curve, String message, String worker,
                          SortedMap<String, Double> metrics) {
    public SplitResult {
        curve = curve == null ? List.of() : List.copyOf(curve);
        metrics = metrics == null ? new TreeMap<>() : new TreeMap<>(metrics);
    }

    /** A result with no metrics besides its score (a failure, or a record from an older version). */
    public SplitResult(int trialNumber, int split, TrialStatus status, double score, int epochsRun, int bestEpoch,
                       double fitSeconds, List<EpochRecord> curve, String message, String worker) {
        this(trialNumber, split, status, score, epochsRun, bestEpoch, fitSeconds, curve, message, worker, new TreeMap<>());
    }
}
