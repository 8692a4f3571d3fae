package io.sparktune.worker;

import io.sparktune.worker.train.EpochRecord;
import java.util.List;

/**
 * The outcome of one {@link SplitTask}: validation score of the restored best epoch (NaN unless {@code OK}), epochs
 * run, wall seconds of training, the per-epoch curve, an error message if any, and which process trained it
 * ({@code pid@host}).
 */
public record SplitResult(int trialNumber, int split, TrialStatus status, double score, int epochsRun, int bestEpoch,
                          double fitSeconds, List<EpochRecord> curve, String message, String worker) {
    public SplitResult {
        curve = curve == null ? List.of() : List.copyOf(curve);
    }
}
