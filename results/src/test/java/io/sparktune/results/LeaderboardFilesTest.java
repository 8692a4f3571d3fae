package io.sparktune.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** leaderboard.csv and leaderboard.json: same table, values every reader parses alike, atomic under failures. */
class LeaderboardFilesTest {
    @TempDir
    Path dir;

    static Leaderboard board(int trials) {
        List<TrialRecord> records = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            records.add(TrialFixtures.trial(
                    i,
                    Map.of("learning_rate", 1e-4 * (i + 1), "optimizer", "adam", "n_neurons", 10 + i),
                    TrialStatus.OK,
                    0.5 + i * 1e-3,
                    0.6));
        }
        return Leaderboard.from(records);
    }

    @Test
    void csvAndJsonHoldTheSameRowsWithValuesPandasAndSparkReadAlike() throws IOException {
        TrialRecord failed = TrialRecord.of(
                new io.sparktune.space.Candidate(5, new java.util.TreeMap<>(Map.of("optimizer", "sgd")), 77L),
                List.of(new SplitResult(
                        5,
                        0,
                        TrialStatus.FAILED,
                        Double.NaN,
                        0,
                        0,
                        0.1,
                        List.of(),
                        "java.io.IOException: bad \"file\", C:\\data\nsecond line",
                        "1@host")));
        Leaderboard board = Leaderboard.from(List.of(
                TrialFixtures.trial(
                        2,
                        Map.of("learning_rate", 1.0e-4, "optimizer", "adam", "n_neurons", 12),
                        TrialStatus.OK,
                        0.75,
                        0.85),
                failed));
        LeaderboardFiles.write(board, dir);

        String csv = Files.readString(dir.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(3, csv.split("\n", -1).length - 1, "one physical line per record (Spark reads line by line)");
        assertFalse(csv.contains("\\"), "no backslash: Spark's CSV reader takes it for an escape");
        assertEquals(0, csv.chars().filter(c -> c == '"').count() % 2);
        List<Map<String, String>> rows = LeaderboardCsv.read(dir.resolve(LeaderboardCsv.FILE_NAME));
        Map<String, String> best = rows.get(0);
        assertEquals("1.0E-4", best.get("param_learning_rate"), "Java's scientific notation, read by pandas and Spark");
        assertEquals(1.0e-4, Double.parseDouble(best.get("param_learning_rate")), 0.0);
        assertEquals(0.8, Double.parseDouble(best.get("mean_test_score")), 1e-12);
        assertEquals("", best.get("message"), "no message: empty cell (pandas NaN, Spark null)");
        Map<String, String> last = rows.get(1);
        assertEquals("NaN", last.get("mean_test_score"), "pandas and Spark both read NaN as a missing double");
        assertEquals("", last.get("param_n_neurons"), "a parameter the trial did not search is empty");
        assertEquals("java.io.IOException: bad 'file', C:/data second line", last.get("message"));
        for (Map<String, String> row : rows) {
            for (String column : List.of(
                    "rank_test_score",
                    "mean_test_score",
                    "std_test_score",
                    "split0_test_score",
                    "mean_fit_time",
                    "std_fit_time",
                    "mean_epochs",
                    "mean_best_epoch",
                    "trial_seed")) {
                Double.parseDouble(row.get(column)); // every numeric cell parses (NaN included)
            }
        }

        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve(LeaderboardJson.FILE_NAME).toFile());
        assertEquals(rows.size(), json.size());
        List<String> keys = new ArrayList<>();
        json.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(LeaderboardCsv.columns(board), keys, "the same columns in the same order");
        assertEquals(1.0e-4, json.get(0).get("param_learning_rate").doubleValue(), 0.0);
        assertEquals(12, json.get(0).get("param_n_neurons").intValue());
        assertTrue(json.get(1).get("mean_test_score").isNull(), "JSON has no NaN: null");
        assertTrue(json.get(1).get("param_n_neurons").isNull());
        assertEquals(
                "java.io.IOException: bad \"file\", C:\\data\nsecond line",
                json.get(1).get("message").textValue(),
                "the JSON keeps the message unabridged");
        assertEquals(rows.get(1).get("trial_id"), json.get(1).get("trial_id").textValue());
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousCompleteFile() throws IOException {
        Path csv = dir.resolve(LeaderboardCsv.FILE_NAME);
        LeaderboardFiles.write(board(3), dir);
        String before = Files.readString(csv);
        String next = LeaderboardCsv.format(board(50));
        IOException crash = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(csv, out -> {
                    out.write(next.substring(0, next.length() / 2).getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", crash.getMessage());
        assertEquals(before, Files.readString(csv), "the old file is untouched");
        assertEquals(3, LeaderboardCsv.read(csv).size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(LeaderboardCsv.FILE_NAME, LeaderboardJson.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
        LeaderboardFiles.write(board(50), dir);
        assertEquals(50, LeaderboardCsv.read(csv).size());
    }

    /** Kills (SIGKILL) a JVM that rewrites a large leaderboard in a loop: what is left is always a whole file. */
    @Test
    void aProcessKilledWhileWritingLeavesACompleteLeaderboard() throws Exception {
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RewriteForever.class.getName(),
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var lines = writer.inputReader()) {
            for (int written = 0; written < 5; written++) {
                assertTrue(lines.readLine() != null, "the writer JVM stopped early");
            }
            writer.destroyForcibly().waitFor();
        }
        List<Map<String, String>> rows = LeaderboardCsv.read(dir.resolve(LeaderboardCsv.FILE_NAME));
        assertTrue(rows.size() >= RewriteForever.FIRST_SIZE, "rows: " + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.valueOf(i + 1), rows.get(i).get("rank_test_score"));
            assertEquals(LeaderboardCsv.columns(board(1)).size(), rows.get(i).size());
        }
        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve(LeaderboardJson.FILE_NAME).toFile());
        assertTrue(json.size() >= RewriteForever.FIRST_SIZE);
    }

    /** The victim: rewrites ever larger leaderboards and prints a line after each complete write. */
    static final class RewriteForever {
        static final int FIRST_SIZE = 1500;

        public static void main(String[] args) throws IOException {
            Path runDir = Path.of(args[0]);
            for (int size = FIRST_SIZE; ; size++) {
                LeaderboardFiles.write(board(size), runDir);
                System.out.println(size);
                System.out.flush();
            }
        }
    }
}
