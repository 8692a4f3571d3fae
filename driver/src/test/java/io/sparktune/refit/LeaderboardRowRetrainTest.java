package io.sparktune.refit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.LeaderboardFiles;
import io.sparktune.results.LeaderboardRows;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialFixtures;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.net.NetworkFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * {@code retrain} of a leaderboard row builds exactly that row's network: layers, optimizer, learning rate, dropout.
 */
class LeaderboardRowRetrainTest {
    @TempDir
    Path runDir;

    @Test
    void theSavedModelHasTheRowsConfiguration() throws Exception {
        Files.writeString(runDir.resolve("spec.yaml"), """
                name: retrain-config
                task: classification
                %s
                search: {n_iter: 2, cv: 2, seed: 3}
                space:
                  n_hidden: {int: [1, 3]}
                  n_neurons: {int: [8, 64]}
                  learning_rate: {loguniform: [1.0e-4, 1.0e-1]}
                  optimizer: {choice: [nesterov, rmsprop]}
                  dropout: {uniform: [0.0, 0.5]}
                  activation: {choice: [relu, tanh]}
                training: {max_epochs: 3, patience: 1, batch_size: 64}
                """.formatted(FashionMnist.specData(0)));
        Map<String, Object> best = Map.of(
                "n_hidden",
                2,
                "n_neurons",
                23,
                "learning_rate",
                0.0012345678901234567,
                "optimizer",
                "nesterov",
                "dropout",
                0.2718281828459045,
                "activation",
                "tanh");
        Map<String, Object> second = Map.of(
                "n_hidden",
                1,
                "n_neurons",
                50,
                "learning_rate",
                0.05,
                "optimizer",
                "rmsprop",
                "dropout",
                0.0,
                "activation",
                "relu");
        LeaderboardFiles.write(
                Leaderboard.from(List.of(
                        TrialFixtures.trial(4, second, TrialStatus.OK, 0.7, 0.7),
                        TrialFixtures.trial(9, best, TrialStatus.OK, 0.8, 0.8))),
                runDir);
        SearchSpec spec = SpecParser.parse(RunFiles.spec(runDir));

        Path model = runDir.resolve("best.zip");
        Retrainer.Outcome outcome = Retrainer.retrain(
                runDir, new Retrainer.Selection(1, null), model, Retrainer.Schedule.wholeSet(null, null), 600);
        assertEquals(600, outcome.trainExamples(), "the whole (limited) training set, nothing held out");
        assertEquals(0, outcome.heldOutExamples());
        assertEquals(2, outcome.training().epochsRun(), "the row's mean_best_epoch");
        assertEquals(1, outcome.averagedEpochs(), "a quarter of 2 epochs, at least 1");
        Map<String, String> row = LeaderboardRows.byRank(
                        LeaderboardCsv.read(runDir.resolve(LeaderboardCsv.FILE_NAME)), 1)
                .orElseThrow();
        Candidate candidate = LeaderboardRows.toCandidate(row);
        assertEquals("trial-0009", candidate.trialId());
        assertEquals(candidate, outcome.candidate());

        MultiLayerConfiguration saved =
                ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false).getLayerWiseConfigurations();
        MultiLayerConfiguration expected = NetworkFactory.build(
                candidate, spec.training().loss(), spec.training().huberDelta(), 784, 10, candidate.seed());
        assertEquals(3, saved.getConfs().size(), "two hidden layers and the output layer");
        for (int i = 0; i < 2; i++) {
            DenseLayer hidden =
                    assertInstanceOf(DenseLayer.class, saved.getConf(i).getLayer());
            assertEquals(i == 0 ? 784 : 23, hidden.getNIn());
            assertEquals(23, hidden.getNOut());
            assertInstanceOf(ActivationTanH.class, hidden.getActivationFn());
        }
        OutputLayer output =
                assertInstanceOf(OutputLayer.class, saved.getConf(2).getLayer());
        assertEquals(10, output.getNOut());
        assertEquals(
                1 - 0.2718281828459045,
                assertInstanceOf(Dropout.class, output.getIDropout()).getP(),
                0.0,
                "DL4J keeps 1 - dropout of the output layer's inputs");
        for (int i = 0; i < 3; i++) {
            Nesterovs updater = assertInstanceOf(
                    Nesterovs.class, ((BaseLayer) saved.getConf(i).getLayer()).getIUpdater());
            assertEquals(0.0012345678901234567, updater.getLearningRate(), 0.0);
            assertEquals(0.9, updater.getMomentum(), 0.0);
        }
        // everything else too: the whole configuration, once initialised (lists the variables) and the counters reset
        new MultiLayerNetwork(expected).init();
        saved.setIterationCount(0);
        saved.setEpochCount(0);
        assertEquals(expected.toJson(), saved.toJson());

        JsonNode description =
                new ObjectMapper().readTree(Path.of(model + ".json").toFile());
        assertEquals("trial-0009", description.get("trial_id").textValue());
        assertEquals(
                0.0012345678901234567,
                description.get("params").get("learning_rate").doubleValue(),
                0.0);
        assertEquals(1, description.get("averaged_epochs").intValue());

        Retrainer.Outcome heldOut = Retrainer.retrain(
                runDir, new Retrainer.Selection(null, "trial-0004"), model, Retrainer.Schedule.holdOut(1), 600);
        assertEquals(600, heldOut.trainExamples() + heldOut.heldOutExamples());
        assertEquals(0.1, heldOut.heldOutExamples() / 600.0, 0.02, "a stratified tenth held out");
        assertEquals(1, heldOut.training().epochsRun());
        MultiLayerNetwork other = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
        assertEquals(2, other.getLayerWiseConfigurations().getConfs().size());
        assertEquals(
                0.05,
                assertInstanceOf(
                                RmsProp.class,
                                ((BaseLayer) other.getLayerWiseConfigurations()
                                                .getConf(0)
                                                .getLayer())
                                        .getIUpdater())
                        .getLearningRate(),
                0.0);
        assertTrue(other.getOutputLayer().conf().getLayer().getIDropout() == null, "dropout 0: no dropout");
    }
}
