package io.sparktune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.records.SplitResult;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.FashionMnist;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --optuna} of a real asha search on local[2] (Fashion-MNIST, 2-fold CV, rungs of 1 and 3 epochs; the
 * 100,000-neuron candidates fail for real, out of memory), loaded by Debian's python3-optuna
 * ({@code -Dpython3.binary}, default /usr/bin/python3) with {@code src/test/resources/optuna/load_study.py}:
 * every trial comes back once with its state, value, parameters and their distributions, learning curve and
 * leaderboard cells; Optuna's best trial is the leaderboard's first; Optuna validates every trial, computes fANOVA
 * importances and proposes a next trial from them. Then the command's refusals.
 */
class OptunaExportTest {
    private static final String PYTHON = System.getProperty("python3.binary", "/usr/bin/python3");

    @TempDir
    static Path dir;

    static Path run;
    static JsonNode loaded;

    @BeforeAll
    static void searchExportAndLoadInOptuna() throws Exception {
        Path spec =
                Files.writeString(dir.resolve("optuna-export.yaml"), """
                name: optuna-export
                task: classification
                %s
                search: {n_iter: 10, cv: 2, seed: 3, deterministic: true, scheduler: asha,
                         asha: {min_epochs: 1, reduction_factor: 3}}
                space:
                  n_hidden: 3
                  n_neurons: {choice: [8, 16, 100000], weights: [3, 3, 1]}
                  learning_rate: {loguniform: [1.0e-3, 3.0e-2]}
                  batch_size: {intlog: [32, 128]}
                  lr_schedule: {choice: [none, step]}
                  lr_decay_epochs: {int: [1, 3]}
                training: {max_epochs: 3, patience: 3, batch_size: 64}
                """.formatted(FashionMnist.specTrainData(600)));
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
        Path study = dir.resolve("study.log");
        Cli export = cli("export", run.toString(), "--optuna", study.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(
                export.out().startsWith("optuna journal: " + study + " (study 'optuna-export': 10 trials, "),
                export.out());
        loaded = loadWithOptuna(study);
    }

    @Test
    void everyTrialComesBackWithStateValueParamsCurveAndLeaderboardCells() throws Exception {
        List<Map<String, String>> rows = LeaderboardCsv.read(run.resolve(LeaderboardCsv.FILE_NAME));
        Map<String, TrialRecord> latest = new HashMap<>();
        TrialJournal.read(run).forEach(record -> latest.put(record.trialId(), record));
        Map<String, JsonNode> trials = StreamSupport.stream(loaded.get("trials").spliterator(), false)
                .collect(Collectors.toMap(
                        t -> t.get("user_attrs").get("trial_id").asText(), t -> t));
        assertEquals(10, rows.size());
        assertEquals(rows.size(), loaded.get("trials").size(), "one Optuna trial per trial, however many rungs it ran");
        Map<String, Integer> states = new TreeMap<>();
        for (Map<String, String> row : rows) {
            String trialId = row.get("trial_id");
            JsonNode trial = trials.get(trialId);
            String state = !row.get("status").equals("ok")
                    ? "FAIL"
                    : row.get("rung").equals("1") ? "COMPLETE" : "PRUNED"; // rung 1 (3 epochs) is the top one
            assertEquals(state, trial.get("state").asText(), trialId);
            states.merge(state, 1, Integer::sum);
            assertEquals(
                    Integer.parseInt(trialId.substring("trial-".length())),
                    trial.get("number").asInt());
            if (state.equals("FAIL")) {
                assertTrue(trial.get("value").isNull(), trialId);
            } else {
                assertEquals(
                        Double.parseDouble(row.get("mean_test_score")),
                        trial.get("value").asDouble(),
                        trialId);
            }
            assertParams(row, trial);
            assertEquals(meanCurve(latest.get(trialId)), trial.get("intermediate_values"), trialId);
            JsonNode attrs = trial.get("user_attrs");
            assertEquals(
                    Long.parseLong(row.get("trial_seed")),
                    attrs.get("trial_seed").asLong());
            assertEquals(
                    Integer.parseInt(row.get("rank_test_score")),
                    attrs.get("rank_test_score").asInt());
            assertEquals(row.get("status"), attrs.get("status").asText());
            assertTrue(attrs.get("mean_fit_time").asDouble() > 0, trialId);
            for (String split : List.of("split0_test_score", "split1_test_score")) {
                assertEquals(
                        state.equals("FAIL") ? null : Double.parseDouble(row.get(split)),
                        attrs.has(split) ? attrs.get(split).asDouble() : null,
                        trialId + " " + split);
            }
        }
        assertEquals(Set.of("COMPLETE", "PRUNED", "FAIL"), states.keySet(), "a search with each state: " + states);
    }

    private static void assertParams(Map<String, String> row, JsonNode trial) {
        Set<String> expected = new TreeSet<>();
        row.forEach((column, cell) -> {
            if (column.startsWith("param_") && !cell.isEmpty()) {
                String name = column.substring("param_".length());
                expected.add(name);
                JsonNode value = trial.get("params").get(name);
                if (value.isNumber()) {
                    assertEquals(Double.parseDouble(cell), value.asDouble(), row.get("trial_id") + " " + name);
                } else {
                    assertEquals(cell, value.asText(), row.get("trial_id") + " " + name);
                }
            }
        });
        Set<String> exported = new TreeSet<>();
        trial.get("params").fieldNames().forEachRemaining(exported::add);
        assertEquals(expected, exported, "the trial's params, conditional ones only where they apply");
        Map<String, String> distributions = Map.of(
                "n_hidden", "CategoricalDistribution [3]",
                "n_neurons", "CategoricalDistribution [8, 16, 100000]",
                "learning_rate", "FloatDistribution log [0.001, 0.03]",
                "batch_size", "IntDistribution log [32, 128]",
                "lr_schedule", "CategoricalDistribution [none, step]",
                "lr_decay_epochs", "IntDistribution [1, 3]");
        trial.get("distributions").fields().forEachRemaining(entry -> {
            JsonNode d = entry.getValue();
            String range = d.has("choices")
                    ? StreamSupport.stream(d.get("choices").spliterator(), false)
                            .map(JsonNode::asText)
                            .toList()
                            .toString()
                    : "[" + d.get("low").asText() + ", " + d.get("high").asText() + "]";
            String kind = d.get("class").asText() + (d.path("log").asBoolean() ? " log " : " ") + range;
            assertEquals(distributions.get(entry.getKey()), kind, entry.getKey());
        });
    }

    /** The validation score per epoch, averaged over the splits: what the export's intermediate values must be. */
    private static JsonNode meanCurve(TrialRecord record) {
        Map<String, Double> curve = new TreeMap<>();
        int epochs =
                record.splits().stream().mapToInt(s -> s.curve().size()).min().orElse(0);
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            for (SplitResult split : record.splits()) {
                sum += split.curve().get(e).validationScore();
            }
            curve.put(String.valueOf(e + 1), sum / record.splits().size());
        }
        return new ObjectMapper().valueToTree(curve);
    }

