package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Median stopping with real training on local[2]: trials go epoch by epoch from checkpoints, one record per epoch. */
class MedianStoppingSearchTest {
    @TempDir
    Path dir;

    @Test
    void trainsEpochByEpochFromCheckpoints() throws Exception {
        Path spec = Files.writeString(dir.resolve("median.yaml"), """
                name: median
                task: classification
                %s
                search: {n_iter: 5, cv: 2, seed: 8, scheduler: median, median: {warmup_epochs: 1, min_trials: 2}}
                space:
                  n_neurons: {int: [4, 48]}
                  learning_rate: {loguniform: [1.0e-4, 1.0e-2]}
                training: {max_epochs: 4, patience: 4, batch_size: 64}
                """.formatted(FashionMnist.specTrainData(800)));
        Path out = dir.resolve("run");
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
                        "local[2]"));

        assertEquals(
                5, LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME)).size());
        Map<Integer, List<TrialRecord>> byTrial =
                TrialJournal.read(out).stream().collect(Collectors.groupingBy(TrialRecord::trialNumber));
        assertEquals(5, byTrial.size());
        for (List<TrialRecord> records : byTrial.values()) {
            for (int i = 0; i < records.size(); i++) {
                assertEquals(i + 1, records.get(i).splits().get(0).epochsRun(), "one epoch per record");
                if (i > 0) {
                    assertEquals(
                            records.get(i - 1).splits().get(0).curve(),
                            records.get(i).splits().get(0).curve().subList(0, i),
                            "continued, not restarted");
                    assertTrue(
                            records.get(i).meanFitSeconds() > records.get(i - 1).meanFitSeconds(),
                            "fit time adds up over the epochs");
                }
            }
        }
        assertTrue(byTrial.values().stream().anyMatch(r -> r.size() == 4), "some trial runs to max_epochs");
    }
}
