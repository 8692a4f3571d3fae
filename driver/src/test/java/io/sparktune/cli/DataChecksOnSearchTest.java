package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.TrialJournal;
import io.sparktune.worker.FashionMnist;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad training data stops {@code search} (and {@code --resume}) on the driver before any Spark job: exit 2, one line
 * per problem naming the file, no trial written.
 */
class DataChecksOnSearchTest {
    private static final String SEARCH = """
            search: {n_iter: 2, cv: 2, seed: 3}
            space: {n_neurons: {int: [8, 16]}}
            training: {max_epochs: 1, batch_size: 32}
            """;

    @TempDir
    Path dir;

    @Test
    void aTextCellInTheCsvIsReportedWithItsLineAndColumnAndNothingTrains() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("flowers.csv"),
                "length,width,species\n1.5,2,a\n0.5,1,b\n" + "2.5,wide,a\n0.7,1.1,b\n1.1,1.3,a\n0.4,0.9,b\n");
        Path spec = Files.writeString(dir.resolve("flowers.yaml"), """
                name: flowers
                task: classification
                data: {format: csv, train: {path: '%s'}, label: species}
                """.formatted(csv) + SEARCH);
        Path out = dir.resolve("run");

        String err = search(2, "search", spec.toString(), "--out", out.toString(), "--master", "local[2]");

        assertTrue(
                err.startsWith("sparktune: invalid data, 1 problem(s):\n  " + csv
                        + ": line 4, column 'width': not a finite number ('wide')\n"),
                err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out.resolve(TrialJournal.FILE_NAME)), "no trial, no journal");
    }

    @Test
    void aTruncatedIdxFileIsReportedBeforeASearchAndItsResume() throws Exception {
        Path images = dir.resolve("train-images.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(FashionMnist.trainImages()));
                OutputStream gz = new GZIPOutputStream(Files.newOutputStream(images))) {
            gz.write(in.readNBytes(16 + 228 * 784 + 300));
        }
        Path spec = Files.writeString(
                dir.resolve("fashion.yaml"), """
                name: truncated
                task: classification
                data:
                  format: idx
                  train: {images: '%s', labels: '%s'}
                  limit: 3000
                """.formatted(images, FashionMnist.trainLabels()) + SEARCH);
        Path out = dir.resolve("run");
        String expected =
                "sparktune: invalid data, 1 problem(s):\n  " + images + ": truncated after 228 of 3000 images\n";

        assertEquals(expected, search(2, "search", spec.toString(), "--out", out.toString(), "--master", "local[2]"));
        assertEquals(
                expected,
                search(2, "search", spec.toString(), "--out", out.toString(), "--resume", "--master", "local[2]"));
        assertFalse(Files.exists(out.resolve(TrialJournal.FILE_NAME)), "no trial, no journal");
    }

    /** Runs the command, checks its exit status and returns what it printed on stderr. */
    private static String search(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main()).setErr(new PrintWriter(err)).execute(args);
        assertEquals(expectedExit, exit, err.toString());
        return err.toString();
    }
}
