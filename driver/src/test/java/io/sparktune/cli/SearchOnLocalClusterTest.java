package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.IdxReader;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking pipeline end to end on a real Spark {@code local-cluster} (two executor JVMs besides this one):
 * spec → 4 candidates × 2 folds trained on executors → ranked leaderboard → local retrain of rank 1 → model zip.
 */
class SearchOnLocalClusterTest {
    @TempDir
    Path dir;

    @Test
    void searchesOnExecutorsThenRetrainsTheBestRow() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        Path spec = Files.writeString(dir.resolve("small.yaml"), """
                name: small-fashion
                task: classification
                %s
                search: {sampler: random, n_iter: 4, cv: 2, seed: 7}
                space:
                  n_hidden:      {int: [1, 2]}
                  n_neurons:     {int: [16, 64]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                  optimizer:     {choice: [adam, nadam, rmsprop]}
                  dropout:       {uniform: [0.0, 0.3]}
                training: {max_epochs: 3, patience: 1, batch_size: 64}
                """.formatted(FashionMnist.specData(2000)));
        Path out = dir.resolve("run");

        int exit = Main.execute(
                new Main(),
                "search",
                spec.toString(),
                "--out",
                out.toString(),
                "--master",
                "local-cluster[2,1,1024]",
                "--conf",
                "spark.executor.extraClassPath=" + System.getProperty("java.class.path"));
        assertEquals(0, exit);

        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(4, rows.size());
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertEquals("ok", row.get("status"), row.get("message"));
            double mean = Double.parseDouble(row.get("mean_test_score"));
            assertTrue(mean > 0 && mean <= 1, "score " + mean);
            assertTrue(mean <= previous, "ranked best first");
            double split0 = Double.parseDouble(row.get("split0_test_score"));
            double split1 = Double.parseDouble(row.get("split1_test_score"));
            assertEquals((split0 + split1) / 2, mean, 1e-12);
            int rank = Integer.parseInt(row.get("rank_test_score"));
            assertEquals(mean == previous ? Integer.parseInt(rows.get(i - 1).get("rank_test_score")) : i + 1, rank);
            previous = mean;
        }

        List<TrialRecord> trials = TrialJournal.read(out);
        assertEquals(4, trials.size());
        String driver = String.valueOf(ProcessHandle.current().pid());
        Set<String> workers = trials.stream()
                .flatMap(t -> t.splits().stream())
                .map(SplitResult::worker)
                .collect(Collectors.toSet());
        for (String worker : workers) {
            assertNotEquals(driver, worker.substring(0, worker.indexOf('@')), "trained in the driver JVM: " + workers);
        }
        assertTrue(trials.stream()
                .allMatch(t ->
                        t.splits().size() == 2 && !t.splits().get(0).curve().isEmpty()));

        Path model = dir.resolve("best.zip");
        assertEquals(
                0,
                Main.execute(
                        new Main(),
                        "retrain",
                        out.toString(),
                        "--rank",
                        "1",
                        "--model",
                        model.toString(),
                        "--limit",
                        "3000",
                        "--epochs",
                        "3"));
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(model.toFile());
        LabeledData test = IdxReader.read(FashionMnist.testImages(), FashionMnist.testLabels(), 2000);
        double accuracy = Metrics.score(
                Scoring.ACCURACY, restored.output(Examples.of(test).features()), test);
        assertTrue(accuracy > 0.5, "test accuracy of the retrained model " + accuracy + " (chance is 0.1)");
        assertTrue(
                Files.readString(Path.of(model + ".json")).contains(rows.get(0).get("trial_id")));
    }
}
