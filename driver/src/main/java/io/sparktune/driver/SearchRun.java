package io.sparktune.driver;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search, as the algorithm reads: whenever a core is free, ask the scheduler what to train (a new candidate from
 * the sampler, or a promotion) and dispatch it; whenever it finishes, record it (journal line, then leaderboard.csv and
 * .json rewritten atomically) and tell the sampler. A failing trial becomes a row and the search goes on. The driver
 * never trains: the dispatcher does. Resuming replays the journal first: finished work is kept and never re-run.
 * If the dispatcher stops under the search (Spark's context stopped, e.g. the master killed the application), nothing
 * more is dispatched, what finished is kept and the outcome says why: a resume continues. Checkpoints of a trial the
 * scheduler retires are deleted at once, and the whole checkpoint directory when every trial ran (a stopped search
 * keeps them for {@code --resume}).
 * <p>
 * With {@code search.deterministic: true} work goes out in batches of {@code search.deterministic_batch} pieces, the
 * next batch only once the last one ended, and each batch's results reach the scheduler and the sampler in dispatch
 * order. Every decision then depends on the seed and the results alone, not on which core finished first: the same
 * spec gives the same trials, promotions and scores on {@code local[1]}, {@code local[2]} or a cluster. The price is
 * idle cores while a batch's last piece runs. The time budget is checked between batches (a running batch is
 * cancelled at the deadline as usual; what ended of it is kept).
 */
public final class SearchRun {
    private static final Logger LOG = LoggerFactory.getLogger(SearchRun.class);
    /** The stop reason while the dispatcher's own stop is detected; the outcome replaces it with the cause. */
    private static final String DISPATCHER_STOPPED = "the dispatcher stopped";
    /**
     * How long trials still running may take to end once the dispatcher stopped. Spark does not always end them: a job
     * whose task binary was being broadcast while the master removed the application waits for ever.
     */
    static final long STOPPED_DISPATCHER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SearchSpec spec;
    private final Path runDir;
    private final TrialDispatcher dispatcher;
    private final TrialScheduler scheduler;
    private final Budget budget;
    private final StopRequest stop;
    private final ProgressLog progress;
    private final String checkpointDir;

    /** How a search ended. */
    public enum Ending {
        /** Every planned trial ran. */
        COMPLETE,
        /** A time budget or the user stopped it; {@code --resume} continues. */
        STOPPED,
        /** A trial reached {@code target_score} (now or in an earlier run): done, a resume dispatches nothing. */
        TARGET_REACHED,
        /** The dispatcher stopped under the search (e.g. the master killed the application); a resume continues. */
        DISPATCHER_STOPPED
    }

    /**
     * How a search ended: the leaderboard, and why it stopped early (null if every trial ran; for
     * {@link Ending#DISPATCHER_STOPPED} the dispatcher's {@link TrialDispatcher#stopCause() cause}).
     */
    public record Outcome(Leaderboard leaderboard, int plannedTrials, String stopReason, Ending ending) {}

    /** Checkpoints (if the scheduler makes any) under {@code runDir/checkpoints}. */
    public SearchRun(
            SearchSpec spec,
            Path runDir,
            TrialDispatcher dispatcher,
            TrialScheduler scheduler,
            Budget budget,
            StopRequest stop,
            ProgressLog progress) {
        this(
                spec,
                runDir,
                dispatcher,
                scheduler,
                budget,
                stop,
                progress,
                runDir.resolve(CheckpointDir.DEFAULT_NAME)
                        .toAbsolutePath()
                        .toUri()
                        .toString());
    }

    /**
     * Checkpoints (if the scheduler makes any) under {@code checkpointDir}, a URI every executor can reach (null if
     * the scheduler makes none).
     */
    public SearchRun(
            SearchSpec spec,
            Path runDir,
            TrialDispatcher dispatcher,
            TrialScheduler scheduler,
            Budget budget,
            StopRequest stop,
            ProgressLog progress,
            String checkpointDir) {
        this.checkpointDir = checkpointDir;
        this.spec = spec;
        this.runDir = runDir;
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.budget = budget;
        this.stop = stop;
        this.progress = progress;
    }

