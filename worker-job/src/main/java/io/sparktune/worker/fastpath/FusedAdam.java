package io.sparktune.worker.fastpath;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam with DL4J's update rule and state layout, computed in one Java pass over the parameters instead of ND4J's
 * native {@code adam_updater} op. The native op was 39 % of a batch-32 training step on the reference MLP; the Java
 * loop does the same arithmetic in about half the time (bench/NOTES.md). The state is DL4J's {@code AdamUpdater}'s
 * (first half m, second half v), so checkpoints of either updater restore into the other, and arrays the fast path
 * cannot read (not contiguous float) fall back to DL4J's op. Bean-style so DL4J can write it into a model's JSON.
 */
public final class FusedAdam extends ScheduledLearningRate {
    private double beta1 = Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY;
    private double beta2 = Adam.DEFAULT_ADAM_BETA2_VAR_DECAY;
    private double epsilon = Adam.DEFAULT_ADAM_EPSILON;

    public FusedAdam() {
        super(Adam.DEFAULT_ADAM_LEARNING_RATE);
    }

    public FusedAdam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** DL4J's own Adam with the same constants and schedule: the fallback and the reference of the tests. */
    public Adam asDl4jAdam() {
        Adam adam = new Adam(getLearningRate(), beta1, beta2, epsilon);
        adam.setLearningRateSchedule(getLearningRateSchedule());
        return adam;
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new FusedAdamUpdater(this, asDl4jAdam().instantiate(viewArray, initializeViewArray));
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return new FusedAdamUpdater(this, asDl4jAdam().instantiate(updaterState, initializeStateArrays));
    }

    @Override
    public FusedAdam clone() {
        return withScheduleOf(new FusedAdam(getLearningRate(), beta1, beta2, epsilon));
    }

    public double getBeta1() {
        return beta1;
    }

    public void setBeta1(double beta1) {
        this.beta1 = beta1;
    }

    public double getBeta2() {
        return beta2;
    }

    public void setBeta2(double beta2) {
        this.beta2 = beta2;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedAdam other
                && sameLearningRate(other)
                && other.beta1 == beta1
                && other.beta2 == beta2
                && other.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getLearningRate(), beta1, beta2, epsilon, getLearningRateSchedule());
    }

    @Override
    public String toString() {
        return "FusedAdam(learningRate=" + getLearningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon="
                + epsilon + scheduleSuffix() + ")";
    }
}
