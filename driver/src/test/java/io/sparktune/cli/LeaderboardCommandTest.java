package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparktune leaderboard DIR} with --top, --sort and the three formats, from a run's journal. */
class LeaderboardCommandTest {
    @TempDir
    Path runDir;

    /** A trial whose two splits score {@code score} and take {@code seconds} each. */
    static TrialRecord trial(int number, double learningRate, TrialStatus status, double score, double seconds) {
        List<SplitResult> splits = List.of(0, 1).stream()
                .map(k -> new SplitResult(
                        number,
                        k,
                        status,
                        status == TrialStatus.OK ? score : Double.NaN,
                        3,
                        2,
                        seconds,
                        List.of(),
                        null,
                        "1@host"))
                .toList();
        return TrialRecord.of(
                new Candidate(
                        number,
                        new TreeMap<>(Map.of("learning_rate", learningRate, "n_neurons", 10 + number)),
                        100L + number),
                splits);
    }

    @BeforeEach
    void journal() throws Exception {
        Files.writeString(runDir.resolve("spec.yaml"), "name: t\n");
        try (TrialJournal journal = TrialJournal.openForAppend(runDir)) {
            journal.append(trial(0, 1e-3, TrialStatus.OK, 0.70, 9.0));
            journal.append(trial(1, 2e-2, TrialStatus.DIVERGED, 0, 1.0));
            journal.append(trial(2, 3e-4, TrialStatus.OK, 0.80, 4.0));
            journal.append(trial(3, 5e-3, TrialStatus.OK, 0.75, 6.0));
        }
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        assertEquals(0, exit, err.toString());
        return out.toString();
    }

    @Test
    void printsAnAlignedTableBestFirst() {
        List<String> lines = run("leaderboard", runDir.toString()).lines().toList();
        assertEquals(5, lines.size());
        assertTrue(
                lines.get(0)
                        .matches(
                                "rank\\s+mean\\s+std\\s+fit_s\\s+epochs\\s+status\\s+trial\\s+learning_rate\\s+n_neurons"),
                lines.get(0));
        assertTrue(
                lines.get(1)
                        .matches(
                                "1\\s+0\\.8000\\s+0\\.0000\\s+4\\.0\\s+3\\.0\\s+ok\\s+trial-0002\\s+0\\.0003000\\s+12"),
                lines.get(1));
        assertTrue(lines.get(4).contains("diverged"));
        int column = lines.get(0).indexOf("trial");
        lines.forEach(line -> assertTrue(line.substring(column).startsWith("trial"), "aligned: " + line));
    }

    @Test
    void sortsByAnyColumnEitherWayAndKeepsTheTop() throws Exception {
        List<CSVRecord> fastest =
                csv(run("leaderboard", runDir.toString(), "--sort", "mean_fit_time", "--top", "2", "--format", "csv"));
        assertEquals(
                List.of("trial-0001", "trial-0002"),
                fastest.stream().map(r -> r.get("trial_id")).toList());
        List<CSVRecord> slowest =
                csv(run("leaderboard", runDir.toString(), "--sort=-mean_fit_time", "--format", "csv"));
        assertEquals(
                List.of("trial-0000", "trial-0003", "trial-0002", "trial-0001"),
                slowest.stream().map(r -> r.get("trial_id")).toList());
        List<CSVRecord> byRate =
                csv(run("leaderboard", runDir.toString(), "--sort=-param_learning_rate", "--format", "CSV"));
        assertEquals("0.02", byRate.get(0).get("param_learning_rate"));
        List<CSVRecord> worstScore =
                csv(run("leaderboard", runDir.toString(), "--sort", "mean_test_score", "--format", "csv"));
        assertEquals(
                List.of("trial-0000", "trial-0003", "trial-0002", "trial-0001"),
                worstScore.stream().map(r -> r.get("trial_id")).toList(),
                "no score sorts last either way");
    }

    @Test
    void printsTheSameTableAsJson() throws Exception {
        JsonNode rows =
                new ObjectMapper().readTree(run("leaderboard", runDir.toString(), "--format", "json", "--top", "3"));
        assertEquals(3, rows.size());
        assertEquals("trial-0002", rows.get(0).get("trial_id").textValue());
        assertEquals(1, rows.get(0).get("rank_test_score").intValue());
        assertEquals(3.0e-4, rows.get(0).get("param_learning_rate").doubleValue(), 0.0);
    }

    @Test
    void anUnknownColumnIsAUserErrorNamingTheColumns() {
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err))
                .execute("leaderboard", runDir.toString(), "--sort", "accuracy");
        assertEquals(1, exit);
        assertTrue(
                err.toString().contains("no column 'accuracy'")
                        && err.toString().contains("mean_test_score"),
                err.toString());
    }

    static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(text))
                .getRecords();
    }
}
