package io.sparktune.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code leaderboard.csv} with scikit-learn's {@code cv_results_} column names, one row per trial, ranked best first.
 * Written atomically (see {@link LeaderboardFiles}) so it is complete whenever anyone reads it.
 */
public final class LeaderboardCsv {
    public static final String FILE_NAME = "leaderboard.csv";
    public static final String PARAM_PREFIX = LeaderboardCells.PARAM_PREFIX;

    private LeaderboardCsv() {}

    /** The column names, in file order. */
    public static List<String> columns(Leaderboard board) {
        return LeaderboardCells.of(board).columns();
    }

    public static String format(Leaderboard board) {
        return format(LeaderboardCells.of(board));
    }

    /**
     * The table as CSV text: a missing value is an empty cell, a missing score {@code NaN}, numbers as Java prints
     * them ({@code 1.0E-4}); text cells never hold a line break, a double quote or a backslash, so that readers with
     * other quoting rules than RFC 4180 (Spark's CSV reader escapes with a backslash and reads one line per record
     * unless told otherwise) see the same cells as pandas. The untouched messages are in {@code leaderboard.json}.
     */
    public static String format(LeaderboardCells table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(LeaderboardCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The rows of a leaderboard file, each as column name → cell text, in file order. */
    public static List<Map<String, String>> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .build()
                        .parse(reader)) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        }
    }

    private static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String text
                ? text.replaceAll("\\s+", " ").strip().replace('"', '\'').replace('\\', '/')
                : value;
    }
}
