package io.sparktune.worker.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Loss;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.schedule.MapSchedule;

/**
 * {@link PortableModel} saves DL4J's classes with the trained state: the same parameters, optimizer state, counters
 * and outputs, and for the exact conversions (Adam, the cosine schedule) the same further training.
 */
class PortableModelTest {
    private static final int INPUTS = 6;
    private static final int OUTPUTS = 3;

    @ParameterizedTest
    @ValueSource(strings = {"adam", "momentum", "nesterov", "sgd", "nadam", "rmsprop"})
    void keepsParametersStateCountersAndOutputs(String optimizer) {
        for (boolean batchNorm : new boolean[] {false, true}) {
            Map<String, Object> params = Map.of(
                    "optimizer",
                    optimizer,
                    "lr_schedule",
                    "cosine",
                    "lr_decay_epochs",
                    4,
                    "lr_min_ratio",
                    0.1,
                    "batch_norm",
                    String.valueOf(batchNorm));
            MultiLayerNetwork trained = trained(params, Loss.CROSS_ENTROPY);
            String trainedJson = trained.getLayerWiseConfigurations().toJson();
            PortableModel.Portable portable = PortableModel.of(trained);
            MultiLayerNetwork saved = portable.network();
            String what = optimizer + (batchNorm ? " with batch norm" : "");

            assertEquals(trainedJson, trained.getLayerWiseConfigurations().toJson(), "the trained one is untouched");
            String json = saved.getLayerWiseConfigurations().toJson();
            assertFalse(json.contains("io.sparktune"), what + ": " + json);
            assertEquals(trained.params(), saved.params(), what);
            INDArray state = trained.getUpdater().getStateViewArray();
            if (!optimizer.equals("sgd")) {
                assertTrue(state.norm2Number().doubleValue() > 0, what + ": a trained optimizer state to carry over");
                assertEquals(state, saved.getUpdater().getStateViewArray(), what);
            }
            assertEquals(
                    trained.getLayerWiseConfigurations().getIterationCount(),
                    saved.getLayerWiseConfigurations().getIterationCount(),
                    what);
            assertEquals(2, saved.getLayerWiseConfigurations().getEpochCount(), what);
            INDArray x = Nd4j.rand(DataType.FLOAT, 5, INPUTS);
            assertEquals(trained.output(x), saved.output(x), what);
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
            assertEquals(saved.getLayerWiseConfigurations(), back, what + ": survives its JSON");
            assertEquals(
                    optimizer.equals("momentum"),
                    !portable.differences().isEmpty(),
                    what + ": " + portable.differences());
        }
    }

    @Test
    void adamAndTheCosineScheduleTrainOnExactlyAsTheyWould() {
        MultiLayerNetwork trained = trained(
                Map.of("optimizer", "adam", "lr_schedule", "cosine", "lr_decay_epochs", 3, "lr_min_ratio", 0.2),
                Loss.CROSS_ENTROPY);
        MultiLayerNetwork saved = PortableModel.of(trained).network();
        IUpdater updater =
                ((BaseLayer) saved.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater();
        Adam adam = assertInstanceOf(Adam.class, updater);
        MapSchedule schedule = assertInstanceOf(MapSchedule.class, adam.getLearningRateSchedule());
        CosineDecaySchedule cosine = new CosineDecaySchedule(0.01, 3, 0.2);
        for (int epoch = 0; epoch < 8; epoch++) {
            assertEquals(cosine.valueAt(0, epoch), schedule.valueAt(0, epoch), 0.0, "epoch " + epoch);
        }
        for (int epoch = 2; epoch < 5; epoch++) { // on through the end of the decay, where the rate changes most
            fit(trained, epoch);
            fit(saved, epoch);
            trained.incrementEpochCount();
            saved.incrementEpochCount();
        }
        // FusedAdam is Adam's arithmetic in Java, DL4J's Adam a native op: equal up to float rounding
        assertArrayEquals(trained.params().toFloatVector(), saved.params().toFloatVector(), 1e-5f);
        assertArrayEquals(
                trained.getUpdater().getStateViewArray().toFloatVector(),
                saved.getUpdater().getStateViewArray().toFloatVector(),
                1e-6f);
    }

    @Test
    void heavyBallMomentumAndHuberAreSavedAsTheirClosestDl4jPiecesAndSaySo() {
        MultiLayerNetwork trained = trained(Map.of("optimizer", "momentum", "momentum", 0.8), Loss.HUBER);
        PortableModel.Portable portable = PortableModel.of(trained);
        MultiLayerConfiguration conf = portable.network().getLayerWiseConfigurations();
        Nesterovs nesterovs =
                assertInstanceOf(Nesterovs.class, ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater());
        assertEquals(0.01, nesterovs.getLearningRate(), 0.0);
        assertEquals(0.8, nesterovs.getMomentum(), 0.0);
        assertInstanceOf(LossMSE.class, ((OutputLayer) conf.getConf(1).getLayer()).getLossFn());
        assertEquals(2, portable.differences().size(), portable.differences().toString());
        assertTrue(
                portable.differences().get(0).contains("Nesterovs"),
                portable.differences().toString());
        assertTrue(
                portable.differences().get(1).contains("LossMSE"),
                portable.differences().toString());
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, INPUTS);
        assertEquals(trained.output(x), portable.network().output(x));
    }

    @Test
    void refusesAConfigurationWithAClassItCannotReplace() {
        MultiLayerConfiguration conf = NetworkFactory.build(candidate(Map.of()), Loss.MSE, 1.0, INPUTS, 1, 5L);
        ((BaseLayer) conf.getConf(0).getLayer()).setIUpdater(new UnknownUpdater());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> PortableModel.configuration(conf, new HashSet<>()));
        assertTrue(e.getMessage().contains(UnknownUpdater.class.getName()), e.getMessage());
    }

    /** An updater of ours that {@link PortableModel} does not know. */
    public static final class UnknownUpdater extends org.nd4j.linalg.learning.config.Sgd {
        @Override
        public UnknownUpdater clone() {
            return new UnknownUpdater();
        }
    }

    /** A small network of {@code params} (learning rate 0.01), trained for two epochs of a few batches. */
    private static MultiLayerNetwork trained(Map<String, Object> params, Loss loss) {
        Candidate candidate = candidate(params);
        int outputs = loss == Loss.CROSS_ENTROPY ? OUTPUTS : 1;
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.build(candidate, loss, 1.0, INPUTS, outputs, 5L));
        net.init();
        for (int epoch = 0; epoch < 2; epoch++) {
            fit(net, epoch);
            net.incrementEpochCount();
        }
        return net;
    }

    private static Candidate candidate(Map<String, Object> params) {
        TreeMap<String, Object> all = new TreeMap<>(Map.of("n_hidden", 1, "n_neurons", 8, "learning_rate", 0.01));
        all.putAll(params);
        return new Candidate(1, all, 5L);
    }

    /** Four batches; the same for every network with the same epoch and output width. */
    private static void fit(MultiLayerNetwork net, int epoch) {
        long outputs = net.layerSize(net.getnLayers() - 1);
        Nd4j.getRandom().setSeed(100 + epoch);
        for (int batch = 0; batch < 4; batch++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, INPUTS);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 8, outputs);
            for (int row = 0; row < 8; row++) {
                y.putScalar(row, outputs == 1 ? 0 : (row + batch) % outputs, outputs == 1 ? x.getFloat(row, 0) : 1f);
            }
            net.fit(x, y);
        }
    }
}
