package io.sparktune.worker.net;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.LrSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * A candidate's learning-rate schedule, by epoch (0 for the first): {@code exponential} lr·rate^epoch,
 * {@code step} lr·rate^⌊epoch / epochs⌋, {@code cosine} Keras' {@code CosineDecay} over {@code lr_decay_epochs}
 * epochs down to lr·{@code lr_min_ratio}. DL4J reads the epoch from the network's epoch count, so the trainer must
 * call {@code MultiLayerNetwork.incrementEpochCount()} after each epoch when it fits batch by batch.
 */
public final class LearningRateSchedules {

    private LearningRateSchedules() {}

    /** The schedule, or null for {@code none} (a constant learning rate). */
    public static ISchedule forCandidate(Candidate candidate) {
        double lr = candidate.doubleValue(HyperParameter.LEARNING_RATE);
        LrSchedule schedule = LrSchedule.fromSpecName(candidate.stringValue(HyperParameter.LR_SCHEDULE));
        return switch (schedule) {
            case NONE -> null;
            case EXPONENTIAL ->
                new ExponentialSchedule(ScheduleType.EPOCH, lr, candidate.doubleValue(HyperParameter.LR_DECAY_RATE));
            case STEP ->
                new StepSchedule(
                        ScheduleType.EPOCH,
                        lr,
                        candidate.doubleValue(HyperParameter.LR_DECAY_RATE),
                        candidate.intValue(HyperParameter.LR_DECAY_EPOCHS));
            case COSINE ->
                new CosineDecaySchedule(
                        lr,
                        candidate.intValue(HyperParameter.LR_DECAY_EPOCHS),
                        candidate.doubleValue(HyperParameter.LR_MIN_RATIO));
        };
    }
}
