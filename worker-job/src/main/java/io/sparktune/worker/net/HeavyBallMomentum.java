package io.sparktune.worker.net;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with classical (heavy-ball) momentum, as Keras' {@code SGD(momentum=0.9)}: {@code v = μv − ηg; w += v}.
 * DL4J only ships the Nesterov variant ({@code Nesterovs}), so "momentum" and "nesterov" would otherwise be the same
 * optimizer. Supports a learning-rate schedule like DL4J's own updaters. Bean-style so that DL4J can write it into and
 * read it from a model's JSON.
 */
public final class HeavyBallMomentum implements IUpdater {
    private double learningRate = 0.01;
    private double momentum = 0.9;
    private ISchedule learningRateSchedule;

    public HeavyBallMomentum() {
    }

    public HeavyBallMomentum(double learningRate, double momentum) {
        this.learningRate = learningRate;
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
        HeavyBallMomentum copy = new HeavyBallMomentum(learningRate, momentum);
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

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyBallMomentum other && other.learningRate == learningRate && other.momentum == momentum
                && Objects.equals(other.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "HeavyBallMomentum(learningRate=" + learningRate + ", momentum=" + momentum
                + (learningRateSchedule == null ? "" : ", schedule=" + learningRateSchedule) + ")";
    }
}
