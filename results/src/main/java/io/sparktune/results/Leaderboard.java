package io.sparktune.results;

import io.sparktune.records.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finished trials ranked best first by mean validation score (higher is better), as scikit-learn's
 * {@code cv_results_['rank_test_score']}: tied scores share the best rank; diverged and failed trials come last,
 * all with the rank after the last scored trial.
 */
public final class Leaderboard {

    /** One ranked trial. */
    public record Row(int rank, TrialRecord trial) {}

    private final List<Row> rows;
    private final int splitCount;
    private final SortedSet<String> paramNames;
    private final boolean hasRungs;

    private Leaderboard(List<Row> rows, int splitCount, SortedSet<String> paramNames, boolean hasRungs) {
        this.rows = List.copyOf(rows);
        this.splitCount = splitCount;
        this.paramNames = paramNames;
        this.hasRungs = hasRungs;
    }

    /** True if trials were trained rung by rung (ASHA): the leaderboard then shows the rung each reached. */
    public boolean hasRungs() {
        return hasRungs;
    }

    /**
     * The leaderboard of {@code records}; a trial recorded several times (rung by rung) counts with its last record.
     */
    public static Leaderboard from(List<TrialRecord> records) {
        Map<Integer, TrialRecord> latest = new LinkedHashMap<>();
        records.forEach(record -> latest.put(record.trialNumber(), record));
        List<TrialRecord> trials = List.copyOf(latest.values());
        List<TrialRecord> ordered = new ArrayList<>(trials);
        ordered.sort(Comparator.comparing((TrialRecord t) -> t.status() != TrialStatus.OK)
                .thenComparing(
                        Comparator.comparingDouble(TrialRecord::meanScore).reversed())
                .thenComparingInt(TrialRecord::trialNumber));
        List<Row> rows = new ArrayList<>();
        long scored = ordered.stream().filter(t -> t.status() == TrialStatus.OK).count();
        for (int i = 0; i < ordered.size(); i++) {
            TrialRecord trial = ordered.get(i);
            int rank;
            if (trial.status() != TrialStatus.OK) {
                rank = (int) scored + 1;
            } else if (i > 0 && ordered.get(i - 1).meanScore() == trial.meanScore()) {
                rank = rows.get(i - 1).rank();
            } else {
                rank = i + 1;
            }
            rows.add(new Row(rank, trial));
        }
        SortedSet<String> paramNames = new TreeSet<>();
        trials.forEach(t -> paramNames.addAll(t.params().keySet()));
        int splitCount = trials.stream().mapToInt(t -> t.splits().size()).max().orElse(0);
        return new Leaderboard(rows, splitCount, paramNames, trials.stream().anyMatch(t -> t.rung() != null));
    }

    public List<Row> rows() {
        return rows;
    }

    /** Largest number of splits of any trial: the number of {@code split<k>_test_score} columns. */
    public int splitCount() {
        return splitCount;
    }

    /** Names of the searched hyperparameters, sorted: the {@code param_<name>} columns. */
    public SortedSet<String> paramNames() {
        return paramNames;
    }
}
