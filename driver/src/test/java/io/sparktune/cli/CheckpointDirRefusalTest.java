package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.worker.FashionMnist;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asha on a master whose executors may run on other hosts ({@code yarn}) with a driver-local checkpoint directory:
 * one line, exit 2, before Spark starts (no YARN is reachable here, so a started context would fail otherwise) and
 * before anything is written.
 */
class CheckpointDirRefusalTest {
    @TempDir
    Path dir;

    @Test
    void ashaOnYarnRefusesTheDefaultAndAPlainSpecPath() throws Exception {
        String spec = """
                name: asha
                task: classification
                %s
                search: {n_iter: 2, cv: 2, scheduler: asha%s}
                space: {n_neurons: {int: [8, 16]}}
                training: {max_epochs: 3}
                """;
        assertRefused(
                Files.writeString(dir.resolve("default.yaml"), spec.formatted(FashionMnist.specTrainData(100), "")),
                "run/checkpoints");
        assertRefused(
                Files.writeString(
                        dir.resolve("plain.yaml"),
                        spec.formatted(FashionMnist.specTrainData(100), ", checkpoint_dir: /mnt/ckpt")),
                "/mnt/ckpt");
    }

    private void assertRefused(Path spec, String shown) {
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("search", spec.toString(), "--out", out.toString(), "--master", "yarn");
        String text = err.toString();
        assertEquals(2, exit, text);
        assertEquals(1, text.strip().lines().count(), text);
        assertTrue(text.contains("checkpoint directory") && text.contains(shown) && text.contains("yarn"), text);
        assertFalse(Files.exists(out), "nothing written");
    }
}
