package io.sparktune.results;

import io.sparktune.records.TrialStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a search in which no trial scored, as scikit-learn's {@code GridSearchCV} raises "All fits failed":
 * every trial failed or diverged, so the leaderboard ranks nothing and the command must not report success.
 */
public final class AllTrialsFailed {
    private AllTrialsFailed() {}

    /** One line with the count and the first error message (lowest trial number), or empty if a trial scored. */
    public static Optional<String> check(Leaderboard board) {
        List<TrialRecord> trials = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .sorted(Comparator.comparingInt(TrialRecord::trialNumber))
                .toList();
        if (trials.isEmpty() || trials.stream().anyMatch(t -> t.status() == TrialStatus.OK)) {
            return Optional.empty();
        }
        long diverged =
                trials.stream().filter(t -> t.status() == TrialStatus.DIVERGED).count();
        String what = diverged == 0 ? "failed" : "failed or diverged (" + diverged + " diverged)";
        String first = trials.stream()
                .map(TrialRecord::message)
                .filter(Objects::nonNull)
                .findFirst()
                .map(m -> m.lines().findFirst().orElse(m))
                .orElse("no message");
        return Optional.of("all " + trials.size() + " trials " + what + "; the first error: " + first);
    }
}
