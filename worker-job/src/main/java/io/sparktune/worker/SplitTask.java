package io.sparktune.worker;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.spec.Scoring;
import io.sparktune.space.spec.Task;
import io.sparktune.space.spec.TrainingSettings;
import io.sparktune.worker.data.DataRef;

/**
 * One unit of work for an executor: train {@code candidate} on split {@code split} of {@code plan}, early-stopped on
 * the {@code scoring} metric.
 */
public record SplitTask(Candidate candidate, Task task, DataRef data, TrainingSettings training, Scoring scoring,
                        SplitPlan plan, int split) {

    /** The candidate's batch size if the space searches it, else the spec's training batch size. */
    public int batchSize() {
        return batchSize(candidate, training);
    }

    public static int batchSize(Candidate candidate, TrainingSettings training) {
        return candidate.params().containsKey(HyperParameter.BATCH_SIZE.specName())
                ? candidate.intValue(HyperParameter.BATCH_SIZE) : training.batchSize();
    }
}
