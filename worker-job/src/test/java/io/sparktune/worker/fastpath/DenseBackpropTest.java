package io.sparktune.worker.fastpath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link DenseBackprop} must train a network exactly as DL4J's {@code fit} does: same losses, same parameters and
 * updater state after many steps, for every activation, both output heads and several updaters.
 */
class DenseBackpropTest {
    private static final int INPUTS = 12;
    private static final int BATCH = 16;

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"RELU", "LEAKYRELU", "TANH", "SIGMOID", "ELU", "SELU", "IDENTITY"})
    void trainsLikeDl4jForEachHiddenActivation(Activation activation) {
        assertSameTraining(
                builder -> builder.updater(new FusedAdam(3e-3, 0.9, 0.999, 1e-7)),
                activation,
                LossFunction.MCXENT,
                Activation.SOFTMAX,
                3);
    }

    @Test
    void trainsLikeDl4jWithOtherUpdatersAndALastSmallerBatch() {
        assertSameTraining(
                builder -> builder.updater(new Nesterovs(0.05, 0.9)),
                Activation.RELU,
                LossFunction.MCXENT,
                Activation.SOFTMAX,
                3);
        assertSameTraining(
                builder -> builder.updater(new RmsProp(1e-3, 0.9, 1e-7)),
                Activation.TANH,
                LossFunction.MCXENT,
                Activation.SOFTMAX,
                3);
    }

    @Test
    void trainsRegressionWithSquaredErrorLikeDl4j() {
        assertSameTraining(
                builder -> builder.updater(new FusedAdam(1e-2, 0.9, 0.999, 1e-7)),
                Activation.RELU,
                LossFunction.MSE,
                Activation.IDENTITY,
                2);
    }

    @Test
    void leavesWhatItDoesNotComputeExactlyToDl4j() {
        assertNotNull(DenseBackprop.unsupported(
                network(b -> b.l2(1e-4), Activation.RELU, LossFunction.MCXENT, Activation.SOFTMAX, 3, 0)));
        assertNotNull(DenseBackprop.unsupported(
                network(b -> {}, Activation.GELU, LossFunction.MCXENT, Activation.SOFTMAX, 3, 0)));
        assertNotNull(DenseBackprop.unsupported(
                network(b -> {}, Activation.RELU, LossFunction.L1, Activation.IDENTITY, 1, 0)));
        MultiLayerNetwork batchNorm = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(INPUTS).nOut(8).build())
                .layer(new BatchNormalization.Builder().nOut(8).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .nIn(8)
                        .nOut(3)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
        batchNorm.init();
        assertNotNull(DenseBackprop.unsupported(batchNorm));
        assertNull(
                DenseBackprop.unsupported(
                        network(b -> {}, Activation.RELU, LossFunction.MCXENT, Activation.SOFTMAX, 3, 0.3)),
                "dropout on the output layer's input is supported");
    }

    @Test
    void dropoutMasksTheOutputLayersInputAndDependsOnlyOnSeedAndEpoch() {
        INDArray[] batch = batch(0, 3);
        MultiLayerNetwork plain = network(
                b -> b.updater(new Nesterovs(0.1, 0.9)),
                Activation.RELU,
                LossFunction.MCXENT,
                Activation.SOFTMAX,
                3,
                0);
        MultiLayerNetwork dropped = network(
                b -> b.updater(new Nesterovs(0.1, 0.9)),
                Activation.RELU,
                LossFunction.MCXENT,
                Activation.SOFTMAX,
                3,
                0.5);
        MultiLayerNetwork droppedAgain = network(
                b -> b.updater(new Nesterovs(0.1, 0.9)),
                Activation.RELU,
                LossFunction.MCXENT,
                Activation.SOFTMAX,
                3,
                0.5);
        BatchStep plainStep = DenseBackprop.forNetwork(plain, 5).orElseThrow();
        BatchStep droppedStep = DenseBackprop.forNetwork(dropped, 5).orElseThrow();
        BatchStep againStep = DenseBackprop.forNetwork(droppedAgain, 5).orElseThrow();
        againStep.startEpoch(2);
        againStep.fit(batch[0], batch[1]); // an earlier epoch's draws do not change the next epoch's masks
        droppedAgain.setParams(plain.params().dup());
        droppedAgain.getUpdater().getStateViewArray().assign(0);
        droppedAgain.setIterationCount(0);
        for (BatchStep step : new BatchStep[] {plainStep, droppedStep, againStep}) {
            step.startEpoch(1);
            step.fit(batch[0], batch[1]);
        }
        assertFalse(plain.params().equalsWithEps(dropped.params(), 1e-6), "dropout changed the step");
        assertArrayEquals(
                dropped.params().toFloatVector(), droppedAgain.params().toFloatVector(), 0f);
    }

    /** More rows than two prediction blocks, so a full block, another and a last partial one are all checked. */
    @Test
    void predictsWhatDl4jOutputsBlockByBlockWithoutDropout() {
        for (boolean classification : new boolean[] {true, false}) {
            int outputs = classification ? 3 : 2;
            MultiLayerNetwork net = network(
                    b -> b.updater(new Nesterovs(0.05, 0.9)),
                    Activation.TANH,
                    classification ? LossFunction.MCXENT : LossFunction.MSE,
                    classification ? Activation.SOFTMAX : Activation.IDENTITY,
                    outputs,
                    0.3);
            DenseBackprop dense = DenseBackprop.forNetwork(net, 3).orElseThrow();
            for (int step = 0; step < 10; step++) {
                INDArray[] batch = batch(step, outputs);
                dense.fit(batch[0], batch[1]);
            }
            Nd4j.getRandom().setSeed(5);
            INDArray features = Nd4j.rand(DataType.FLOAT, 1100, INPUTS).subi(0.5);
            float[] expected =
                    Nd4j.toFlattened('c', net.output(features, false)).toFloatVector();
            float[] predicted = dense.predict(features);
            assertArrayEquals(expected, predicted, 1e-5f, classification ? "softmax" : "identity");
            assertArrayEquals(predicted, dense.predict(features), 0f, "predicting twice gives the same outputs");
            try (DenseBackprop forward = DenseBackprop.forPrediction(net).orElseThrow()) {
                assertArrayEquals(predicted, forward.predict(features), 0f, "a prediction-only instance");
                INDArray[] batch = batch(0, outputs);
                assertThrows(IllegalStateException.class, () -> forward.fit(batch[0], batch[1]));
            }
            for (int step = 10; step < 15; step++) {
                INDArray[] batch = batch(step, outputs);
                dense.fit(batch[0], batch[1]);
            }
            float[] afterMoreSteps =
                    Nd4j.toFlattened('c', net.output(features, false)).toFloatVector();
            assertArrayEquals(afterMoreSteps, dense.predict(features), 1e-5f, "kept buffers, new weights");
            dense.close();
        }
    }

    /** Trains two identical networks on the same batches, one through DL4J's fit, one through DenseBackprop. */
    private static void assertSameTraining(
            Consumer<NeuralNetConfiguration.Builder> options,
            Activation hidden,
            LossFunction loss,
            Activation output,
            int outputs) {
        MultiLayerNetwork viaDl4j = network(options, hidden, loss, output, outputs, 0);
        MultiLayerNetwork viaDense = network(options, hidden, loss, output, outputs, 0);
        MultiLayerNetwork untrained = network(options, hidden, loss, output, outputs, 0);
        BatchStep dense = DenseBackprop.forNetwork(viaDense, 1)
                .orElseThrow(() -> new AssertionError(DenseBackprop.unsupported(viaDense)));
        for (int step = 0; step < 40; step++) {
            INDArray[] batch = batch(step, outputs);
            viaDl4j.fit(batch[0], batch[1]);
            double denseLoss = dense.fit(batch[0], batch[1]);
            assertEquals(
                    viaDl4j.score(),
                    denseLoss,
                    1e-5 * Math.max(1, Math.abs(denseLoss)),
                    hidden + " loss at step " + step);
        }
        assertEquals(viaDl4j.getIterationCount(), viaDense.getIterationCount());
        assertTrue(viaDl4j.params().distance2(untrained.params()) > 0.05, "the comparison must be over real updates");
        assertArrayEquals(
                viaDl4j.params().toFloatVector(), viaDense.params().toFloatVector(), 2e-5f, hidden + " params");
        assertArrayEquals(
                viaDl4j.getUpdater().getStateViewArray().toFloatVector(),
                viaDense.getUpdater().getStateViewArray().toFloatVector(),
                2e-5f,
                hidden + " updater state");
        INDArray probe = batch(99, outputs)[0];
        assertArrayEquals(
                viaDl4j.output(probe).toFloatMatrix()[3], viaDense.output(probe).toFloatMatrix()[3], 1e-4f);
    }

    /** Batch {@code step}: every fifth batch has 5 rows (a last, smaller batch), the others {@value #BATCH}. */
    private static INDArray[] batch(int step, int outputs) {
        int rows = step % 5 == 4 ? 5 : BATCH;
        Nd4j.getRandom().setSeed(1000 + step);
        INDArray x = Nd4j.rand(DataType.FLOAT, rows, INPUTS).subi(0.5).muli(2);
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, outputs);
        for (int row = 0; row < rows; row++) {
            if (outputs == 1 || outputs == 2) {
                for (int k = 0; k < outputs; k++) {
                    y.putScalar(row, k, x.getFloat(row, k) * 2 - x.getFloat(row, k + 1));
                }
            } else {
                y.putScalar(row, (x.getFloat(row, 0) > 0 ? 1 : 0) + (x.getFloat(row, 1) > 0.3 ? 1 : 0), 1f);
            }
        }
        return new INDArray[] {x, y};
    }

    private static MultiLayerNetwork network(
            Consumer<NeuralNetConfiguration.Builder> options,
            Activation hidden,
            LossFunction loss,
            Activation output,
            int outputs,
            double dropout) {
        NeuralNetConfiguration.Builder builder =
                new NeuralNetConfiguration.Builder().seed(17).dataType(DataType.FLOAT);
        options.accept(builder);
        OutputLayer.Builder head =
                new OutputLayer.Builder(loss).nIn(7).nOut(outputs).activation(output);
        if (dropout > 0) {
            head.dropOut(1 - dropout);
        }
        MultiLayerConfiguration conf = builder.list()
                .layer(new DenseLayer.Builder()
                        .nIn(INPUTS)
                        .nOut(9)
                        .activation(hidden)
                        .build())
                .layer(new DenseLayer.Builder()
                        .nIn(9)
                        .nOut(7)
                        .activation(hidden)
                        .build())
                .layer(head.build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
