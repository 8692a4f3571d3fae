package io.sparktune.worker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossHuberTest {
    private static final ActivationIdentity IDENTITY = new ActivationIdentity();

    @Test
    void isQuadraticInsideDeltaAndLinearOutside() {
        LossHuber huber = new LossHuber(1.0);
        INDArray labels = Nd4j.createFromArray(new double[][] {{0.0}, {0.0}});
        INDArray predictions = Nd4j.createFromArray(new double[][] {{0.5}, {3.0}});
        double[] perExample =
                huber.computeScoreArray(labels, predictions, IDENTITY, null).toDoubleVector();
        assertEquals(0.5 * 0.25, perExample[0], 1e-12);
        assertEquals(1.0 * (3.0 - 0.5), perExample[1], 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        LossHuber huber = new LossHuber(0.8);
        INDArray labels = Nd4j.createFromArray(new double[][] {{0.1, 2.0}, {-1.0, 0.3}});
        INDArray predictions = Nd4j.createFromArray(new double[][] {{0.5, -1.0}, {-0.9, 2.5}});
        INDArray gradient = huber.computeGradient(labels, predictions, IDENTITY, null);
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray up = predictions.dup();
                INDArray down = predictions.dup();
                up.putScalar(i, j, up.getDouble(i, j) + h);
                down.putScalar(i, j, down.getDouble(i, j) - h);
                double numeric = (huber.computeScore(labels, up, IDENTITY, null, false)
                                - huber.computeScore(labels, down, IDENTITY, null, false))
                        / (2 * h);
                assertEquals(numeric, gradient.getDouble(i, j), 1e-6, "d loss / d output[" + i + "," + j + "]");
            }
        }
        assertEquals(DataType.DOUBLE, gradient.dataType());
    }
}
