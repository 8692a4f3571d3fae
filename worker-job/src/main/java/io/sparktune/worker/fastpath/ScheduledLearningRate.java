package io.sparktune.worker.fastpath;

import java.util.Objects;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The learning rate and optional schedule our own updaters share, as DL4J's updaters hold them: the schedule, if
 * set, gives the rate at each iteration/epoch. Bean-style, so DL4J can write subclasses into a model's JSON.
 */
public abstract class ScheduledLearningRate implements IUpdater {
    private double learningRate;
    private ISchedule learningRateSchedule;

    ScheduledLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public abstract ScheduledLearningRate clone();

    /** {@code copy} with this updater's schedule (cloned), for {@link #clone()}. */
    <T extends ScheduledLearningRate> T withScheduleOf(T copy) {
        copy.setLearningRateSchedule(learningRateSchedule == null ? null : learningRateSchedule.clone());
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

    /** Whether {@code other} has the same rate and schedule (for subclasses' {@code equals}). */
    boolean sameLearningRate(ScheduledLearningRate other) {
        return other.learningRate == learningRate && Objects.equals(other.learningRateSchedule, learningRateSchedule);
    }

    /** ", schedule=..." if there is one, for subclasses' {@code toString}. */
    String scheduleSuffix() {
        return learningRateSchedule == null ? "" : ", schedule=" + learningRateSchedule;
    }
}
