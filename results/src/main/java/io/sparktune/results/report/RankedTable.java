package io.sparktune.results.report;

import io.sparktune.results.LeaderboardCells;
import java.util.List;
import java.util.Locale;

/** The leaderboard as an HTML table: every column of {@code leaderboard.csv}, the best rows first. */
final class RankedTable {
    /** Rows shown; the CSV and JSON files have them all. */
    static final int MAX_ROWS = 200;

    private static final int MAX_MESSAGE = 120;

    private RankedTable() {}

    static String html(LeaderboardCells table) {
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table class=\"leaderboard\">\n<thead><tr>");
        table.columns()
                .forEach(column ->
                        out.append("<th>").append(Svg.escape(heading(column))).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.top(MAX_ROWS).rows()) {
            String status = String.valueOf(row.get(table.indexOf("status")));
            out.append("<tr class=\"").append(Svg.escape(status)).append("\">");
            for (int i = 0; i < row.size(); i++) {
                String text = cell(table.columns().get(i), row.get(i));
                boolean numeric = row.get(i) instanceof Number;
                out.append(numeric ? "<td class=\"num\"" : "<td")
                        .append(text.length() > MAX_MESSAGE ? " title=\"" + Svg.escape(text) + "\">" : ">")
                        .append(Svg.escape(
                                text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "\u2026" : text))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        if (table.rows().size() > MAX_ROWS) {
            out.append("<p>").append(table.rows().size() - MAX_ROWS).append(" more rows in leaderboard.csv.</p>\n");
        }
        return out.toString();
    }

    /** {@code split0_test_score} → {@code split0}, {@code param_learning_rate} → {@code learning_rate}, … */
    private static String heading(String column) {
        return column.replace(LeaderboardCells.PARAM_PREFIX, "")
                .replace("_test_score", "")
                .replace("mean_fit_time", "fit s")
                .replace("std_fit_time", "fit s std")
                .replace("mean_epochs", "epochs")
                .replace("trial_seed", "seed")
                .replace("trial_id", "trial");
    }

    private static String cell(String column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (column.startsWith(LeaderboardCells.PARAM_PREFIX)) {
                return String.format(Locale.ROOT, "%.4g", d);
            }
            return Svg.number(d, column.endsWith("_score") ? 4 : 1);
        }
        return value.toString();
    }
}
