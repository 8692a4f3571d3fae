package io.sparktune.driver;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardFiles;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One search, as the algorithm reads: whenever a core is free, ask the sampler for the next candidate and dispatch
 * it; whenever a trial finishes, record it (journal line, then leaderboard.csv/.json rewritten atomically) and tell
 * the sampler. A failing trial becomes a row and the search goes on. The driver never trains: the dispatcher does.
 * Resuming replays the finished trials of the journal first: they are kept, told to the sampler and never re-run.
 */
public final class SearchRun {
    private final SearchSpec spec;
    private final Path runDir;
    private final TrialDispatcher dispatcher;
    private final Budget budget;
    private final StopRequest stop;
    private final ProgressLog progress;

    /** How a search ended: the leaderboard, and why it stopped early (null if every trial ran). */
    public record Outcome(Leaderboard leaderboard, int plannedTrials, String stopReason) {
    }

    public SearchRun(SearchSpec spec, Path runDir, TrialDispatcher dispatcher, Budget budget, StopRequest stop,
                     ProgressLog progress) {
        this.spec = spec;
        this.runDir = runDir;
        this.dispatcher = dispatcher;
        this.budget = budget;
        this.stop = stop;
        this.progress = progress;
    }

    /** Runs the search; {@code previous} are the trials a resumed search already finished (empty for a new one). */
    public Outcome run(List<TrialRecord> previous) throws IOException, InterruptedException {
        Sampler sampler = Samplers.forSpec(spec);
        int planned = Math.min(budget.maxTrials(), Samplers.candidateCount(spec, sampler));
        List<TrialRecord> finished = new ArrayList<>(previous);
        Set<Integer> done = new HashSet<>();
        for (TrialRecord trial : previous) {
            done.add(trial.trialNumber());
            sampler.observe(trial.toCandidate(), trial.meanScore());
        }
        long start = System.nanoTime();
        long deadline = budget.deadline(start);
        progress.started(planned, finished.size(), dispatcher.parallelism());
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
        CompletionService<Attempt> completions = new ExecutorCompletionService<>(pool);
        Map<Integer, Candidate> running = new HashMap<>();
        try (TrialJournal journal = TrialJournal.openForAppend(runDir)) {
            while (true) {
                while (!stop.requested() && finished.size() + running.size() < planned
                        && running.size() < dispatcher.parallelism() + 1) {
                    Candidate candidate = nextNotDone(sampler, done);
                    running.put(candidate.trialNumber(), candidate);
                    completions.submit(() -> runTrial(candidate));
                }
                progress.running(running.size());
                if (running.isEmpty()) {
                    break;
                }
                Future<Attempt> next = completions.poll(
                        Math.max(1, Math.min(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1))), TimeUnit.NANOSECONDS);
                if (System.nanoTime() >= deadline && stop.request("max_seconds " + budget.maxSeconds() + " reached")) {
                    dispatcher.cancelAll();
                }
                if (next == null) {
                    continue;
                }
                Attempt attempt = next.get();
                running.remove(attempt.candidate().trialNumber());
                if (attempt.record().isEmpty()) {
                    continue;
                }
                TrialRecord trial = attempt.record().get();
                journal.append(trial);
                finished.add(trial);
                done.add(trial.trialNumber());
                sampler.observe(trial.toCandidate(), trial.meanScore());
                Leaderboard board = Leaderboard.from(finished);
                LeaderboardFiles.write(board, runDir);
                progress.trialFinished(trial, board, finished.size());
                if (trial.status() == TrialStatus.OK && budget.reached(trial.meanScore())
                        && stop.request("target_score " + budget.targetScore().getAsDouble() + " reached by " + trial.trialId())) {
                    dispatcher.cancelAll();
                }
            }
            return new Outcome(Leaderboard.from(finished), planned, stop.reason());
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial could not be recorded: " + e.getCause(), e.getCause());
        } finally {
            progress.finished();
            pool.shutdownNow();
        }
    }

    /** A dispatched trial's end: its record, or empty if it was cancelled by a stop (it then runs again on resume). */
    private record Attempt(Candidate candidate, Optional<TrialRecord> record) {
    }

    /** The sampler's next candidate whose trial has not finished yet (a resumed search skips the finished ones). */
    private static Candidate nextNotDone(Sampler sampler, Set<Integer> done) {
        Candidate candidate = sampler.next();
        while (done.contains(candidate.trialNumber())) {
            candidate = sampler.next();
        }
        return candidate;
    }

    private Attempt runTrial(Candidate candidate) {
        List<SplitTask> splits = SearchTasks.splitsOf(spec, candidate);
        try {
            return new Attempt(candidate, Optional.of(TrialRecord.of(candidate, dispatcher.run(candidate, splits))));
        } catch (Exception e) {
            if (stop.requested() || dispatcher.isStopped()) {
                return new Attempt(candidate, Optional.empty());
            }
            // e.g. Spark gave up on a task after spark.task.maxFailures lost executors: the trial fails, the search goes on
            String message = "dispatch failed: " + e;
            List<SplitResult> failed = splits.stream().map(s -> new SplitResult(candidate.trialNumber(), s.split(),
                    TrialStatus.FAILED, Double.NaN, 0, 0, 0, List.of(), message, "driver")).toList();
            return new Attempt(candidate, Optional.of(TrialRecord.of(candidate, failed)));
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sparktune-dispatch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
