package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.EpochRecord;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.RunFiles;
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

/**
 * ASHA with real training on two executor JVMs: trials train rung by rung (1, 3, 9 epochs), only the best go on, and
 * a promoted trial continues from its checkpoint rather than starting over. The checkpoints live where
 * {@code --checkpoint-dir} says, recorded qualified in the run directory, and are gone once the search completed.
 */
class AshaOnLocalClusterTest {
    @TempDir
    Path dir;

    @Test
    void promotesTheBestTrialsWhichContinueFromTheirCheckpoints() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        Path spec = Files.writeString(dir.resolve("asha.yaml"), """
                name: asha
                task: classification
                %s
                search: {n_iter: 6, cv: 2, seed: 21, scheduler: asha, asha: {min_epochs: 1, reduction_factor: 3}}
                space:
                  n_neurons: {int: [8, 48]}
                  learning_rate: {loguniform: [3.0e-4, 1.0e-2]}
                training: {max_epochs: 9, patience: 9, batch_size: 64}
                """.formatted(FashionMnist.specTrainData(1200)));
        Path out = dir.resolve("run");
        Path checkpoints = dir.resolve("checkpoints-elsewhere");
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
                        "local-cluster[2,1,1024]",
                        "--checkpoint-dir",
                        checkpoints.toString(),
                        "--conf",
                        "spark.executor.extraClassPath=" + System.getProperty("java.class.path")));

        List<Map<String, String>> rows = LeaderboardCsv.read(out.resolve(LeaderboardCsv.FILE_NAME));
        assertEquals(6, rows.size(), "one row per trial, however many rungs it ran");
        assertTrue(rows.get(0).containsKey("rung"));
        Map<Integer, List<TrialRecord>> byTrial =
                TrialJournal.read(out).stream().collect(Collectors.groupingBy(TrialRecord::trialNumber));
        long promoted =
                byTrial.values().stream().filter(records -> records.size() > 1).count();
        assertTrue(promoted >= 1 && promoted < 6, promoted + " of 6 trials promoted");
        for (List<TrialRecord> records : byTrial.values()) {
            for (int i = 0; i < records.size(); i++) {
                TrialRecord record = records.get(i);
                assertEquals(i, record.rung());
                assertEquals(new int[] {1, 3, 9}[i], record.splits().get(0).epochsRun());
                if (i > 0) {
                    List<EpochRecord> before =
                            records.get(i - 1).splits().get(0).curve();
                    List<EpochRecord> after = record.splits().get(0).curve();
                    assertEquals(
                            before, after.subList(0, before.size()), "continued from the checkpoint, not restarted");
                }
            }
        }
        assertEquals(
                "file:" + checkpoints.toAbsolutePath(),
                RunFiles.checkpointDir(out).orElseThrow(),
                "the qualified directory, recorded for --resume");
        assertFalse(Files.exists(checkpoints), "a completed search deletes its checkpoints");
        assertFalse(Files.exists(out.resolve("checkpoints")));
    }
}
