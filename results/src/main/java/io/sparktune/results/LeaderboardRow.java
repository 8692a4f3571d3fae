package io.sparktune.results;

import io.sparktune.records.TrialStatus;
import io.sparktune.space.Candidate;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row of {@code leaderboard.csv} read back, typed: the trial, how it ended, the candidate it ran (parameters in
 * their hyperparameters' types, its seed) and its mean best epoch (empty if an older sparktune did not write it).
 */
public record LeaderboardRow(String trialId, TrialStatus status, Candidate candidate, OptionalDouble meanBestEpoch) {

    /** The row's cells by column name, as {@link LeaderboardCsv#read} gives them. */
    public static LeaderboardRow of(Map<String, String> cells) {
        String bestEpoch = cells.get(LeaderboardCells.MEAN_BEST_EPOCH);
        return new LeaderboardRow(
                cells.get(LeaderboardCells.TRIAL_ID),
                TrialStatus.valueOf(cells.get(LeaderboardCells.STATUS).toUpperCase(Locale.ROOT)),
                LeaderboardRows.toCandidate(cells),
                bestEpoch == null || bestEpoch.isEmpty()
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(Double.parseDouble(bestEpoch)));
    }
}
