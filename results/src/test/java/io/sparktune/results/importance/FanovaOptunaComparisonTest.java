package io.sparktune.results.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.Importances.ParamImportance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sparktune's fANOVA against Optuna 3.1's {@code FanovaImportanceEvaluator} (Debian's python3-optuna, run as a
 * script) on the same synthetic trials: the same ranking, shares within a few hundredths. The two forests differ
 * (Tribuo's and scikit-learn's bootstrap draws), so the shares are close, not equal.
 */
class FanovaOptunaComparisonTest {
    private static final String PYTHON = System.getProperty("python3.binary", "/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void optunaRanksTheHyperparametersTheSameWithCloseShares() throws Exception {
        List<TrialRecord> trials = SyntheticTrials.sample(100, 7);
        Importances ours = FanovaImportance.of(trials, SyntheticTrials.SPACE);
        // learning_rate on its log scale, the scale sparktune takes a loguniform on (Optuna 3.1 takes it raw)
        Map<String, JsonNode> optuna = optunaImportances(trials, true);

        List<String> ourRanking =
                ours.params().stream().map(ParamImportance::name).toList();
        String both = "sparktune " + ours.params() + ", Optuna " + optuna;
        assertEquals(ourRanking.subList(0, 3), new ArrayList<>(optuna.keySet()).subList(0, 3), both);
        for (ParamImportance param : ours.params()) {
            assertEquals(optuna.get(param.name()).doubleValue(), param.importance(), 0.03, param.name() + ": " + both);
        }
    }

    @Test
    void optunaOnTheRawLearningRateStillPutsItFirst() throws Exception {
        List<TrialRecord> trials = SyntheticTrials.sample(100, 7);
        Map<String, JsonNode> optuna = optunaImportances(trials, false);
        Importances ours = FanovaImportance.of(trials, SyntheticTrials.SPACE);
        assertEquals(ours.params().get(0).name(), optuna.keySet().iterator().next(), "Optuna " + optuna);
    }

    /**
     * Optuna's importances of {@code trials}, largest first. With {@code logScaleAsLinear} the learning rate is given
     * to Optuna as its logarithm over [ln 1e-4, ln 1e-1], so both sides integrate over the same space; without, as
     * the loguniform it is ({@code log=True}), which Optuna 3.1's fANOVA takes on the raw scale.
     */
    private Map<String, JsonNode> optunaImportances(List<TrialRecord> trials, boolean logScaleAsLinear)
            throws IOException, InterruptedException {
        ObjectNode input = JSON.createObjectNode().put("seed", 0).put("n_trees", FanovaImportance.TREES);
        ObjectNode distributions = input.putObject("distributions");
        if (logScaleAsLinear) {
            distributions
                    .putObject("learning_rate")
                    .putArray("float")
                    .add(Math.log(1e-4))
                    .add(Math.log(1e-1));
        } else {
            distributions
                    .putObject("learning_rate")
                    .put("log", true)
                    .putArray("float")
                    .add(1e-4)
                    .add(1e-1);
        }
        distributions.putObject("n_neurons").putArray("int").add(8).add(256);
        distributions.putObject("dropout").putArray("float").add(0.0).add(0.5);
        distributions
                .putObject("optimizer")
                .putArray("choices")
                .add("sgd")
                .add("adam")
                .add("rmsprop");
        for (TrialRecord trial : trials) {
            ObjectNode row = input.withArray("trials").addObject().put("value", trial.meanScore());
            ObjectNode params = JSON.valueToTree(trial.params());
            if (logScaleAsLinear) {
                params.put("learning_rate", Math.log(params.get("learning_rate").doubleValue()));
            }
            row.set("params", params);
        }
        Path file = Files.writeString(dir.resolve("trials.json"), JSON.writeValueAsString(input));
        Path script = Path.of(System.getProperty("user.dir"), "target/test-classes/importance/optuna_fanova.py");
        Process process = new ProcessBuilder(PYTHON, script.toString(), file.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Optuna did not finish");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        Map<String, JsonNode> importances = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(out).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            importances.put(entry.getKey(), entry.getValue());
        }
        return importances;
    }
}
