package io.sparktune.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of a leaderboard as an aligned text table for the terminal: scores, time, status, trial and parameters. */
public final class LeaderboardTable {
    /** Leaderboard columns shown, with their short headings; then every {@code param_} column. */
    private static final Map<String, String> SHOWN = new LinkedHashMap<>();

    static {
        SHOWN.put(LeaderboardCells.RANK, "rank");
        SHOWN.put(LeaderboardCells.MEAN_SCORE, "mean");
        SHOWN.put("std_test_score", "std");
        SHOWN.put("mean_fit_time", "fit_s");
        SHOWN.put("mean_epochs", "epochs");
        SHOWN.put("status", "status");
        SHOWN.put("trial_id", "trial");
    }

    private LeaderboardTable() {}

    /** The first {@code top} rows of {@code board}, best first. */
    public static String format(Leaderboard board, int top) {
        return format(LeaderboardCells.of(board).top(top));
    }

    /** Every row of {@code table}, in its order. */
    public static String format(LeaderboardCells table) {
        List<Integer> indices = new ArrayList<>();
        List<String> header = new ArrayList<>();
        SHOWN.forEach((column, heading) -> {
            indices.add(table.indexOf(column));
            header.add(heading);
        });
        for (int i = 0; i < table.columns().size(); i++) {
            String column = table.columns().get(i);
            if (column.startsWith(LeaderboardCells.PARAM_PREFIX)) {
                indices.add(i);
                header.add(column.substring(LeaderboardCells.PARAM_PREFIX.length()));
            }
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (List<Object> row : table.rows()) {
            lines.add(indices.stream()
                    .map(i -> text(table.columns().get(i), row.get(i)))
                    .toList());
        }
        return align(lines);
    }

    private static String align(List<List<String>> lines) {
        int[] widths = new int[lines.get(0).size()];
        lines.forEach(cells -> {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> cells : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String text(String column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            if (column.startsWith(LeaderboardCells.PARAM_PREFIX)) {
                return String.format(Locale.ROOT, "%.4g", d);
            }
            return String.format(Locale.ROOT, column.endsWith("_score") ? "%.4f" : "%.1f", d);
        }
        return value.toString();
    }
}
