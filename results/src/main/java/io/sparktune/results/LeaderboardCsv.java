package io.sparktune.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code leaderboard.csv} with scikit-learn's {@code cv_results_} column names, one row per trial, ranked best first.
 * Written atomically so it is complete whenever anyone reads it.
 */
public final class LeaderboardCsv {
    public static final String FILE_NAME = "leaderboard.csv";
    public static final String PARAM_PREFIX = "param_";

    private LeaderboardCsv() {
    }

    public static List<String> columns(Leaderboard board) {
        List<String> columns = new ArrayList<>(List.of("rank_test_score", "mean_test_score", "std_test_score"));
        for (int k = 0; k < board.splitCount(); k++) {
            columns.add("split" + k + "_test_score");
        }
        columns.addAll(List.of("mean_fit_time", "std_fit_time", "mean_epochs", "status", "trial_id", "trial_seed"));
        board.paramNames().forEach(name -> columns.add(PARAM_PREFIX + name));
        columns.add("message");
        return columns;
    }

    public static String format(Leaderboard board) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(columns(board));
            for (Leaderboard.Row row : board.rows()) {
                printer.printRecord(cells(row, board));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Leaderboard board, Path runDir) throws IOException {
        AtomicFiles.write(runDir.resolve(FILE_NAME), format(board));
    }

    /** The rows of a leaderboard file, each as column name → cell text, in file order. */
    public static List<Map<String, String>> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        }
    }

    private static List<Object> cells(Leaderboard.Row row, Leaderboard board) {
        TrialRecord trial = row.trial();
        List<Object> cells = new ArrayList<>(List.of(row.rank(), trial.meanScore(), trial.stdScore()));
        for (int k = 0; k < board.splitCount(); k++) {
            cells.add(k < trial.splits().size() ? trial.splits().get(k).score() : "");
        }
        cells.addAll(List.of(trial.meanFitSeconds(), trial.stdFitSeconds(), trial.meanEpochs(),
                trial.status().name().toLowerCase(Locale.ROOT), trial.trialId(), trial.seed()));
        board.paramNames().forEach(name -> cells.add(trial.params().containsKey(name) ? trial.params().get(name) : ""));
        cells.add(trial.message() == null ? "" : trial.message());
        return cells;
    }
}
