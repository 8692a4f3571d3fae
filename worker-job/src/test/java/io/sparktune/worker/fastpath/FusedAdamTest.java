package io.sparktune.worker.fastpath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** {@link FusedAdam} must train exactly like DL4J's {@code Adam}: same parameters and state after many steps. */
class FusedAdamTest {

    @Test
    void trainsANetworkLikeDl4jsAdam() {
        FusedAdam fused = new FusedAdam(3e-3, 0.85, 0.995, 1e-7);
        fused.setLrAndSchedule(3e-3, new ExponentialSchedule(ScheduleType.ITERATION, 3e-3, 0.99));
        MultiLayerNetwork withFused = network(fused);
        MultiLayerNetwork withDl4j = network(fused.asDl4jAdam());
        assertEquals(withDl4j.params(), withFused.params(), "same seed, same initial weights");

        Nd4j.getRandom().setSeed(7);
        for (int step = 0; step < 60; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 16, 12);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 3);
            for (int row = 0; row < 16; row++) {
                y.putScalar(row, (row * 7 + step) % 3, 1f);
            }
            withFused.fit(x, y);
            withDl4j.fit(x, y);
        }
        INDArray moved = withDl4j.params().sub(network(fused.asDl4jAdam()).params());
        assertTrue(moved.norm2Number().doubleValue() > 0.1, "the comparison must be over real updates");
        assertArrayEquals(withDl4j.params().toFloatVector(), withFused.params().toFloatVector(), 2e-5f);
        assertArrayEquals(
                withDl4j.getUpdater().getStateViewArray().toFloatVector(),
                withFused.getUpdater().getStateViewArray().toFloatVector(),
                1e-6f);
    }

    @Test
    void fallsBackToDl4jsOpWhenTheGradientIsNotLaidOutLikeTheState() {
        FusedAdam config = new FusedAdam(0.01, 0.9, 0.999, 1e-8);
        GradientUpdater<?> fused = config.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 24), true);
        GradientUpdater<?> dl4j = config.asDl4jAdam().instantiate(Nd4j.zeros(DataType.FLOAT, 1, 24), true);
        fused.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 24), new long[] {3, 4}, 'c', true);
        dl4j.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 24), new long[] {3, 4}, 'c', true);
        for (int step = 0; step < 3; step++) {
            INDArray transposedView = Nd4j.rand(DataType.FLOAT, 4, 3).transpose(); // 3×4, not contiguous in 'c'
            INDArray copy = transposedView.dup('c');
            fused.applyUpdater(transposedView, step, 0);
            dl4j.applyUpdater(copy, step, 0);
            assertArrayEquals(
                    Nd4j.toFlattened('c', copy).toFloatVector(),
                    Nd4j.toFlattened('c', transposedView).toFloatVector(),
                    1e-7f);
        }
    }

    @Test
    void survivesTheJsonOfModelFilesWithItsSchedule() {
        FusedAdam fused = new FusedAdam(0.02, 0.8, 0.99, 1e-6);
        fused.setLrAndSchedule(0.02, new ExponentialSchedule(ScheduleType.EPOCH, 0.02, 0.5));
        MultiLayerConfiguration conf = network(fused).getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertNotEquals(conf, network(new FusedAdam(0.02, 0.8, 0.99, 1e-6)).getLayerWiseConfigurations());
    }

    private static MultiLayerNetwork network(IUpdater updater) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(12)
                        .nOut(9)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(9)
                        .nOut(3)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