    @Test
    void optunasBestTrialIsTheLeaderboardsFirstAndOptunaCanUseTheStudy() throws Exception {
        Map<String, String> first =
                LeaderboardCsv.read(run.resolve(LeaderboardCsv.FILE_NAME)).get(0);
        JsonNode best = loaded.get("best_trial");
        assertEquals(
                first.get("trial_id"), best.get("user_attrs").get("trial_id").asText());
        assertEquals(
                Double.parseDouble(first.get("mean_test_score")),
                best.get("value").asDouble());
        assertEquals("optuna-export", loaded.get("study_name").asText());
        assertEquals("[\"MAXIMIZE\"]", loaded.get("directions").toString());
        assertEquals("accuracy", loaded.get("user_attrs").get("scoring").asText());

        assertEquals(10, loaded.get("validated_trials").asInt(), "Optuna's add_trials validated every trial");
        JsonNode importances = loaded.get("importances");
        assertTrue(importances.has("learning_rate") && importances.has("batch_size"), importances.toString());
        double total = 0;
        for (JsonNode importance : importances) {
            total += importance.asDouble();
        }
        assertEquals(1.0, total, 1e-9, "fANOVA importances, normalized: " + importances);
        Set<String> proposed = new TreeSet<>();
        loaded.get("proposed_params").fieldNames().forEachRemaining(proposed::add);
        Set<String> bestParams = new TreeSet<>();
        best.get("params").fieldNames().forEachRemaining(bestParams::add);
        assertEquals(bestParams, proposed, "TPE proposes a next trial from the exported ones");
        JsonNode plotted = loaded.get("plotted");
        for (String figure :
                List.of("optimization_history", "intermediate_values", "parallel_coordinate", "param_importances")) {
            assertTrue(plotted.path(figure).asInt() > 0, "optuna.visualization drew " + figure + ": " + plotted);
        }
    }

