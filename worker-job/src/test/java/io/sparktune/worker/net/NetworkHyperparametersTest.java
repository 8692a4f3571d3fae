package io.sparktune.worker.net;

import static io.sparktune.worker.net.NetworkFactoryTest.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sparktune.space.ActivationFunction;
import io.sparktune.space.WeightInitializer;
import io.sparktune.space.searchspec.Task;
import io.sparktune.worker.fastpath.HeavyBallMomentum;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;

class NetworkHyperparametersTest {

    private static MultiLayerConfiguration build(Map<String, Object> params) {
        return NetworkFactory.build(candidate(params), Task.CLASSIFICATION, 20, 3, 7);
    }

    private static List<Layer> layers(MultiLayerConfiguration conf) {
        return IntStream.range(0, conf.getConfs().size())
                .mapToObj(i -> conf.getConf(i).getLayer())
                .toList();
    }

    @Test
    void perLayerWidthsAndFunnelSetEachLayersWidth() {
        List<Layer> perLayer = layers(build(Map.of("n_hidden", 3, "neurons_per_layer", "64-32-8")));
        assertEquals(
                List.of(64L, 32L, 8L),
                perLayer.subList(0, 3).stream()
                        .map(l -> ((DenseLayer) l).getNOut())
                        .toList());
        assertEquals(8L, ((OutputLayer) perLayer.get(3)).getNIn());

        List<Layer> funnel = layers(build(Map.of("n_hidden", 3, "n_neurons", 40, "funnel", 0.5)));
        assertEquals(
                List.of(40L, 20L, 10L),
                funnel.subList(0, 3).stream()
                        .map(l -> ((DenseLayer) l).getNOut())
                        .toList());
    }

    @Test
    void batchNormFollowsEachDenseLayerAndTakesItsActivation() {
        List<Layer> layers =
                layers(build(Map.of("n_hidden", 2, "n_neurons", 16, "batch_norm", "true", "activation", "gelu")));

        assertEquals(5, layers.size());
        for (int i : new int[] {0, 2}) {
            DenseLayer dense = assertInstanceOf(DenseLayer.class, layers.get(i));
            assertInstanceOf(ActivationIdentity.class, dense.getActivationFn());
            BatchNormalization norm = assertInstanceOf(BatchNormalization.class, layers.get(i + 1));
            assertEquals(16, norm.getNOut());
            assertInstanceOf(ActivationGELU.class, norm.getActivationFn());
        }
        assertEquals(
                3, layers(build(Map.of("n_hidden", 2, "batch_norm", "false"))).size());
    }

    @Test
    void weightInitAndPenaltiesReachTheLayers() {
        BaseLayer layer = (BaseLayer) layers(build(Map.of("weight_init", "he_uniform", "l1", 1e-4, "l2", 1e-3)))
                .get(0);
        assertEquals(WeightInit.RELU_UNIFORM.getWeightInitFunction(), layer.getWeightInitFn());
        double l1 = layer.getRegularization().stream()
                .filter(r -> r instanceof L1Regularization)
                .mapToDouble(r -> ((L1Regularization) r).getL1().valueAt(0, 0))
                .sum();
        double l2 = layer.getRegularization().stream()
                .filter(r -> r instanceof L2Regularization)
                .mapToDouble(r -> ((L2Regularization) r).getL2().valueAt(0, 0))
                .sum();
        assertEquals(1e-4, l1, 1e-15);
        assertEquals(1e-3, l2, 1e-15);

        assertEquals(
                WeightInit.LECUN_NORMAL, NetworkFactory.weightInit(WeightInitializer.AUTO, ActivationFunction.SELU));
        assertEquals(WeightInit.RELU, NetworkFactory.weightInit(WeightInitializer.AUTO, ActivationFunction.GELU));
        assertEquals(WeightInit.XAVIER, NetworkFactory.weightInit(WeightInitializer.AUTO, ActivationFunction.TANH));
        assertEquals(
                WeightInit.XAVIER_UNIFORM,
                NetworkFactory.weightInit(WeightInitializer.GLOROT_UNIFORM, ActivationFunction.RELU));
    }

