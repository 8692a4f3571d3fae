package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.HadoopFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparktune validate SPEC}: the spec's and the data's checks, the candidates to run, no Spark, no training. */
class ValidateCommandTest {
    private static final String SPACE = """
            space:
              n_neurons: {int: [8, 64]}
              learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
            training: {max_epochs: 1}
            """;

    @TempDir
    Path dir;

    @Test
    void aValidIdxSpecPrintsItsCandidatesAndData() throws Exception {
        Path spec = write(
                "good.yaml",
                "name: good\ntask: classification\n" + FashionMnist.specData(500) + "\nsearch: {n_iter: 5, cv: 3}\n"
                        + SPACE);
        assertEquals(
                "spec: valid (good, classification)\ncandidates: 5 (random, n_iter 5)\n"
                        + "data: 500 rows, 784 features, 10 classes\ntest data: 10000 rows, 784 features, 10 classes\n",
                validate(0, spec.toString())[0]);
    }

    @Test
    void badTestDataIsReportedToo() throws Exception {
        Path labels = Files.write(dir.resolve("t10k-labels"), new byte[] {0, 0, 8, 1, 0, 0});
        Path spec = write(
                "badtest.yaml",
                "name: t\ntask: classification\n" + FashionMnist.specTrainData(100)
                        + "\n  test: {images: '%s', labels: '%s'}\nsearch: {n_iter: 1, cv: 2}\n"
                                .formatted(FashionMnist.testImages(), labels)
                        + SPACE);
        assertEquals(
                "sparktune: invalid data, 1 problem(s):\n  " + labels + ": truncated header\n",
                validate(2, spec.toString())[1]);
    }

    @Test
    void aGridPrintsItsExactSize() throws Exception {
        String grid =
                Files.readString(Path.of("..", "examples", "fashion-grid.yaml")).replace("limit: 6000", "limit: 300");
        Path smaller = write("grid12.yaml", grid.replace("n_iter: 36", "n_iter: 12"));
        assertTrue(validate(0, smaller.toString())[0].contains("\ncandidates: 12 (grid of 36, n_iter 12)\n"));
        Path larger = write("grid40.yaml", grid.replace("n_iter: 36", "n_iter: 40"));
        assertTrue(validate(0, larger.toString())[0].contains("\ncandidates: 36 (grid of 36)\n"));
    }

    @Test
    void aBadSpecExits2WithOneLinePerProblem() throws Exception {
        Path spec = write(
                "bad.yaml",
                "name: bad\ntask: classification\n" + FashionMnist.specTrainData(500) + "\nsearch: {n_iter: 0, cv: 3}\n"
                        + SPACE.replace("n_neurons", "n_neurns"));
        String err = validate(2, spec.toString())[1];
        assertTrue(err.startsWith("sparktune: invalid spec, 2 problem(s):\n"), err);
        assertTrue(err.contains("\n  search.n_iter: ") && err.contains("\n  space.n_neurns: unknown key"), err);
    }

    @Test
    void badDataExits2WithOneLinePerProblem() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "a,b,y\n1,x,2\n3,4,5\n6,7,?\n");
        Path spec = write(
                "csv.yaml",
                "name: csv\ntask: regression\ndata: {format: csv, train: {path: '" + csv
                        + "'}, label: y}\nsearch: {n_iter: 5, cv: 2}\n"
                        + SPACE.replace("max_epochs: 1", "max_epochs: 1, loss: mse"));
        assertEquals(
                "sparktune: invalid data, 2 problem(s):\n"
                        + "  " + csv + ": line 2, column 'b': not a finite number ('x')\n"
                        + "  " + csv + ": line 4, column 'y': not a finite number ('?')\n",
                validate(2, spec.toString())[1]);
    }

    @Test
    void sparkHadoopSettingsReachTheHadoopConfiguration() throws Exception {
        Path spec = write(
                "good.yaml",
                "name: good\ntask: classification\n" + FashionMnist.specTrainData(100)
                        + "\nsearch: {n_iter: 1, cv: 2}\n" + SPACE);
        validate(
                0,
                spec.toString(),
                "--conf",
                "spark.hadoop.sparktune.validate.test=on",
                "--conf",
                "spark.executor.memory=1g");
        assertEquals("on", HadoopFiles.configuration().get("sparktune.validate.test"));
        assertNull(HadoopFiles.configuration().get("spark.executor.memory"), "only spark.hadoop.* keys");
        assertNull(HadoopFiles.configuration().get("executor.memory"), "only spark.hadoop.* keys");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Runs validate, checks its exit status and returns stdout and stderr. */
    private static String[] validate(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Main.commandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(all);
        assertEquals(expectedExit, exit, out + "\n" + err);
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        return new String[] {out.toString(), err.toString()};
    }
}
