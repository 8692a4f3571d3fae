package io.sparktune.results;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.searchspec.TrainingSettings;
import java.util.Locale;
import java.util.Optional;

/**
 * A note for the end of a search, in the spirit of scikit-learn's {@code ConvergenceWarning}: the best trial's
 * training was cut off by {@code training.max_epochs} rather than ended by early stopping in some of its splits, so
 * more epochs may score higher. A split counts when it ran the full {@code max_epochs} and its best epoch was fewer
 * than the patience before the end (early stopping had not fired: {@link TrainingSettings#effectivePatience}).
 */
public final class EpochLimitNote {

    private EpochLimitNote() {}

    /** The note for the top-ranked trial of {@code board}, or empty if early stopping ended all its splits. */
    public static Optional<String> forBest(Leaderboard board, TrainingSettings training) {
        if (board.rows().isEmpty()) {
            return Optional.empty();
        }
        TrialRecord best = board.rows().get(0).trial();
        long cutOff = best.splits().stream()
                .filter(split -> cutOffByLimit(split, training))
                .count();
        if (cutOff == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "note: the best trial, %s, was still improving when "
                        + "training.max_epochs (%d) ended %d of its %d splits; a larger max_epochs may score higher",
                best.trialId(),
                training.maxEpochs(),
                cutOff,
                best.splits().size()));
    }

    static boolean cutOffByLimit(SplitResult split, TrainingSettings training) {
        return split.status() == TrialStatus.OK
                && split.epochsRun() >= training.maxEpochs()
                && split.epochsRun() - split.bestEpoch() < training.effectivePatience();
    }
}
