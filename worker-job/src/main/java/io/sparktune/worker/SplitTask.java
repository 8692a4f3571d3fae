package io.sparktune.worker;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.data.DataRef;

/**
 * One unit of work for an executor: train {@code candidate} on split {@code split} of {@code plan}, early-stopped on
 * the {@code scoring} metric: either the whole training, or (with {@code untilEpoch > 0}) one segment of it that
 * continues from and saves a checkpoint under {@code checkpointDir}. {@code continuesFromCheckpoint} says that an
 * earlier segment was recorded, so a missing checkpoint is an error rather than a fresh start (false when absent
 * from a task's JSON).
 */
public record SplitTask(
        Candidate candidate,
        Task task,
        DataRef data,
        TrainingSettings training,
        Scoring scoring,
        SplitPlan plan,
        int split,
        int untilEpoch,
        String checkpointDir,
        boolean continuesFromCheckpoint) {

    /** A segment that starts from scratch if it finds no checkpoint (or a whole training, without one). */
    public SplitTask(
            Candidate candidate,
            Task task,
            DataRef data,
            TrainingSettings training,
            Scoring scoring,
            SplitPlan plan,
            int split,
            int untilEpoch,
            String checkpointDir) {
        this(candidate, task, data, training, scoring, plan, split, untilEpoch, checkpointDir, false);
    }

    /** A whole early-stopped training, in one go. */
    public SplitTask(
            Candidate candidate,
            Task task,
            DataRef data,
            TrainingSettings training,
            Scoring scoring,
            SplitPlan plan,
            int split) {
        this(candidate, task, data, training, scoring, plan, split, 0, null);
    }

    /** One segment of a multi-fidelity schedule: continue from the checkpoint (if any) up to {@code epoch}. */
    public SplitTask untilEpoch(int epoch, String checkpoints) {
        return new SplitTask(candidate, task, data, training, scoring, plan, split, epoch, checkpoints);
    }

    /** This segment continuing an earlier one: its checkpoint must exist. */
    public SplitTask continuing() {
        return new SplitTask(candidate, task, data, training, scoring, plan, split, untilEpoch, checkpointDir, true);
    }

    /** True for a segment (trained up to {@code untilEpoch} and checkpointed), false for a whole training. */
    public boolean trainsSegment() {
        return untilEpoch > 0;
    }

    /** The candidate's batch size if the space searches it, else the spec's training batch size. */
    public int batchSize() {
        return batchSize(candidate, training);
    }

    public static int batchSize(Candidate candidate, TrainingSettings training) {
        return candidate.params().containsKey(HyperParameter.BATCH_SIZE.specName())
                ? candidate.intValue(HyperParameter.BATCH_SIZE)
                : training.batchSize();
    }
}
