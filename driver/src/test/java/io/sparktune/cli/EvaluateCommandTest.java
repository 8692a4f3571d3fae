package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.TrialStatus;
import io.sparktune.refit.Retrainer;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardFiles;
import io.sparktune.results.report.HtmlReport;
import io.sparktune.worker.FashionMnist;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparktune evaluate} scores a retrained model as retrain did; {@code sparktune report} writes the page. */
class EvaluateCommandTest {
    @TempDir
    static Path runDir;

    static Retrainer.Outcome retrained;

    @BeforeAll
    static void retrainARow() throws Exception {
        Files.writeString(runDir.resolve("spec.yaml"), """
                name: evaluate
                task: classification
                %s
                search: {n_iter: 1, cv: 2, seed: 5}
                space: {n_neurons: {int: [8, 64]}, optimizer: {choice: [adam]}}
                training: {max_epochs: 2, patience: 1, batch_size: 64}
                """.formatted(FashionMnist.specData(0)));
        LeaderboardFiles.write(
                Leaderboard.from(List.of(LeaderboardCommandTest.trial(0, 3e-3, TrialStatus.OK, 0.7, 1.0))), runDir);
        retrained = Retrainer.retrain(
                runDir,
                new Retrainer.Selection(1, null),
                runDir.resolve("model.zip"),
                Retrainer.Schedule.holdOut(2),
                1000);
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    static double accuracy(String output) {
        Matcher m = Pattern.compile("(?m)^\\s+accuracy\\s+([0-9.]+)$").matcher(output);
        assertTrue(m.find(), output);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void scoresTheModelOnTheSpecsTestDataAsRetrainDid() {
        String model = runDir.resolve("model.zip").toString();
        String expected =
                String.format(Locale.ROOT, "%.4f", retrained.testMetrics().get("accuracy"));
        for (String data : List.of(
                runDir.toString(),
                runDir.resolve("spec.yaml").toString(),
                FashionMnist.testImages().toString())) {
            String[] result = run("evaluate", "--model", model, "--data", data);
            assertEquals("0", result[0], result[2]);
            assertTrue(result[1].contains("on 10000 examples"), result[1]);
            assertEquals(expected, String.format(Locale.ROOT, "%.4f", accuracy(result[1])), data);
            assertTrue(result[1].contains("neg_log_loss"), result[1]);
        }
        assertTrue(retrained.testMetrics().get("accuracy") > 0.5, "a real model: " + retrained.testMetrics());
    }

    @Test
    void imagesWithoutLabelsBesideThemAskForLabels() throws Exception {
        Path images = Files.copy(FashionMnist.testImages(), runDir.resolve("extra-images-idx3-ubyte.gz"));
        String[] result =
                run("evaluate", "--model", runDir.resolve("model.zip").toString(), "--data", images.toString());
        assertEquals("1", result[0]);
        assertTrue(result[2].contains("pass --labels FILE"), result[2]);
        String[] withLabels = run(
                "evaluate",
                "--model",
                runDir.resolve("model.zip").toString(),
                "--data",
                images.toString(),
                "--labels",
                FashionMnist.testLabels().toString());
        assertEquals("0", withLabels[0], withLabels[2]);
        assertEquals(retrained.testMetrics().get("accuracy"), accuracy(withLabels[1]), 1e-4);
    }

    @Test
    void reportCommandWritesTheReport() throws Exception {
        try (var journal = io.sparktune.results.TrialJournal.openForAppend(runDir)) {
            journal.append(LeaderboardCommandTest.trial(0, 3e-3, TrialStatus.OK, 0.7, 1.0));
        }
        String[] result = run("report", runDir.toString());
        assertEquals("0", result[0], result[2]);
        Path report = runDir.resolve(HtmlReport.FILE_NAME);
        assertEquals("report: " + report, result[1].strip());
        assertTrue(Files.readString(report).contains("data-chart=\"param-n_neurons\""));
    }
}
