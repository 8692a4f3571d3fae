package io.sparktune.driver;

import io.sparktune.records.SplitResult;
import io.sparktune.space.Candidate;
import io.sparktune.worker.SplitTask;
import java.util.List;
import java.util.Optional;

/** Runs all splits of one candidate somewhere and returns their results. Must be safe to call from many threads. */
public interface TrialDispatcher extends AutoCloseable {

    /** How many trainings can run at the same time right now (executor cores; may grow as executors register). */
    int parallelism();

    List<SplitResult> run(Candidate candidate, List<SplitTask> splits) throws Exception;

    /** Cancels every running trial; their {@link #run} calls end with an exception. */
    void cancelAll();

    /** True once the dispatcher can run nothing more (closed, or its cluster connection shut down). */
    boolean isStopped();

    /** Why the cluster stopped this dispatcher under the search (e.g. Spark's reason), if it said. */
    default Optional<String> stopCause() {
        return Optional.empty();
    }

    @Override
    void close();
}
