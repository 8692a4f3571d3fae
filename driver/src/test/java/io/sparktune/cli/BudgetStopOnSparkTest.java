package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.TrialJournal;
import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A time budget on a real Spark ({@code local[2]}): when it runs out, the Spark jobs of the running trials are
 * cancelled rather than waited for, what they trained is not recorded (a resume runs them again), and the search
 * ends normally.
 */
class BudgetStopOnSparkTest {
    @TempDir
    Path dir;

    @Test
    void maxSecondsCancelsTheRunningTrainings() throws Exception {
        Path spec = Files.writeString(dir.resolve("budget.yaml"), """
                name: budget
                task: classification
                %s
                search: {n_iter: 4, cv: 2, seed: 4, budget: {max_seconds: 3}}
                space:
                  n_neurons: {int: [64, 128]}
                training: {max_epochs: 5000, patience: 5000, batch_size: 16}
                """.formatted(FashionMnist.specTrainData(4000)));
        Path out = dir.resolve("run");
        long start = System.nanoTime();

        int exit = Main.execute(
                new Main(), "search", spec.toString(), "--out", out.toString(), "--quiet", "--master", "local[2]");

        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, exit);
        // each split alone would train 5000 epochs of 2000 images: many minutes
        assertTrue(seconds < 120, "the search waited for its trainings to finish: " + seconds + " s");
        assertEquals(0, TrialJournal.read(out).size(), "a cancelled trial is not recorded");
        assertTrue(trainingThreadsEnd(Duration.ofSeconds(30)), "the interrupted tasks went on training");
    }

    /** Whether every thread running a Spark task (named so by Spark while it runs one) ends within {@code timeout}. */
    private static boolean trainingThreadsEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("Executor task launch worker for task"))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
