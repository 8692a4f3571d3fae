package io.sparktune.worker.fastpath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

class HeavyBallMomentumTest {

    @Test
    void followsTheClassicalMomentumRule() {
        double lr = 0.1;
        double mu = 0.9;
        GradientUpdater<?> updater = new HeavyBallMomentum(lr, mu).instantiate(Nd4j.zeros(1, 2), true);
        double[] g = {1.0, -2.0};
        double[] v = {0, 0};
        for (int step = 0; step < 3; step++) {
            INDArray gradient = Nd4j.createFromArray(g).reshape(1, 2).castTo(Nd4j.defaultFloatingPointType());
            updater.applyUpdater(gradient, step, 0);
            for (int i = 0; i < 2; i++) {
                v[i] = mu * v[i] - lr * g[i];
            }
            // DL4J subtracts what the updater leaves in the gradient: params += v
            assertArrayEquals(new double[] {-v[0], -v[1]}, gradient.toDoubleVector(), 1e-6, "step " + step);
        }
    }

    @Test
    void differsFromNesterov() {
        INDArray heavyBall = Nd4j.ones(1, 3);
        INDArray nesterov = Nd4j.ones(1, 3);
        GradientUpdater<?> a = new HeavyBallMomentum(0.1, 0.9).instantiate(Nd4j.zeros(1, 3), true);
        GradientUpdater<?> b = new Nesterovs(0.1, 0.9).instantiate(Nd4j.zeros(1, 3), true);
        a.applyUpdater(heavyBall, 0, 0);
        b.applyUpdater(nesterov, 0, 0);
        org.junit.jupiter.api.Assertions.assertNotEquals(heavyBall, nesterov);
    }
}
