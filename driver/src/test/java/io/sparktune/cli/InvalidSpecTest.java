package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad spec: exit status 2, one line per problem naming its field, no stack trace, nothing written. */
class InvalidSpecTest {
    @TempDir
    Path dir;

    @Test
    void reportsEveryProblemAndWritesNothing() throws Exception {
        String example = Files.readString(Path.of("..", "examples", "fashion-mlp.yaml"));
        String broken = example.replace("n_hidden:", "n_hiddn:")
                .replace("train-images-idx3-ubyte.gz", "no-such-file.gz")
                .replace("{loguniform: [3.0e-4, 3.0e-2]}", "{loguniform: [3.0e-2, 3.0e-4]}");
        Path spec = Files.writeString(dir.resolve("broken.yaml"), broken);
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();

        int exit = Main.commandLine(new Main())
                .setErr(new PrintWriter(err))
                .execute("search", spec.toString(), "--out", out.toString());

        String text = err.toString();
        assertEquals(2, exit, text);
        assertTrue(text.contains("space.n_hiddn: unknown key (did you mean 'n_hidden'?)"), text);
        assertTrue(text.contains("data.train.images: file not found"), text);
        assertTrue(text.contains("space.learning_rate.loguniform: low must be ≤ high"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        assertFalse(Files.exists(out), "no output directory for an invalid spec");
    }
}
