package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint directory's rule (which masters accept a driver-local path), qualification and record. */
class CheckpointDirTest {
    @TempDir
    Path dir;

    @Test
    void masterWhoseExecutorsRunOnThisMachineAcceptsAnyLocation() {
        for (String master : new String[] {
            "local",
            "local[*]",
            "local[2]",
            "local[4,2]",
            "local-cluster[2,1,1024]",
            "spark://127.0.0.1:7077",
            "spark://localhost:7077",
            "spark://127.0.0.2:7077,127.0.0.3:7077",
            "spark://[::1]:7077"
        }) {
            assertTrue(SparkConfs.isOnThisMachine(master), master);
            assertEquals(java.util.Optional.empty(), CheckpointDir.refusal(master, "/tmp/run/checkpoints"), master);
        }
    }

    @Test
    void otherMastersRefuseAPlainPathButAcceptAnyUri() {
        for (String master : new String[] {
            "yarn",
            "k8s://https://10.0.0.1:6443",
            "spark://10.1.2.3:7077",
            "spark://127.0.0.1:7077,10.1.2.3:7077",
            "spark://master.example:7077",
            "mesos://10.0.0.1:5050"
        }) {
            assertFalse(SparkConfs.isOnThisMachine(master), master);
            String refusal = CheckpointDir.refusal(master, "runs/a/checkpoints").orElseThrow();
            assertTrue(
                    refusal.contains("runs/a/checkpoints") && refusal.contains(master) && !refusal.contains("\n"),
                    refusal);
            for (String uri : new String[] {"hdfs://nn:8020/ckpt", "s3a://bucket/ckpt", "file:///shared/ckpt"}) {
                assertEquals(java.util.Optional.empty(), CheckpointDir.refusal(master, uri), master + " " + uri);
            }
        }
    }

    @Test
    void aPlainPathIsQualifiedAsALocalFileAndRecordedForTheResume() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("elsewhere"));
        String qualified = CheckpointDir.settle(relative.toString(), dir);
        assertEquals("file:" + dir.resolve("elsewhere").toAbsolutePath(), qualified);
        assertEquals(qualified, RunFiles.checkpointDir(dir).orElseThrow());
        assertEquals(qualified, CheckpointDir.settle(qualified, dir), "the same place again is fine");
        IOException moved = assertThrows(IOException.class, () -> CheckpointDir.settle(dir + "/other", dir));
        assertTrue(moved.getMessage().contains(qualified), moved.getMessage());
    }

    @Test
    void theOptionWinsThenTheRecordThenTheSpecThenTheDefault() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.yaml"), """
                name: s
                task: classification
                data: {format: idx, train: {images: %s, labels: %s}}
                search: {n_iter: 1, scheduler: asha, checkpoint_dir: "hdfs://nn/from-spec"}
                space: {n_neurons: {int: [8, 16]}}
                training: {max_epochs: 3}
                """.formatted(spec(), spec()));
        var parsed = io.sparktune.space.searchspec.SpecParser.parse(spec);
        Path run = dir.resolve("run");
        assertEquals("s3a://b/opt", CheckpointDir.requested("s3a://b/opt", parsed, run));
        assertEquals("hdfs://nn/from-spec", CheckpointDir.requested(null, parsed, run));
        Files.createDirectories(run);
        RunFiles.recordCheckpointDir(run, "hdfs://nn:8020/recorded");
        assertEquals("hdfs://nn:8020/recorded", CheckpointDir.requested(null, parsed, run));
        var noDirectory = io.sparktune.space.searchspec.SpecParser.parse(Files.writeString(
                dir.resolve("t.yaml"),
                Files.readString(spec).replace(", checkpoint_dir: \"hdfs://nn/from-spec\"", "")));
        assertEquals(
                dir.resolve("other").resolve("checkpoints").toString(),
                CheckpointDir.requested(null, noDirectory, dir.resolve("other")));
    }

    private String spec() throws IOException {
        return Files.writeString(dir.resolve("any-file"), "x").toString();
    }
}
