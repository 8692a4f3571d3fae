package io.sparktune.driver;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.TrialStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One search, as the algorithm reads: sample the candidates, dispatch each as soon as a slot is free, record each
 * result as it arrives (journal line, then the whole leaderboard rewritten atomically). A failing trial becomes a
 * row; the search goes on. The driver never trains: the dispatcher does.
 */
public final class SearchRun {
    private final SearchSpec spec;
    private final Path runDir;
    private final TrialDispatcher dispatcher;

    public SearchRun(SearchSpec spec, Path runDir, TrialDispatcher dispatcher) {
        this.spec = spec;
        this.runDir = runDir;
        this.dispatcher = dispatcher;
    }

    public Leaderboard run() throws IOException, InterruptedException {
        Sampler sampler = Samplers.forSpec(spec);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < spec.search().nIter(); i++) {
            candidates.add(sampler.next());
        }
        // Enough trials in flight that every core has a split to train while finished ones are being recorded.
        int inFlight = Math.max(1, Math.min(candidates.size(), dispatcher.parallelism() + 1));
        ExecutorService pool = Executors.newFixedThreadPool(inFlight, daemonThreads());
        ProgressLog progress = new ProgressLog(candidates.size(), dispatcher.parallelism());
        List<TrialRecord> finished = new ArrayList<>();
        try (TrialJournal journal = TrialJournal.openForAppend(runDir)) {
            CompletionService<TrialRecord> completions = new ExecutorCompletionService<>(pool);
            candidates.forEach(candidate -> completions.submit(() -> runTrial(candidate)));
            for (int i = 0; i < candidates.size(); i++) {
                TrialRecord record = completions.take().get();
                journal.append(record);
                finished.add(record);
                Leaderboard board = Leaderboard.from(finished);
                LeaderboardCsv.write(board, runDir);
                progress.trialFinished(record, board);
            }
            return Leaderboard.from(finished);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial could not be recorded: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private TrialRecord runTrial(Candidate candidate) {
        List<SplitTask> splits = SearchTasks.splitsOf(spec, candidate);
        try {
            return TrialRecord.of(candidate, dispatcher.run(candidate, splits));
        } catch (Exception e) {
            // e.g. Spark gave up on a task after spark.task.maxFailures lost executors: the trial fails, the search goes on
            String message = "dispatch failed: " + e;
            List<SplitResult> failed = splits.stream().map(s -> new SplitResult(candidate.trialNumber(), s.split(),
                    TrialStatus.FAILED, Double.NaN, 0, 0, 0, List.of(), message, "driver")).toList();
            return TrialRecord.of(candidate, failed);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sparktune-dispatch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
