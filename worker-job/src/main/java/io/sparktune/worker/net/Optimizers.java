package io.sparktune.worker.net;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimizers a spec may name, with Keras' default constants so results compare with the Keras recipe. */
public final class Optimizers {
    private static final double MOMENTUM = 0.9;
    private static final double KERAS_EPSILON = 1e-7;

    private Optimizers() {
    }

    /** The DL4J updater for optimizer {@code name} (a {@code HyperParameter.OPTIMIZER} category). */
    public static IUpdater byName(String name, double learningRate) {
        return switch (name) {
            case "sgd" -> new Sgd(learningRate);
            case "momentum" -> new HeavyBallMomentum(learningRate, MOMENTUM);
            case "nesterov" -> new Nesterovs(learningRate, MOMENTUM);
            case "adagrad" -> new AdaGrad(learningRate, KERAS_EPSILON);
            case "rmsprop" -> new RmsProp(learningRate, 0.9, KERAS_EPSILON);
            // set beta1/beta2/epsilon explicitly: Arbiter's AdamSpace(lr) once defaulted all three to 0.001
            case "adam" -> new Adam(learningRate, 0.9, 0.999, KERAS_EPSILON);
            case "nadam" -> new Nadam(learningRate, 0.9, 0.999, KERAS_EPSILON);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'");
        };
    }
}
