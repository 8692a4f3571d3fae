package io.sparktune.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The top rows of a leaderboard as an aligned text table for the terminal. */
public final class LeaderboardTable {
    private LeaderboardTable() {
    }

    public static String format(Leaderboard board, int top) {
        List<String> header = new ArrayList<>(List.of("rank", "mean", "std", "fit_s", "epochs", "status", "trial"));
        header.addAll(board.paramNames());
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        board.rows().stream().limit(top).forEach(row -> {
            TrialRecord t = row.trial();
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.rank()), number(t.meanScore()),
                    number(t.stdScore()), String.format(Locale.ROOT, "%.1f", t.meanFitSeconds()),
                    String.format(Locale.ROOT, "%.1f", t.meanEpochs()), t.status().name().toLowerCase(Locale.ROOT), t.trialId()));
            board.paramNames().forEach(name -> cells.add(param(t.params().get(name))));
            lines.add(cells);
        });
        int[] widths = new int[header.size()];
        lines.forEach(cells -> {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> cells : lines) {
            for (int i = 0; i < cells.size(); i++) {
                out.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String param(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : value.toString();
    }
}
