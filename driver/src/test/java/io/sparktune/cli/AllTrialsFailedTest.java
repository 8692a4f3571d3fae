package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.LeaderboardCsv;
import io.sparktune.worker.FashionMnist;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search in which every trial failed exits 1 with one line (the count and the first error), as scikit-learn's
 * search raises "All fits failed"; the leaderboard is still written.
 */
class AllTrialsFailedTest {
    @TempDir
    Path dir;

    @Test
    void everyTrialFailedExitsNonZeroWithOneLine() throws Exception {
        // 3 hidden layers of 100,000 neurons: ~2e10 parameters, more than this JVM may allocate, for every candidate
        Path spec = Files.writeString(dir.resolve("too-big.yaml"), """
                name: too-big
                task: classification
                %s
                search: {n_iter: 2, cv: 2, seed: 1}
                space:
                  n_hidden: 3
                  n_neurons: 100000
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                training: {max_epochs: 1}
                """.formatted(FashionMnist.specTrainData(300)));
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();

        int exit = Main.commandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("search", spec.toString(), "--out", out.toString(), "--quiet", "--master", "local[1]");

        assertEquals(1, exit, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("sparktune: all 2 trials failed; the first error: "), err.toString());
        assertEquals(
                2, LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME)).size(), "the leaderboard is written");
    }
}
