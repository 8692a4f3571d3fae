package io.sparktune.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A leaderboard as one flat table, scikit-learn's {@code cv_results_}: the column names and, per row, one typed
 * value per column ({@link Integer}, {@link Long}, {@link Double} — NaN when there is no score — or {@link String};
 * {@code null} when the trial has no value, e.g. a hyperparameter it did not search). The CSV, the JSON and the
 * terminal table are all printed from this one table.
 */
public record LeaderboardCells(List<String> columns, List<List<Object>> rows) {
    public static final String PARAM_PREFIX = "param_";
    public static final String RANK = "rank_test_score";
    public static final String MEAN_SCORE = "mean_test_score";
    public static final String MEAN_BEST_EPOCH = "mean_best_epoch";
    public static final String STATUS = "status";
    public static final String TRIAL_ID = "trial_id";
    public static final String TRIAL_SEED = "trial_seed";

    public LeaderboardCells {
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
    }

    public static LeaderboardCells of(Leaderboard board) {
        List<String> columns = new ArrayList<>(List.of(RANK, MEAN_SCORE, "std_test_score"));
        for (int k = 0; k < board.splitCount(); k++) {
            columns.add("split" + k + "_test_score");
        }
        columns.addAll(List.of("mean_fit_time", "std_fit_time", "mean_epochs", MEAN_BEST_EPOCH));
        if (board.hasRungs()) {
            columns.add("rung");
        }
        columns.addAll(List.of(STATUS, TRIAL_ID, TRIAL_SEED));
        board.paramNames().forEach(name -> columns.add(PARAM_PREFIX + name));
        columns.add("message");
        return new LeaderboardCells(
                columns, board.rows().stream().map(row -> cells(row, board)).toList());
    }

    /** Index of {@code column}; an unknown name is an {@link IllegalArgumentException} listing the known ones. */
    public int indexOf(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "no column '" + column + "' in the leaderboard (columns: " + String.join(", ", columns) + ")");
        }
        return index;
    }

    /**
     * The rows ordered by {@code column}, ascending, or descending when {@code descending}; rows without a value
     * (NaN, null) always come last. Stable: equal values keep the leaderboard's order.
     */
    public LeaderboardCells sortedBy(String column, boolean descending) {
        int index = indexOf(column);
        Comparator<Object> values = LeaderboardCells::compareValues;
        Comparator<List<Object>> order = Comparator.comparing((List<Object> row) -> isMissing(row.get(index)))
                .thenComparing(row -> row.get(index), descending ? values.reversed() : values);
        return new LeaderboardCells(columns, rows.stream().sorted(order).toList());
    }

    /** The first {@code n} rows. */
    public LeaderboardCells top(int n) {
        return new LeaderboardCells(columns, rows.stream().limit(Math.max(0, n)).toList());
    }

    /** True for a cell without a value: null or NaN. */
    public static boolean isMissing(Object value) {
        return value == null || value instanceof Double d && d.isNaN();
    }

    private static int compareValues(Object a, Object b) {
        if (isMissing(a) || isMissing(b)) {
            return Boolean.compare(isMissing(a), isMissing(b));
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.toString().compareTo(b.toString());
    }

    private static List<Object> cells(Leaderboard.Row row, Leaderboard board) {
        TrialRecord trial = row.trial();
        List<Object> cells = new ArrayList<>(List.of(row.rank(), trial.meanScore(), trial.stdScore()));
        for (int k = 0; k < board.splitCount(); k++) {
            cells.add(k < trial.splits().size() ? trial.splits().get(k).score() : null);
        }
        cells.addAll(List.of(trial.meanFitSeconds(), trial.stdFitSeconds(), trial.meanEpochs(), trial.meanBestEpoch()));
        if (board.hasRungs()) {
            cells.add(trial.rung());
        }
        cells.addAll(List.of(trial.status().name().toLowerCase(Locale.ROOT), trial.trialId(), trial.seed()));
        board.paramNames().forEach(name -> cells.add(trial.params().get(name)));
        cells.add(trial.message());
        return cells;
    }
}