    /** Runs the search; {@code journal} holds the records of a resumed search (empty for a new one). */
    public Outcome run(List<TrialRecord> journal) throws IOException, InterruptedException {
        Sampler sampler = Samplers.forSpec(spec);
        int planned = Math.min(budget.maxTrials(), Samplers.candidateCount(spec, sampler));
        List<TrialRecord> records = new ArrayList<>(journal);
        Set<Integer> started = new HashSet<>();
        Set<Integer> recorded = new HashSet<>();
        for (TrialRecord record : journal) {
            started.add(record.trialNumber());
            recorded.add(record.trialNumber());
            scheduler.replay(record);
            sampler.observe(record.toCandidate(), record.meanScore(), record.rung() == null ? 0 : record.rung());
        }
        long deadline = budget.deadline(System.nanoTime());
        FirstRungTimes firstRungs = new FirstRungTimes();
        int batch = spec.search().deterministicBatch(); // 0: not deterministic
        boolean[] batchMayStartNew = {true};
        boolean[] outOfTime = {false};
        Supplier<Optional<Candidate>> newCandidate = () -> {
            if (started.size() >= planned) {
                return Optional.empty();
            }
            // it would only be cancelled (a deterministic batch asks once, at its start: its work must not depend
            // on time)
            if (batch > 0 ? !batchMayStartNew[0] : !firstRungs.fitBefore(deadline, System.nanoTime())) {
                outOfTime[0] = true;
                return Optional.empty();
            }
            return Optional.of(nextNotStarted(sampler, started));
        };
        Optional<TrialRecord> alreadyReached = journal.stream()
                .filter(r -> r.status() == TrialStatus.OK && budget.reached(r.meanScore()))
                .findFirst();
        if (alreadyReached.isPresent()) {
            stop.request(targetReached(alreadyReached.get()) + " before this run: nothing to dispatch");
            return new Outcome(Leaderboard.from(records), planned, stop.reason(), Ending.TARGET_REACHED);
        }
        progress.started(planned, started.size(), dispatcher.parallelism());
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
        CompletionService<Attempt> completions = new ExecutorCompletionService<>(pool);
        int running = 0;
        long dispatched = 0;
        List<Attempt> ended = new ArrayList<>();
        boolean targetReached = false;
        List<Unwritten> unwritten = new ArrayList<>();
        boolean cancelled = false;
        long dispatcherStoppedAt = 0;
        try (TrialJournal out = TrialJournal.openForAppend(runDir)) {
            while (true) {
                if (dispatcherStoppedAt == 0 && dispatcher.isStopped()) {
                    stop.request(DISPATCHER_STOPPED);
                    dispatcherStoppedAt = System.nanoTime();
                }
                int limit = batch == 0 ? dispatcher.parallelism() + 1 : running == 0 ? batch : 0;
                if (batch > 0 && running == 0) {
                    batchMayStartNew[0] = firstRungs.fitBefore(deadline, System.nanoTime());
                }
                while (!stop.requested() && running < limit) {
                    Optional<TrialScheduler.Work> work = scheduler.next(newCandidate);
                    if (work.isEmpty()) {
                        break;
                    }
                    // a trial with a recorded segment continues from its checkpoint, which must then exist
                    boolean continuing =
                            recorded.contains(work.get().candidate().trialNumber());
                    long order = dispatched++;
                    completions.submit(() -> attempt(work.get(), continuing, order));
                    running++;
                }
                progress.running(running);
                for (Unwritten piece : unwritten) {
                    // written after the freed cores got new work, so the fsyncs overlap training
                    record(piece.trial(), records, out);
                    if (piece.retired()) { // after the journal line: a resume never continues a deleted trial
                        deleteCheckpoints(piece.trial().trialId());
                    }
                }
                unwritten.clear();
                if (running == 0) {
                    if (outOfTime[0]) {
                        stop.request(String.format(
                                java.util.Locale.ROOT,
                                "max_seconds %s reached: %.1f s left, " + "a new trial's first rung takes %.1f s",
                                budget.maxSeconds(),
                                (deadline - System.nanoTime()) / 1e9,
                                firstRungs.typicalSeconds()));
                    }
                    break;
                }
                if (dispatcherStoppedAt != 0
                        && System.nanoTime() - dispatcherStoppedAt > STOPPED_DISPATCHER_GRACE_NANOS) {
                    cancelled = true; // left running, not recorded: they run again on resume
                    break;
                }
                Future<Attempt> next = completions.poll(
                        Math.max(1, Math.min(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1))),
                        TimeUnit.NANOSECONDS);
                if (System.nanoTime() >= deadline && stop.request("max_seconds " + budget.maxSeconds() + " reached")) {
                    dispatcher.cancelAll();
                }
                if (next == null) {
                    continue;
                }
                running--;
                ended.add(next.get());
                if (batch > 0 && running > 0) {
                    continue; // a deterministic batch is taken whole, in dispatch order
                }
                ended.sort(Comparator.comparingLong(Attempt::order));
                for (Attempt attempt : ended) {
                    if (attempt.record().isEmpty()) {
                        cancelled = true;
                        continue; // cancelled by a stop: not recorded, runs again on resume
                    }
                    if (!attempt.continuing() && attempt.record().get().status() == TrialStatus.OK) {
                        firstRungs.add(attempt.seconds());
                    }
                    TrialRecord trial =
                            scheduler.finished(attempt.work(), attempt.record().get());
                    records.add(trial);
                    recorded.add(trial.trialNumber());
                    unwritten.add(new Unwritten(
                            trial, attempt.work().isSegment() && !scheduler.canContinue(trial.trialNumber())));
                    sampler.observe(
                            trial.toCandidate(),
                            trial.meanScore(),
                            attempt.work().rung());
                    if (trial.status() == TrialStatus.OK
                            && budget.reached(trial.meanScore())
                            && stop.request(targetReached(trial))) {
                        targetReached = true;
                        dispatcher.cancelAll();
                    }
                }
                ended.clear();
            }
            if (targetReached || stop.reason() == null && !cancelled) { // no resume will need them
                deleteCheckpoints(null);
            }
            return outcome(records, planned, targetReached);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial could not be recorded: " + e.getCause(), e.getCause());
        } finally {
            progress.finished();
            pool.shutdownNow();
        }
    }

    private Outcome outcome(List<TrialRecord> records, int planned, boolean targetReached) {
        Leaderboard board = Leaderboard.from(records);
        if (DISPATCHER_STOPPED.equals(stop.reason())) {
            return new Outcome(
                    board, planned, dispatcher.stopCause().orElse("no reason given"), Ending.DISPATCHER_STOPPED);
        }
        Ending ending = targetReached ? Ending.TARGET_REACHED : stop.requested() ? Ending.STOPPED : Ending.COMPLETE;
        return new Outcome(board, planned, stop.reason(), ending);
    }

    private String targetReached(TrialRecord trial) {
        return "target_score " + budget.targetScore().getAsDouble() + " reached by " + trial.trialId();
    }

    /** Journals a finished trial, then rewrites the leaderboard files and reports progress. */
    private void record(TrialRecord trial, List<TrialRecord> records, TrialJournal out) throws IOException {
        out.append(trial);
        Leaderboard board = Leaderboard.from(records);
        LeaderboardFiles.write(board, runDir);
        progress.trialFinished(trial, board, board.rows().size());
    }

    /**
     * A dispatched piece of work's end: its record (empty if a stop cancelled it), its wall time, and whether it
     * continued a trial that already had a recorded piece.
     */
    private record Attempt(
            TrialScheduler.Work work, Optional<TrialRecord> record, double seconds, boolean continuing, long order) {}

    /**
     * A finished piece of work recorded in memory, not yet journaled; {@code retired} if its trial can never continue,
     * so its checkpoints go once the journal has it (decided when it finished: later dispatches change the answer).
     */
    private record Unwritten(TrialRecord trial, boolean retired) {}

    /** The sampler's next candidate not started yet (a resumed search skips those it has). */
    private static Candidate nextNotStarted(Sampler sampler, Set<Integer> started) {
        Candidate candidate = sampler.next();
        while (started.contains(candidate.trialNumber())) {
            candidate = sampler.next();
        }
        started.add(candidate.trialNumber());
        return candidate;
    }

    /** Deletes one trial's checkpoints, or with {@code trialId} null all of them; a failure is only logged. */
    private void deleteCheckpoints(String trialId) {
        if (checkpointDir == null) {
            return;
        }
        try {
            if (trialId == null) {
                Checkpoints.deleteAll(checkpointDir);
            } else {
                Checkpoints.deleteTrial(checkpointDir, trialId);
            }
        } catch (IOException e) {
            LOG.warn(
                    "could not delete the checkpoints of {} in {}: {}",
                    trialId == null ? "the search" : trialId,
                    checkpointDir,
                    e.toString());
        }
    }

    /** Trains {@code work}, the {@code order}-th piece dispatched in this run. */
    private Attempt attempt(TrialScheduler.Work work, boolean continuing, long order) {
        long start = System.nanoTime();
        Candidate candidate = work.candidate();
        List<SplitTask> splits = SearchTasks.splitsOf(spec, candidate).stream()
                .map(task -> work.isSegment() ? task.untilEpoch(work.untilEpoch(), checkpointDir) : task)
                .map(task -> continuing && task.trainsSegment() ? task.continuing() : task)
                .toList();
        try {
            List<SplitResult> results = dispatcher.run(candidate, splits);
            return new Attempt(
                    work,
                    Optional.of(TrialRecord.of(candidate, results)),
                    (System.nanoTime() - start) / 1e9,
                    continuing,
                    order);
        } catch (Exception e) {
            if (stop.requested() || dispatcher.isStopped()) {
                return new Attempt(work, Optional.empty(), 0, continuing, order);
            }
            // e.g. Spark gave up on a task after spark.task.maxFailures lost executors: the trial fails, the search
            // goes on (the first line: Spark appends the driver's stack trace to a failed job's message)
            String message = ("dispatch failed: " + e).lines().findFirst().orElse("dispatch failed");
            List<SplitResult> failed = splits.stream()
                    .map(s -> SplitResult.failed(candidate.trialNumber(), s.split(), 0, message, "driver"))
                    .toList();
            return new Attempt(
                    work,
                    Optional.of(TrialRecord.of(candidate, failed)),
                    (System.nanoTime() - start) / 1e9,
                    continuing,
                    order);
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