    @Test
    void optimizerConstantsComeFromTheCandidateOrKerasDefaults() {
        AdaMax adamax = assertInstanceOf(
                AdaMax.class,
                Optimizers.forCandidate(candidate(Map.of(
                        "optimizer", "adamax", "learning_rate", 0.01, "beta1", 0.8, "beta2", 0.99, "epsilon", 1e-6))));
        assertEquals(
                List.of(0.01, 0.8, 0.99, 1e-6),
                List.of(adamax.getLearningRate(), adamax.getBeta1(), adamax.getBeta2(), adamax.getEpsilon()));
        AMSGrad amsgrad =
                assertInstanceOf(AMSGrad.class, Optimizers.forCandidate(candidate(Map.of("optimizer", "amsgrad"))));
        assertEquals(List.of(0.9, 0.999, 1e-7), List.of(amsgrad.getBeta1(), amsgrad.getBeta2(), amsgrad.getEpsilon()));
        RmsProp rmsprop = assertInstanceOf(
                RmsProp.class, Optimizers.forCandidate(candidate(Map.of("optimizer", "rmsprop", "rho", 0.95))));
        assertEquals(0.95, rmsprop.getRmsDecay());
        Nesterovs nesterov = assertInstanceOf(
                Nesterovs.class, Optimizers.forCandidate(candidate(Map.of("optimizer", "nesterov", "momentum", 0.75))));
        assertEquals(0.75, nesterov.getMomentum());
        HeavyBallMomentum heavy = assertInstanceOf(
                HeavyBallMomentum.class, Optimizers.forCandidate(candidate(Map.of("optimizer", "momentum"))));
        assertEquals(0.9, heavy.getMomentum());
    }

    @Test
    void learningRateSchedulesFollowTheEpoch() {
        assertEquals(List.of(0.1, 0.1, 0.1), lrs(Map.of("learning_rate", 0.1), 0, 1, 5));
        assertEquals(
                List.of(0.1, 0.05, 0.1 / 32),
                lrs(Map.of("learning_rate", 0.1, "lr_schedule", "exponential", "lr_decay_rate", 0.5), 0, 1, 5));
        assertEquals(
                List.of(0.1, 0.1, 0.05, 0.025),
                lrs(
                        Map.of("learning_rate", 0.1, "lr_schedule", "step", "lr_decay_rate", 0.5, "lr_decay_epochs", 2),
                        0,
                        1,
                        2,
                        5));
        // cosine: half way at 5 of 10 epochs, floor 10 % from epoch 10 on
        assertEquals(
                List.of(0.1, 0.055, 0.01, 0.01),
                lrs(
                        Map.of(
                                "learning_rate",
                                0.1,
                                "lr_schedule",
                                "cosine",
                                "lr_decay_epochs",
                                10,
                                "lr_min_ratio",
                                0.1),
                        0,
                        5,
                        10,
                        30));
        // the custom momentum updater takes schedules too
        assertEquals(
                List.of(0.2, 0.1),
                lrs(
                        Map.of(
                                "optimizer",
                                "momentum",
                                "learning_rate",
                                0.2,
                                "lr_schedule",
                                "exponential",
                                "lr_decay_rate",
                                0.5),
                        0,
                        1));
        assertNull(LearningRateSchedules.forCandidate(candidate(Map.of("lr_schedule", "none"))));
    }

    @Test
    void theNetworksEpochCountDrivesTheSchedule() {
        MultiLayerNetwork net = new MultiLayerNetwork(build(
                Map.of("optimizer", "sgd", "learning_rate", 0.1, "lr_schedule", "exponential", "lr_decay_rate", 0.5)));
        net.init();
        assertEquals(0.1, net.getLearningRate(0), 1e-12);
        net.incrementEpochCount();
        net.incrementEpochCount();
        assertEquals(0.025, net.getLearningRate(0), 1e-12);
    }

    @Test
    void schedulesAndTheCustomUpdaterSurviveTheJsonRoundTrip() {
        for (Map<String, Object> params : List.of(
                Map.<String, Object>of("optimizer", "momentum", "lr_schedule", "cosine", "lr_decay_epochs", 7),
                Map.<String, Object>of("optimizer", "adamax", "lr_schedule", "step", "batch_norm", "true"))) {
            MultiLayerConfiguration conf = build(params);
            assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()), params.toString());
        }
    }

    private static List<Double> lrs(Map<String, Object> params, int... epochs) {
        IUpdater updater = Optimizers.forCandidate(candidate(params));
        return IntStream.of(epochs)
                .mapToObj(e -> Math.round(updater.getLearningRate(123, e) * 1e12) / 1e12)
                .toList();
    }
}
