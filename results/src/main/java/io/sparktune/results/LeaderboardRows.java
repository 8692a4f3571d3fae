package io.sparktune.results;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a leaderboard row back into the candidate it describes, with each value in its hyperparameter's type. */
public final class LeaderboardRows {
    private LeaderboardRows() {}

    /** The row with {@code rank_test_score == rank} (the first such row if several tie). */
    public static Optional<Map<String, String>> byRank(List<Map<String, String>> rows, int rank) {
        return rows.stream()
                .filter(r -> String.valueOf(rank).equals(r.get(LeaderboardCells.RANK)))
                .findFirst();
    }

    public static Optional<Map<String, String>> byTrialId(List<Map<String, String>> rows, String trialId) {
        return rows.stream()
                .filter(r -> trialId.equals(r.get(LeaderboardCells.TRIAL_ID)))
                .findFirst();
    }

    public static Candidate toCandidate(Map<String, String> row) {
        TreeMap<String, Object> params = new TreeMap<>();
        row.forEach((column, cell) -> {
            if (column.startsWith(LeaderboardCsv.PARAM_PREFIX) && !cell.isEmpty()) {
                String name = column.substring(LeaderboardCsv.PARAM_PREFIX.length());
                HyperParameter hp = HyperParameter.bySpecName(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown hyperparameter column " + column));
                params.put(name, hp.parse(cell));
            }
        });
        String trialId = row.get(LeaderboardCells.TRIAL_ID);
        int trialNumber = Integer.parseInt(trialId.substring(trialId.lastIndexOf('-') + 1));
        return new Candidate(trialNumber, params, Long.parseLong(row.get(LeaderboardCells.TRIAL_SEED)));
    }
}
