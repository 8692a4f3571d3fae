package io.sparktune.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code leaderboard.json}: the same rows and columns as {@code leaderboard.csv}, as a JSON array of objects (one per
 * row, keys in column order), so {@code pandas.read_json} and {@code spark.read.option("multiLine", true).json} load
 * it. Numbers stay numbers; a missing value or a NaN score is {@code null} (JSON has no NaN); messages are unabridged.
 */
public final class LeaderboardJson {
    public static final String FILE_NAME = "leaderboard.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LeaderboardJson() {}

    public static String format(LeaderboardCells table) {
        List<Map<String, Object>> records =
                table.rows().stream().map(row -> record(table.columns(), row)).toList();
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(records) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> record(List<String> columns, List<Object> row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.get(i);
            record.put(columns.get(i), value instanceof Double d && !Double.isFinite(d) ? null : value);
        }
        return record;
    }
}
