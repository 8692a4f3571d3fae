package io.sparktune.driver;

import io.sparktune.space.Candidate;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.SplitTask;
import java.util.List;

/** Runs all splits of one candidate somewhere and returns their results. Must be safe to call from many threads. */
public interface TrialDispatcher extends AutoCloseable {

    /** How many trainings can run at the same time. */
    int parallelism();

    List<SplitResult> run(Candidate candidate, List<SplitTask> splits) throws Exception;

    @Override
    void close();
}
