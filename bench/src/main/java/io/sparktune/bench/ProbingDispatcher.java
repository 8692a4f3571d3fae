package io.sparktune.bench;

import io.sparktune.driver.TrialDispatcher;
import io.sparktune.records.SplitResult;
import io.sparktune.space.Candidate;
import io.sparktune.worker.SplitTask;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TrialDispatcher} that passes every call to the real one and, as each trial returns, reads the resident
 * memory of the process that trained its first split (in local mode the driver JVM itself), and this JVM's committed
 * heap, in completion order. Costs one small file read per trial.
 */
final class ProbingDispatcher implements TrialDispatcher {
    private final TrialDispatcher delegate;
    private final List<Long> rssAfterTrial = new ArrayList<>();
    private final List<Long> heapAfterTrial = new ArrayList<>();

    ProbingDispatcher(TrialDispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public int parallelism() {
        return delegate.parallelism();
    }

    @Override
    public List<SplitResult> run(Candidate candidate, List<SplitTask> splits) throws Exception {
        List<SplitResult> results = delegate.run(candidate, splits);
        long rss = results.isEmpty()
                ? -1
                : RssProbe.rssBytes(RssProbe.pidOf(results.get(0).worker())).orElse(-1);
        synchronized (rssAfterTrial) {
            rssAfterTrial.add(rss);
            heapAfterTrial.add(Runtime.getRuntime().totalMemory());
        }
        return results;
    }

    /** RSS in bytes after each finished trial, in the order they finished; -1 where it could not be read. */
    List<Long> rssAfterTrial() {
        synchronized (rssAfterTrial) {
            return List.copyOf(rssAfterTrial);
        }
    }

    /** This JVM's committed heap in bytes after each finished trial (part of the RSS in local mode). */
    List<Long> heapAfterTrial() {
        synchronized (rssAfterTrial) {
            return List.copyOf(heapAfterTrial);
        }
    }

    @Override
    public void cancelAll() {
        delegate.cancelAll();
    }

    @Override
    public boolean isStopped() {
        return delegate.isStopped();
    }

    @Override
    public java.util.Optional<String> stopCause() {
        return delegate.stopCause();
    }

    /** Leaves the real dispatcher open: its owner closes it. */
    @Override
    public void close() {}
}
