package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.records.WorkerJson;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.SplitTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training continued from a checkpoint is the training that never stopped. */
class SegmentedTrainingTest {
    @TempDir
    Path dir;

    private static SplitTask task(int maxEpochs) {
        Candidate candidate = new Candidate(
                7,
                new TreeMap<>(Map.of("n_hidden", 1, "n_neurons", 24, "learning_rate", 3e-3, "optimizer", "adam")),
                4242L);
        return new SplitTask(
                candidate,
                Task.CLASSIFICATION,
                FashionMnist.train(800),
                new TrainingSettings(maxEpochs, 10, 32),
                Scoring.ACCURACY,
                new SplitPlan(2, 0, 3),
                1);
    }

    @Test
    void twoSegmentsThroughACheckpointEqualOneRun() throws Exception {
        SplitResult whole = SplitJob.run(task(4).untilEpoch(4, dir.resolve("a").toString()));
        SplitResult first = SplitJob.run(task(4).untilEpoch(2, dir.resolve("b").toString()));
        assertTrue(Files.exists(dir.resolve("b").resolve("trial-0007").resolve("split-1-e0002.json")));
        SplitResult second = SplitJob.run(task(4).untilEpoch(4, dir.resolve("b").toString()));

        assertEquals(TrialStatus.OK, second.status(), second.message());
        assertEquals(2, first.epochsRun());
        assertEquals(4, second.epochsRun());
        assertEquals(whole.curve().size(), second.curve().size());
        for (int e = 0; e < 4; e++) {
            assertEquals(whole.curve().get(e).trainLoss(), second.curve().get(e).trainLoss(), 0.0, "epoch " + (e + 1));
            assertEquals(
                    whole.curve().get(e).validationScore(),
                    second.curve().get(e).validationScore(),
                    0.0);
        }
        assertEquals(whole.score(), second.score(), 0.0);
    }

    @Test
    void aSegmentWhosePatienceRanOutAtItsLastEpochIsNotContinued() {
        // learning rate 0: the score never moves, so early stopping (patience 1) ends training after epoch 2
        Candidate frozen = new Candidate(
                8,
                new TreeMap<>(Map.of("n_hidden", 1, "n_neurons", 8, "learning_rate", 0.0, "optimizer", "sgd")),
                4242L);
        String checkpoints = dir.resolve("f").toString();
        SplitTask task = new SplitTask(
                frozen,
                Task.CLASSIFICATION,
                FashionMnist.train(400),
                new TrainingSettings(6, 1, 32),
                Scoring.ACCURACY,
                new SplitPlan(2, 0, 3),
                1);
        SplitResult stopped = SplitJob.run(task.untilEpoch(2, checkpoints));
        assertEquals(2, stopped.epochsRun(), "stopped by its patience exactly where the segment ended");
        SplitResult next = SplitJob.run(task.untilEpoch(3, checkpoints).continuing());
        assertEquals(TrialStatus.OK, next.status(), next.message());
        assertEquals(2, next.epochsRun(), "a scheduler asking for one more epoch gets none: early stopping ended it");
        assertEquals(stopped.curve(), next.curve());
        assertEquals(stopped.score(), next.score(), 0.0);
        assertEquals(stopped.metrics(), next.metrics());
    }

    @Test
    void aSegmentNeverTrainsPastMaxEpochs() {
        SplitResult result = SplitJob.run(task(3).untilEpoch(9, dir.resolve("c").toString()));
        assertEquals(3, result.epochsRun());
    }

    @Test
    void aContinuingSegmentWithoutItsCheckpointFailsInsteadOfStartingOver() {
        SplitTask promotion = task(4).untilEpoch(4, dir.resolve("d").toString()).continuing();
        SplitResult result = SplitJob.run(WorkerJson.read(WorkerJson.write(promotion), SplitTask.class));
        assertEquals(TrialStatus.FAILED, result.status());
        assertEquals(
                "checkpoint missing: "
                        + new org.apache.hadoop.fs.Path(dir.resolve("d").toString()) + "/trial-0007/split-1-e*",
                result.message());
        assertEquals(0, result.epochsRun());

        String json = WorkerJson.write(task(4).untilEpoch(4, "x"));
        assertTrue(json.contains(",\"continuesFromCheckpoint\":false"), json);
        SplitTask older = WorkerJson.read(json.replace(",\"continuesFromCheckpoint\":false", ""), SplitTask.class);
        assertFalse(older.continuesFromCheckpoint(), "a task written before the field existed starts over");
    }

    @Test
    void theNewestCompleteGenerationIsLoadedAndOlderOnesGoOnceANewerIsComplete() throws Exception {
        String checkpoints = dir.resolve("e").toString();
        Path trial = dir.resolve("e").resolve("trial-0007");
        SplitJob.run(task(6).untilEpoch(2, checkpoints));
        assertTrue(Files.exists(trial.resolve("split-1-e0002.zip")));
        assertTrue(Files.exists(trial.resolve("split-1-e0002.json")));
        SplitResult third = SplitJob.run(task(6).untilEpoch(3, checkpoints).continuing());
        assertEquals(TrialStatus.OK, third.status(), third.message());
        assertFalse(Files.exists(trial.resolve("split-1-e0002.json")), "older generations go once a newer is complete");
        assertFalse(Files.exists(trial.resolve("split-1-e0002.zip")));

        // a save that died after writing the network of a newer generation, and one that died writing its state
        Files.writeString(trial.resolve("split-1-e0005.zip"), "half a zip");
        Files.writeString(trial.resolve("split-1-e0004.json.tmp"), "{\"bestSc");
        assertEquals(
                3,
                Checkpoints.load(checkpoints, "trial-0007", 1)
                        .orElseThrow()
                        .state()
                        .epochs());

        SplitResult fourth = SplitJob.run(task(6).untilEpoch(4, checkpoints).continuing());
        assertEquals(TrialStatus.OK, fourth.status(), fourth.message());
        assertEquals(third.curve(), fourth.curve().subList(0, 3), "continued from the third epoch's generation");
        assertTrue(Files.exists(trial.resolve("split-1-e0004.json")));
        assertFalse(Files.exists(trial.resolve("split-1-e0003.json")));
    }
}
