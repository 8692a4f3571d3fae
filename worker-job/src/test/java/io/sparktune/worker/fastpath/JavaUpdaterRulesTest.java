package io.sparktune.worker.fastpath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** Each Java rule must leave what the updater's own {@code applyUpdater} leaves: update and state, step by step. */
class JavaUpdaterRulesTest {
    private static final int N = 10_000; // more than two chunks

    static List<IUpdater> updaters() {
        return List.of(
                new Sgd(0.05),
                new Nesterovs(0.02, 0.9),
                new HeavyBallMomentum(0.03, 0.8),
                new RmsProp(1e-3, 0.9, 1e-7),
                new AdaGrad(0.01, 1e-7),
                new Nadam(2e-3, 0.9, 0.999, 1e-7));
    }

    @ParameterizedTest
    @MethodSource("updaters")
    void computesWhatTheUpdaterComputes(IUpdater config) {
        long stateSize = config.stateSize(N);
        GradientUpdater<?> reference =
                config.instantiate(stateSize > 0 ? Nd4j.zeros(DataType.FLOAT, 1, stateSize) : null, true);
        GradientUpdater<?> java =
                config.instantiate(stateSize > 0 ? Nd4j.zeros(DataType.FLOAT, 1, stateSize) : null, true);
        JavaUpdaterRules rules = new JavaUpdaterRules();
        Nd4j.getRandom().setSeed(3);
        for (int step = 0; step < 6; step++) {
            INDArray gradient = Nd4j.randn(DataType.FLOAT, 1, N).muli(0.1 * (step + 1));
            INDArray viaUpdater = gradient.dup();
            INDArray viaJava = gradient.dup();
            reference.applyUpdater(viaUpdater, step, 0);
            assertTrue(rules.apply(java, viaJava, step, 0), config + " is known");
            assertArrayEquals(viaUpdater.toFloatVector(), viaJava.toFloatVector(), 2e-6f, config + " step " + step);
            for (String key : reference.getState().keySet()) {
                assertArrayEquals(
                        reference.getState().get(key).toFloatVector(),
                        java.getState().get(key).toFloatVector(),
                        2e-6f,
                        config + " state " + key + " step " + step);
            }
        }
    }

    @Test
    void leavesUnknownRulesAndOtherLayoutsToTheUpdater() {
        JavaUpdaterRules rules = new JavaUpdaterRules();
        GradientUpdater<?> amsGrad = new AMSGrad(1e-3).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 4 * 6), true);
        INDArray gradient = Nd4j.ones(DataType.FLOAT, 1, 6);
        assertFalse(rules.apply(amsGrad, gradient, 0, 0));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, gradient.toFloatVector(), "untouched");
        GradientUpdater<?> rmsProp = new RmsProp(1e-3).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 12), true);
        rmsProp.setStateViewArray(Nd4j.zeros(DataType.FLOAT, 1, 12), new long[] {3, 4}, 'c', true);
        assertFalse(rules.apply(rmsProp, Nd4j.ones(DataType.FLOAT, 4, 3).transpose(), 0, 0), "a transposed view");
    }
}
