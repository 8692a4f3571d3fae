package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.TrialJournal;
import io.sparktune.worker.FashionMnist;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparktune importance DIR} on a real small search (12 trials trained on 300 Fashion-MNIST images): the table,
 * the same shares in report.html, the note for a run with few trials and a one-line refusal for one trial.
 */
class ImportanceCommandTest {
    private static final Pattern ROW = Pattern.compile("(\\S+)\\s+(\\d\\.\\d{3})(?:\\s+(#+|\\(one value\\)))?");

    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void search() throws Exception {
        Path spec = Files.writeString(dir.resolve("importance.yaml"), """
                name: importance-small
                task: classification
                %s
                search: {n_iter: 12, validation_split: 0.25, seed: 4}
                space:
                  learning_rate: {loguniform: [1.0e-4, 0.3]}
                  n_neurons: {int: [8, 32]}
                  dropout: {uniform: [0.0, 0.3]}
                  optimizer: {choice: [sgd, adam]}
                  batch_size: 32
                training: {max_epochs: 1}
                """.formatted(FashionMnist.specTrainData(300)));
        run = dir.resolve("run");
        assertEquals(
                0,
                Main.execute(
                        new Main(),
                        "search",
                        spec.toString(),
                        "--out",
                        run.toString(),
                        "--quiet",
                        "--master",
                        "local[2]"));
    }

    @Test
    void printsEachHyperparametersShareLargestFirstAndTheReportShowsTheSame() throws Exception {
        String[] result = run("importance", run.toString());
        assertEquals("0", result[0], result[2]);
        List<String> lines = result[1].lines().toList();
        assertTrue(
                lines.get(0)
                        .startsWith("fANOVA over a random forest of 64 trees (seed 0) fitted on 12 scored "
                                + "trials of 12"),
                lines.get(0));
        assertTrue(lines.get(2).matches("parameter\\s+importance"), lines.get(2));
        Map<String, String> shares = shares(lines.subList(3, lines.size()));
        assertEquals(
                List.of("batch_size", "dropout", "learning_rate", "n_neurons", "optimizer"),
                shares.keySet().stream().sorted().toList(),
                result[1]);
        assertEquals("batch_size", List.copyOf(shares.keySet()).get(4), "the fixed one last");
        assertTrue(lines.get(lines.size() - 1).endsWith("(one value)"), result[1]);
        double sum = shares.values().stream().mapToDouble(Double::parseDouble).sum();
        assertEquals(1.0, sum, 0.003, result[1]);
        assertTrue(result[1].lines().noneMatch(line -> line.startsWith("note:")), result[1]);

        assertEquals("0", run("report", run.toString())[0]);
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        String section = html.substring(html.indexOf("<section id=\"importance\">"));
        section = section.substring(0, section.indexOf("</section>"));
        for (Map.Entry<String, String> share : shares.entrySet()) {
            String row = "<tr><td>" + share.getKey() + "</td><td class=\"num\">" + share.getValue() + "</td>";
            assertTrue(section.contains(row), share + " in " + section);
        }
    }

    @Test
    void fewTrialsGiveTheTableWithANoteAndOneTrialAOneLineRefusal() throws Exception {
        String[] four = run("importance", withFirstTrials(4).toString());
        assertEquals("0", four[0], four[2]);
        assertEquals(5, shares(four[1].lines().toList()).size(), four[1]);
        assertTrue(
                four[1].contains("note: Only 4 scored trials: a forest learns little from so few, so these shares "
                        + "are rough"),
                four[1]);

        Path oneTrial = withFirstTrials(1);
        String[] one = run("importance", oneTrial.toString());
        assertEquals(String.valueOf(CliErrors.FAILED), one[0]);
        assertEquals("", one[1]);
        assertEquals(
                List.of("sparktune: " + oneTrial + ": Importance needs at least 2 scored trials; this search has "
                        + "1."),
                one[2].lines().toList());
    }

    @Test
    void aDirectoryWithoutASearchIsAOneLineError() {
        String[] result = run("importance", dir.toString());
        assertEquals("1", result[0]);
        assertEquals(
                List.of("sparktune: " + dir + " holds no search (no spec.yaml or spec.json)"),
                result[2].lines().toList());
    }

    /** A copy of the run whose journal holds its first {@code count} trials. */
    private static Path withFirstTrials(int count) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("first-" + count));
        Files.copy(run.resolve("spec.yaml"), copy.resolve("spec.yaml"));
        List<String> journal = Files.readAllLines(run.resolve(TrialJournal.FILE_NAME));
        Files.write(copy.resolve(TrialJournal.FILE_NAME), journal.subList(0, count));
        return copy;
    }

    /** Parameter → printed share, in the printed order, from the table's rows. */
    private static Map<String, String> shares(List<String> lines) {
        Map<String, String> shares = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                shares.put(row.group(1), row.group(2));
            }
        }
        return shares;
    }

    /** Exit code, standard output and standard error of the command line. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }
}
