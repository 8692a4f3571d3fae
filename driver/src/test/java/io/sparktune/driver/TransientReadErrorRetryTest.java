package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.cli.MainForTests;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transient I/O error while a task reads the data (the first read by a task fails, see
 * {@link FlakyFileSystem}) is the infrastructure's, not the candidate's: the task fails, real Spark runs it again
 * ({@code local[1,2]}: 2 attempts per task) and the trial ends OK instead of being recorded as failed. Once Spark
 * gives up on the task, the trial is recorded as failed, with the first line of Spark's message.
 */
class TransientReadErrorRetryTest {
    @TempDir
    Path dir;

    @Test
    void aFailedReadIsRetriedBySparkAndTheTrialEndsOk() throws Exception {
        FlakyFileSystem.reset();
        Path spec = spec(600);
        Path out = dir.resolve("run");

        assertEquals(0, MainForTests.run("search", spec.toString(), "--out", out.toString(), "--quiet",
                "--master", "local[1,2]"));

        assertTrue(FlakyFileSystem.failed().isPresent(), "a task's read failed");
        List<TrialRecord> trials = TrialJournal.read(out);
        assertEquals(1, trials.size());
        assertEquals(TrialStatus.OK, trials.get(0).status(), "retried, not failed: " + trials.get(0).message());
        assertTrue(trials.get(0).meanScore() > 0.3, "trained: " + trials.get(0).meanScore());
    }

    @Test
    void whenSparkGivesUpTheTrialIsRecordedAsADispatchFailure() throws Exception {
        FlakyFileSystem.reset();
        Path out = dir.resolve("run");

        // local[1,1]: one attempt per task, so the failed read is final; the only trial failed: exit 1. (Other data
        // than the other test's: an executor reads a data set once, and this JVM is the executor.)
        assertEquals(1, MainForTests.run("search", spec(500).toString(), "--out", out.toString(), "--quiet",
                "--master", "local[1,1]"));

        List<TrialRecord> trials = TrialJournal.read(out);
        assertEquals(1, trials.size());
        assertEquals(TrialStatus.FAILED, trials.get(0).status());
        String message = trials.get(0).message();
        assertTrue(message.startsWith("dispatch failed: ") && message.contains("flaky: the first read"), message);
        assertEquals(1, message.lines().count(), "one line, without Spark's driver stack trace: " + message);
    }

    private Path spec(int limit) throws Exception {
        return Files.writeString(dir.resolve("flaky.yaml"), """
                name: flaky
                task: classification
                data:
                  format: idx
                  train: {images: "flaky://%s", labels: "flaky://%s"}
                  limit: %d
                search: {n_iter: 1, cv: 2, seed: 1}
                space:
                  n_neurons: 16
                training: {max_epochs: 1}
                """.formatted(FashionMnist.trainImages().toAbsolutePath(),
                FashionMnist.trainLabels().toAbsolutePath(), limit));
    }
}
