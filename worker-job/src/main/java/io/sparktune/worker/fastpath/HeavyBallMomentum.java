package io.sparktune.worker.fastpath;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * SGD with classical (heavy-ball) momentum, as Keras' {@code SGD(momentum=0.9)}: {@code v = μv − ηg; w += v}.
 * DL4J only ships the Nesterov variant ({@code Nesterovs}), so "momentum" and "nesterov" would otherwise be the same
 * optimizer. Supports a learning-rate schedule like DL4J's own updaters. Bean-style so that DL4J can write it into and
 * read it from a model's JSON.
 */
public final class HeavyBallMomentum extends ScheduledLearningRate {
    private double momentum = 0.9;

    public HeavyBallMomentum() {
        super(0.01);
    }

    public HeavyBallMomentum(double learningRate, double momentum) {
        super(learningRate);
        this.momentum = momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        HeavyBallMomentumUpdater updater = new HeavyBallMomentumUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(java.util.Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        HeavyBallMomentumUpdater updater = new HeavyBallMomentumUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public HeavyBallMomentum clone() {
        return withScheduleOf(new HeavyBallMomentum(getLearningRate(), momentum));
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyBallMomentum other && sameLearningRate(other) && other.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getLearningRate(), momentum, getLearningRateSchedule());
    }

    @Override
    public String toString() {
        return "HeavyBallMomentum(learningRate=" + getLearningRate() + ", momentum=" + momentum + scheduleSuffix()
                + ")";
    }
}
