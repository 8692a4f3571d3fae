package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code search.deterministic: true} on small real searches: the same spec and seed give the same trials, the same
 * promotions (the journal's sequence of trial and rung) and the same leaderboard scores on {@code local[1]},
 * {@code local[2]} and a {@code local-cluster} of two executor JVMs, where trials end in different orders. Covers the
 * adaptive sampler (TPE, past its startup trials) under ASHA, random sampling under the median rule, and a grid.
 */
class DeterministicSearchTest {
    private static final List<String> MASTERS = List.of("local[1]", "local[2]", "local-cluster[2,1,1024]");
    /** What differs between runs of the same search: wall times, and messages that name an executor. */
    private static final List<String> TIMING_COLUMNS = List.of("mean_fit_time", "std_fit_time", "message");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sampler: tpe, n_startup: 3, n_iter: 9, deterministic_batch: 3, validation_split: 0.25,"
                        + " scheduler: asha, asha: {min_epochs: 1, reduction_factor: 2}",
                "sampler: random, n_iter: 5, cv: 2, scheduler: median, median: {warmup_epochs: 1, min_trials: 1}",
                "sampler: grid, grid_points: 2, n_iter: 4, cv: 2"
            })
    void sameSearchOnEveryMaster(String search) throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        Path spec = Files.writeString(
                dir.resolve("deterministic.yaml"), """
                name: deterministic
                task: classification
                %s
                search: {seed: 5, deterministic: true, %s}
                space:
                  n_neurons: {int: [8, 40]}
                  learning_rate: {loguniform: [1.0e-3, 3.0e-2]}
                  dropout: {uniform: [0.0, 0.3]}
                training: {max_epochs: 4, patience: 4, batch_size: 64}
                """.formatted(FashionMnist.specTrainData(600), search));
        List<List<String>> journals = new ArrayList<>();
        List<Map<String, Map<String, String>>> boards = new ArrayList<>();
        for (String master : MASTERS) {
            Path out = dir.resolve("run-" + journals.size());
            assertEquals(
                    0,
                    Main.execute(
                            new Main(),
                            "search",
                            spec.toString(),
                            "--out",
                            out.toString(),
                            "--quiet",
                            "--master",
                            master,
                            "--conf",
                            "spark.executor.extraClassPath=" + System.getProperty("java.class.path")));
            journals.add(TrialJournal.read(out).stream()
                    .map(DeterministicSearchTest::pieceOfWork)
                    .toList());
            boards.add(scoresByTrial(out));
        }
        assertTrue(boards.get(0).size() >= 4, "a real search: " + boards.get(0).keySet());
        for (int i = 1; i < MASTERS.size(); i++) {
            assertEquals(journals.get(0), journals.get(i), "the same work in the same order on " + MASTERS.get(i));
            assertEquals(boards.get(0), boards.get(i), "the same leaderboard on " + MASTERS.get(i));
        }
    }

    /** A journal line as the search decided it: which trial, which rung, how many epochs each split ran. */
    private static String pieceOfWork(TrialRecord record) {
        return record.trialId() + "@" + record.rung() + ":"
                + record.splits().stream()
                        .map(s -> String.valueOf(s.epochsRun()))
                        .toList();
    }

    /** leaderboard.csv's rows by trial id, without the columns that measure time. */
    private static Map<String, Map<String, String>> scoresByTrial(Path out) throws Exception {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Map<String, String> row : LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME))) {
            Map<String, String> kept = new TreeMap<>(row);
            TIMING_COLUMNS.forEach(kept::remove);
            rows.put(row.get("trial_id"), kept);
        }
        return rows;
    }
}