    @Test
    void refusesAnExistingFileUnlessForced() throws Exception {
        Path existing = Files.writeString(dir.resolve("existing.log"), "a user's own study\n");
        Cli refused = cli("export", run.toString(), "--optuna", existing.toString());
        assertEquals(1, refused.exit());
        assertEquals(
                "sparktune: " + existing + ": exists; Optuna adds studies to a journal file, so it is not "
                        + "replaced: choose a new file, or --force to replace it\n",
                refused.err());
        assertEquals("a user's own study\n", Files.readString(existing));

        Cli forced = cli("export", run.toString(), "--optuna", existing.toString(), "--force", "--study-name", "again");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals("again", loadWithOptuna(existing).get("study_name").asText());
    }

    @Test
    void badArgumentsEndWithOneClearLine() throws Exception {
        Path study = dir.resolve("never-written.log");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path specOnly = Files.createDirectories(dir.resolve("spec-only"));
        Files.copy(run.resolve("spec.yaml"), specOnly.resolve("spec.yaml"));
        Map<List<String>, String> errors = Map.of(
                List.of(dir.resolve("nowhere").toString(), "--optuna", study.toString()),
                "sparktune: " + dir.resolve("nowhere") + ": no such directory",
                List.of(empty.toString(), "--optuna", study.toString()),
                "sparktune: " + empty + " holds no search (no spec.yaml or spec.json)",
                List.of(specOnly.toString(), "--optuna", study.toString()),
                "sparktune: " + specOnly.resolve("trials.jsonl") + " (no trial has finished yet)",
                List.of(run.toString(), "--optuna", dir.toString()),
                "sparktune: " + dir + ": is a directory",
                List.of(
                        run.toString(),
                        "--optuna",
                        run.resolve("spec.yaml").resolve("study.log").toString()),
                "sparktune: cannot write " + run.resolve("spec.yaml").resolve("study.log") + ": "
                        + run.resolve("spec.yaml") + " is not a directory");
        for (Map.Entry<List<String>, String> error : errors.entrySet()) {
            List<String> args = new ArrayList<>(List.of("export"));
            args.addAll(error.getKey());
            Cli result = cli(args.toArray(String[]::new));
            assertEquals(1, result.exit(), result.err());
            assertEquals(error.getValue() + "\n", result.err());
        }
        Cli noFormat = cli("export", run.toString());
        assertEquals(2, noFormat.exit());
        assertTrue(noFormat.err().startsWith("sparktune: Missing required option: '--optuna=FILE'"), noFormat.err());
        assertFalse(Files.exists(study));
    }

    private record Cli(int exit, String out, String err) {}

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new Main())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** What load_study.py prints for {@code journal}; it must exit 0. */
    private static JsonNode loadWithOptuna(Path journal) throws Exception {
        Path script = dir.resolve("load_study.py");
        try (InputStream in = OptunaExportTest.class.getResourceAsStream("/optuna/load_study.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path stderr = dir.resolve("load_study.err");
        Process python = new ProcessBuilder(PYTHON, script.toString(), journal.toString())
                .redirectError(stderr.toFile())
                .start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "load_study.py did not end");
        assertEquals(0, python.exitValue(), PYTHON + " load_study.py failed: " + Files.readString(stderr));
        return new ObjectMapper().readTree(out);
    }
}
