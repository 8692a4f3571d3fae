package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression search end to end on local[2] over the real Boston housing table: candidates with learning rate 10
 * diverge and are recorded as such, ranked last, while the others finish and are ranked by negated MSE.
 */
class RegressionSearchTest {
    private static final Path BOSTON = Path.of(
            System.getProperty("sklearn.data.dir", "/usr/local/share/datasets/sklearn"), "boston_house_prices.csv");

    @TempDir
    Path dir;

    @Test
    void divergingCandidatesAreRecordedWhileTheOthersFinish() throws Exception {
        Path spec = Files.writeString(dir.resolve("boston.yaml"), """
                name: boston-small
                task: regression
                data: {format: csv, train: {path: %s}, label: MEDV, skip_rows: 1}
                search: {n_iter: 6, cv: 2, seed: 3}
                space:
                  n_neurons: {int: [8, 32]}
                  learning_rate: {choice: [0.01, 10.0]}
                  optimizer: sgd
                training: {max_epochs: 15, patience: 3, loss: mse}
                """.formatted(BOSTON));
        Path out = dir.resolve("run");
        assertEquals(
                0,
                Main.execute(new Main(), "search", spec.toString(), "--out", out.toString(), "--master", "local[2]"));

        List<TrialRecord> trials = TrialJournal.read(out);
        assertEquals(6, trials.size());
        long diverged =
                trials.stream().filter(t -> t.status() == TrialStatus.DIVERGED).count();
        assertTrue(diverged > 0 && diverged < 6, "this seed samples both learning rates: " + diverged + " diverged");
        for (TrialRecord trial : trials) {
            boolean huge = (Double) trial.params().get("learning_rate") == 10.0;
            assertEquals(
                    huge ? TrialStatus.DIVERGED : TrialStatus.OK,
                    trial.status(),
                    trial.trialId() + " " + trial.params());
            if (!huge) {
                assertTrue(
                        trial.splits().get(0).metrics().get("r2") > 0.3,
                        "r2 " + trial.splits().get(0).metrics());
            }
        }

        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        for (int i = 0; i < rows.size(); i++) {
            boolean scored = i < 6 - diverged;
            assertEquals(scored ? "ok" : "diverged", rows.get(i).get("status"), "ok rows first, diverged last");
            if (scored) {
                assertTrue(Double.parseDouble(rows.get(i).get("mean_test_score")) < 0, "negated mean squared error");
            }
        }
    }
}
