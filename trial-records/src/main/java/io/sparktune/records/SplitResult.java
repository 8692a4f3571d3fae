package io.sparktune.records;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one {@link SplitTask}: validation score (the spec's scoring) of the restored best epoch (NaN unless
 * {@code OK}), every metric of the task at that epoch ({@code metrics}, by scikit-learn name), epochs run, wall
 * seconds of training with its per-epoch validation ({@code fitSeconds}), the per-epoch curve, a message if any, which
 * process trained it ({@code pid@host}), and the wall seconds of the whole task in the worker ({@code taskSeconds}:
 * also reading and preparing the data, building the network and the final metrics; what Spark and the driver add
 * comes on top of it).
 */
public record SplitResult(
        int trialNumber,
        int split,
        TrialStatus status,
        double score,
        int epochsRun,
        int bestEpoch,
        double fitSeconds,
        List<EpochRecord> curve,
        String message,
        String worker,
        SortedMap<String, Double> metrics,
        double taskSeconds) {
    public SplitResult {
        curve = curve == null ? List.of() : List.copyOf(curve);
        metrics = metrics == null ? new TreeMap<>() : new TreeMap<>(metrics);
    }

    /** A result whose task took no longer than its training (its task time was not measured). */
    public SplitResult(
            int trialNumber,
            int split,
            TrialStatus status,
            double score,
            int epochsRun,
            int bestEpoch,
            double fitSeconds,
            List<EpochRecord> curve,
            String message,
            String worker,
            SortedMap<String, Double> metrics) {
        this(
                trialNumber,
                split,
                status,
                score,
                epochsRun,
                bestEpoch,
                fitSeconds,
                curve,
                message,
                worker,
                metrics,
                fitSeconds);
    }

    /** A result with no metrics besides its score (a failure, or a record from an older version). */
    public SplitResult(
            int trialNumber,
            int split,
            TrialStatus status,
            double score,
            int epochsRun,
            int bestEpoch,
            double fitSeconds,
            List<EpochRecord> curve,
            String message,
            String worker) {
        this(
                trialNumber,
                split,
                status,
                score,
                epochsRun,
                bestEpoch,
                fitSeconds,
                curve,
                message,
                worker,
                new TreeMap<>());
    }

    /** A split that failed after {@code fitSeconds} with {@code message}: no score, no epochs, no curve. */
    public static SplitResult failed(int trialNumber, int split, double fitSeconds, String message, String worker) {
        return new SplitResult(
                trialNumber, split, TrialStatus.FAILED, Double.NaN, 0, 0, fitSeconds, List.of(), message, worker);
    }

    /** The same result with the worker's whole task time. */
    public SplitResult withTaskSeconds(double seconds) {
        return new SplitResult(
                trialNumber,
                split,
                status,
                score,
                epochsRun,
                bestEpoch,
                fitSeconds,
                curve,
                message,
                worker,
                metrics,
                seconds);
    }
}
