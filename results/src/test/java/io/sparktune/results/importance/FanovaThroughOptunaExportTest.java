package io.sparktune.results.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.Importances.ParamImportance;
import io.sparktune.results.optuna.OptunaJournalExport;
import io.sparktune.worker.FashionMnist;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparktune importance} and Optuna's {@code FanovaImportanceEvaluator} on the same run, handed to Optuna the
 * way a user would: {@code sparktune export --optuna}, then {@code optuna.load_study} on the journal file (Debian's
 * python3-optuna). The run's trials have a known objective ({@link SyntheticTrials}), so the ranking is also right.
 * Optuna 3.1 takes the loguniform learning rate on its raw scale, sparktune on its log scale, so only the ranking of
 * the top parameters is compared, not the shares.
 */
class FanovaThroughOptunaExportTest {
    private static final String PYTHON = System.getProperty("python3.binary", "/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void optunaLoadingTheExportRanksTheTopHyperparametersAsSparktuneDoes() throws Exception {
        Path runDir = dir.resolve("run");
        Path spec = Files.writeString(dir.resolve("synthetic.yaml"), """
                name: synthetic
                task: classification
                %s
                search: {sampler: random, n_iter: 100, cv: 2, seed: 7}
                space:
                  learning_rate: {loguniform: [1.0e-4, 1.0e-1]}
                  n_neurons: {int: [8, 256]}
                  dropout: {uniform: [0.0, 0.5]}
                  optimizer: {choice: [sgd, adam, rmsprop]}
                training: {max_epochs: 3, patience: 1, batch_size: 32}
                """.formatted(FashionMnist.specData(600)));
        RunFiles.startNew(runDir, spec);
        try (TrialJournal journal = TrialJournal.openForAppend(runDir)) {
            for (TrialRecord trial : SyntheticTrials.sample(100, 7)) {
                journal.append(trial);
            }
        }
        Path file = dir.resolve("optuna.log");
        OptunaJournalExport.write(runDir, file);

        Importances ours = FanovaImportance.forRun(runDir, FanovaImportance.TREES, FanovaImportance.SEED);
        List<String> ourRanking =
                ours.params().stream().map(ParamImportance::name).toList();
        List<String> optunaRanking = optunaRanking(file);
        String both = "sparktune " + ours.params() + ", Optuna " + optunaRanking;
        assertEquals(List.of("learning_rate", "optimizer"), ourRanking.subList(0, 2), both);
        assertEquals(ourRanking.subList(0, 2), optunaRanking.subList(0, 2), both);
        assertEquals("dropout", ourRanking.get(3), "the irrelevant one last: " + both);
    }

    private List<String> optunaRanking(Path journalFile) throws Exception {
        Path script =
                Path.of(System.getProperty("user.dir"), "target/test-classes/importance/optuna_journal_fanova.py");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(PYTHON, script.toString(), journalFile.toString())
                .redirectError(stderr.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Optuna did not finish");
        assertEquals(0, process.exitValue(), Files.readString(stderr));
        List<String> ranking = new ArrayList<>();
        JsonNode importances = new ObjectMapper().readTree(out);
        importances.fieldNames().forEachRemaining(ranking::add);
        return ranking;
    }
}
