package io.sparktune.worker.net;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adam with DL4J's update rule and state layout, computed in one Java pass over the parameters instead of ND4J's
 * native {@code adam_updater} op. The native op was 39 % of a batch-32 training step on the reference MLP; the Java
 * loop does the same arithmetic in about half the time (bench/NOTES.md). The state is DL4J's {@code AdamUpdater}'s
 * (first half m, second half v), so checkpoints of either updater restore into the other, and arrays the fast path
 * cannot read (not contiguous float) fall back to DL4J's op. Bean-style so DL4J can write it into a model's JSON.
 */
public final class FusedAdam implements IUpdater {
    private double learningRate = Adam.DEFAULT_ADAM_LEARNING_RATE;
    private double beta1 = Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY;
    private double beta2 = Adam.DEFAULT_ADAM_BETA2_VAR_DECAY;
    private double epsilon = Adam.DEFAULT_ADAM_EPSILON;
    private ISchedule learningRateSchedule;

    public FusedAdam() {
    }

    public FusedAdam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** DL4J's own Adam with the same constants and schedule: the fallback and the reference of the tests. */
    public Adam asDl4jAdam() {
        Adam adam = new Adam(learningRate, beta1, beta2, epsilon);
        adam.setLearningRateSchedule(learningRateSchedule);
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
        FusedAdam copy = new FusedAdam(learningRate, beta1, beta2, epsilon);
        copy.learningRateSchedule = learningRateSchedule == null ? null : learningRateSchedule.clone();
        return copy;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public void setLearningRateSchedule(ISchedule learningRateSchedule) {
        this.learningRateSchedule = learningRateSchedule;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
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
        return o instanceof FusedAdam other && other.learningRate == learningRate && other.beta1 == beta1
                && other.beta2 == beta2 && other.epsilon == epsilon
                && Objects.equals(other.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, beta1, beta2, epsilon, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "FusedAdam(learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon="
                + epsilon + (learningRateSchedule == null ? "" : ", schedule=" + learningRateSchedule) + ")";
    }
}
