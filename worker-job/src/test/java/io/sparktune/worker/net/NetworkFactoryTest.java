package io.sparktune.worker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Task;
import io.sparktune.worker.fastpath.FusedAdam;
import io.sparktune.worker.fastpath.HeavyBallMomentum;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;

class NetworkFactoryTest {

    static Candidate candidate(Map<String, Object> params) {
        return new Candidate(0, new TreeMap<>(params), 1L);
    }

    @Test
    void buildsTheCandidatesLayersOptimizerAndDropout() {
        MultiLayerConfiguration conf = NetworkFactory.build(
                candidate(Map.of(
                        "n_hidden",
                        2,
                        "n_neurons",
                        17,
                        "learning_rate",
                        0.02,
                        "optimizer",
                        "momentum",
                        "dropout",
                        0.25)),
                Task.CLASSIFICATION,
                784,
                10,
                5);
        assertEquals(3, conf.getConfs().size());
        DenseLayer first = (DenseLayer) conf.getConf(0).getLayer();
        DenseLayer second = (DenseLayer) conf.getConf(1).getLayer();
        OutputLayer out = (OutputLayer) conf.getConf(2).getLayer();
        assertEquals(784, first.getNIn());
        assertEquals(17, first.getNOut());
        assertEquals(17, second.getNOut());
        assertEquals(17, out.getNIn());
        assertEquals(10, out.getNOut());
        assertNull(first.getIDropout(), "dropout goes only before the output layer");
        assertEquals(0.75, ((Dropout) out.getIDropout()).getP(), 1e-12);
        HeavyBallMomentum updater = assertInstanceOf(HeavyBallMomentum.class, first.getIUpdater());
        assertEquals(0.02, updater.getLearningRate(), 1e-15);
    }

    @Test
    void zeroHiddenLayersIsSoftmaxRegressionAndDefaultsApply() {
        MultiLayerConfiguration conf =
                NetworkFactory.build(candidate(Map.of("n_hidden", 0)), Task.CLASSIFICATION, 784, 10, 5);
        assertEquals(1, conf.getConfs().size());
        OutputLayer out = (OutputLayer) conf.getConf(0).getLayer();
        assertEquals(784, out.getNIn());
        FusedAdam adam = assertInstanceOf(FusedAdam.class, ((BaseLayer) out).getIUpdater());
        assertEquals(0.9, adam.getBeta1(), 1e-12);
        assertEquals(0.999, adam.getBeta2(), 1e-12);
    }

    @Test
    void customUpdaterSurvivesTheJsonRoundTripOfModelFiles() {
        MultiLayerConfiguration conf = NetworkFactory.build(
                candidate(Map.of("optimizer", "momentum", "learning_rate", 0.05)), Task.CLASSIFICATION, 20, 3, 9);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }
}
