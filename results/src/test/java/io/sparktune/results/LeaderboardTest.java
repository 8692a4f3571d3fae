package io.sparktune.results;

import static io.sparktune.results.TrialFixtures.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.TrialStatus;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Task;
import io.sparktune.worker.net.NetworkFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardTest {

    @TempDir
    Path dir;

    @Test
    void ranksBestFirstTiesShareRankFailuresLast() {
        Leaderboard board = Leaderboard.from(List.of(
                trial(0, Map.of("n_neurons", 10), TrialStatus.OK, 0.5, 0.7),
                trial(1, Map.of("n_neurons", 20), TrialStatus.FAILED, Double.NaN, Double.NaN),
                trial(2, Map.of("n_neurons", 30), TrialStatus.OK, 0.8, 0.8),
                trial(3, Map.of("n_neurons", 40), TrialStatus.OK, 0.6, 0.6),
                trial(4, Map.of("n_neurons", 50), TrialStatus.DIVERGED, Double.NaN, 0.1)));
        List<Integer> order =
                board.rows().stream().map(r -> r.trial().trialNumber()).toList();
        List<Integer> ranks = board.rows().stream().map(Leaderboard.Row::rank).toList();
        assertEquals(List.of(2, 0, 3, 1, 4), order);
        assertEquals(List.of(1, 2, 2, 4, 4), ranks);
        assertEquals(0.6, board.rows().get(1).trial().meanScore(), 1e-12);
        assertEquals(0.1, board.rows().get(1).trial().stdScore(), 1e-12);
    }

    @Test
    void csvHasScikitLearnColumnsAndRoundTripsToTheSameNetwork() throws IOException {
        Map<String, Object> params = Map.of(
                "n_hidden",
                2,
                "n_neurons",
                37,
                "learning_rate",
                0.0012345678901234567,
                "optimizer",
                "nesterov",
                "dropout",
                0.3333333333333333);
        Leaderboard board = Leaderboard.from(List.of(
                trial(7, params, TrialStatus.OK, 0.81, 0.83, 0.82),
                trial(8, Map.of("n_hidden", 0, "optimizer", "sgd"), TrialStatus.OK, 0.5, 0.5, 0.5)));
        LeaderboardFiles.write(board, dir);
        List<String> header = List.of(
                Files.readAllLines(dir.resolve(LeaderboardCsv.FILE_NAME)).get(0).split(","));
        assertEquals(
                List.of(
                        "rank_test_score",
                        "mean_test_score",
                        "std_test_score",
                        "split0_test_score",
                        "split1_test_score",
                        "split2_test_score",
                        "mean_fit_time",
                        "std_fit_time",
                        "mean_epochs",
                        "mean_best_epoch",
                        "status",
                        "trial_id",
                        "trial_seed",
                        "param_dropout",
                        "param_learning_rate",
                        "param_n_hidden",
                        "param_n_neurons",
                        "param_optimizer",
                        "message"),
                header);

        List<Map<String, String>> rows = LeaderboardCsv.read(dir.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals("trial-0007", rows.get(0).get("trial_id"));
        assertEquals("", rows.get(1).get("param_dropout"), "a parameter the trial did not have stays empty");
        Candidate back =
                LeaderboardRows.toCandidate(LeaderboardRows.byRank(rows, 1).orElseThrow());
        Candidate original = board.rows().get(0).trial().toCandidate();
        assertEquals(original, back);
        assertEquals(
                NetworkFactory.build(original, Task.CLASSIFICATION, 784, 10, 1).toJson(),
                NetworkFactory.build(back, Task.CLASSIFICATION, 784, 10, 1).toJson());
    }

    @Test
    void journalKeepsEveryCompleteRecordAndSkipsATornLastLine() throws IOException {
        TrialRecord a = trial(0, Map.of("n_neurons", 10), TrialStatus.OK, 0.5, 0.7);
        TrialRecord b = trial(1, Map.of("optimizer", "adam"), TrialStatus.FAILED, Double.NaN);
        try (TrialJournal journal = TrialJournal.openForAppend(dir)) {
            journal.append(a);
            journal.append(b);
        }
        Files.writeString(
                dir.resolve(TrialJournal.FILE_NAME),
                "{\"trialNumber\":2,\"se",
                java.nio.file.StandardOpenOption.APPEND);
        List<TrialRecord> read = TrialJournal.read(dir);
        assertEquals(2, read.size());
        assertEquals(a.toCandidate(), read.get(0).toCandidate());
        assertEquals(a.meanScore(), read.get(0).meanScore(), 0.0);
        assertEquals(TrialStatus.FAILED, read.get(1).status());
        assertTrue(Double.isNaN(read.get(1).meanScore()));
    }
}
