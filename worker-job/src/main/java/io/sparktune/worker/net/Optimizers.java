package io.sparktune.worker.net;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.Optimizer;
import io.sparktune.worker.fastpath.FusedAdam;
import io.sparktune.worker.fastpath.HeavyBallMomentum;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The optimizers a spec may name, with the candidate's constants ({@code momentum}, {@code beta1}, {@code beta2},
 * {@code epsilon}, {@code rho}) where it has them and Keras' defaults otherwise (momentum 0.9, β₁ 0.9, β₂ 0.999,
 * ε 1e-7, ρ 0.9), so results compare with the Keras recipe, and its learning-rate schedule.
 * Every constant is set explicitly: Arbiter's {@code AdamSpace(lr)} once defaulted β₁, β₂ and ε all to 0.001.
 */
public final class Optimizers {

    private Optimizers() {}

    /** The DL4J updater for the candidate's optimizer, constants and learning-rate schedule. */
    public static IUpdater forCandidate(Candidate candidate) {
        Optimizer optimizer = Optimizer.fromSpecName(candidate.stringValue(HyperParameter.OPTIMIZER));
        double lr = candidate.doubleValue(HyperParameter.LEARNING_RATE);
        double momentum = candidate.doubleValue(HyperParameter.MOMENTUM);
        double beta1 = candidate.doubleValue(HyperParameter.BETA1);
        double beta2 = candidate.doubleValue(HyperParameter.BETA2);
        double epsilon = candidate.doubleValue(HyperParameter.EPSILON);
        IUpdater updater = switch (optimizer) {
            case SGD -> new Sgd(lr);
            case MOMENTUM -> new HeavyBallMomentum(lr, momentum);
            case NESTEROV -> new Nesterovs(lr, momentum);
            case ADAGRAD -> new AdaGrad(lr, epsilon);
            case RMSPROP -> new RmsProp(lr, candidate.doubleValue(HyperParameter.RHO), epsilon);
            case ADAM -> new FusedAdam(lr, beta1, beta2, epsilon); // DL4J's Adam, faster
            case NADAM -> new Nadam(lr, beta1, beta2, epsilon);
            case ADAMAX -> new AdaMax(lr, beta1, beta2, epsilon);
            case AMSGRAD -> new AMSGrad(lr, beta1, beta2, epsilon);
        };
        ISchedule schedule = LearningRateSchedules.forCandidate(candidate);
        if (schedule != null) {
            updater.setLrAndSchedule(lr, schedule);
        }
        return updater;
    }
}
