package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cli.MainForTests;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transient I/O error while a task reads its checkpoint (the first read by a task fails, see
 * {@link FlakyFileSystem}) is the infrastructure's, not the candidate's: the task fails, real Spark runs it again
 * ({@code local[1,2]}: 2 attempts per task) and the trial ends OK instead of being recorded as failed. Once Spark
 * gives up on the task, the trial is recorded as failed, with the first line of Spark's message. (The checkpoint, not
 * the data: a local search's tasks find the data already read by the driver's check, in the same JVM.)
 */
class TransientReadErrorRetryTest {
    @TempDir
    Path dir;

    @Test
    void aFailedReadIsRetriedBySparkAndTheTrialEndsOk() throws Exception {
        FlakyFileSystem.reset();
        Path spec = spec(600);
        Path out = dir.resolve("run");

        assertEquals(
                0,
                MainForTests.run(
                        "search",
                        spec.toString(),
                        "--out",
                        out.toString(),
                        "--quiet",
                        "--master",
                        "local[1,2]",
                        "--checkpoint-dir",
                        checkpoints()));

        assertTrue(FlakyFileSystem.failed().isPresent(), "a task's read failed");
        TrialRecord trial = last(TrialJournal.read(out));
        assertEquals(TrialStatus.OK, trial.status(), "retried, not failed: " + trial.message());
        assertEquals(2, trial.splits().get(0).epochsRun(), "continued from its checkpoint to the last epoch");
        assertTrue(trial.meanScore() > 0.3, "trained: " + trial.meanScore());
    }

    @Test
    void whenSparkGivesUpTheTrialIsRecordedAsADispatchFailure() throws Exception {
        FlakyFileSystem.reset();
        Path out = dir.resolve("run");

        // local[1,1]: one attempt per task, so the failed read is final; the only trial failed: exit 1
        assertEquals(
                1,
                MainForTests.run(
                        "search",
                        spec(500).toString(),
                        "--out",
                        out.toString(),
                        "--quiet",
                        "--master",
                        "local[1,1]",
                        "--checkpoint-dir",
                        checkpoints()));

        TrialRecord trial = last(TrialJournal.read(out));
        assertEquals(TrialStatus.FAILED, trial.status());
        String message = trial.message();
        assertTrue(message.startsWith("dispatch failed: ") && message.contains("flaky: the first read"), message);
        assertEquals(1, message.lines().count(), "one line, without Spark's driver stack trace: " + message);
    }

    /** The trial's latest record (the median rule journals one per epoch). */
    private static TrialRecord last(List<TrialRecord> trials) {
        assertTrue(
                trials.stream().allMatch(t -> t.trialNumber() == trials.get(0).trialNumber()), "one trial");
        return trials.get(trials.size() - 1);
    }

    private String checkpoints() {
        return "flaky://" + dir.resolve("checkpoints").toAbsolutePath();
    }

    private Path spec(int limit) throws Exception {
        return Files.writeString(dir.resolve("flaky.yaml"), """
                name: flaky
                task: classification
                data:
                  format: idx
                  train: {images: "%s", labels: "%s"}
                  limit: %d
                search: {n_iter: 1, cv: 2, seed: 1, scheduler: median, median: {warmup_epochs: 1, min_trials: 1}}
                space:
                  n_neurons: 16
                training: {max_epochs: 2, patience: 2}
                """.formatted(
                        FashionMnist.trainImages().toAbsolutePath(),
                        FashionMnist.trainLabels().toAbsolutePath(),
                        limit));
    }
}
