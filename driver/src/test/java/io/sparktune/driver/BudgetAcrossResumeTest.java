package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.SplitTask;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget of a resumed search (no Spark: trials of a fixed length): {@code max_seconds} counts this run's wall
 * time only, and a {@code target_score} some journaled trial already reached leaves nothing to dispatch.
 */
class BudgetAcrossResumeTest {
    @TempDir
    Path dir;

    /** Every trial takes {@code millis} and scores its number / 100; a cancelled one fails at once. */
    static final class TimedDispatcher implements TrialDispatcher {
        final AtomicInteger dispatched = new AtomicInteger();
        final long millis;
        volatile boolean cancelled;

        TimedDispatcher(long millis) {
            this.millis = millis;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public List<SplitResult> run(Candidate candidate, List<SplitTask> splits) throws Exception {
            dispatched.incrementAndGet();
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                if (cancelled) {
                    throw new IllegalStateException("job cancelled");
                }
                Thread.sleep(1);
            }
            return splits.stream()
                    .map(s -> new SplitResult(
                            candidate.trialNumber(),
                            s.split(),
                            TrialStatus.OK,
                            candidate.trialNumber() / 100.0,
                            1,
                            1,
                            millis / 1000.0,
                            List.of(),
                            null,
                            "test"))
                    .toList();
        }

        @Override
        public void cancelAll() {
            cancelled = true;
        }

        @Override
        public boolean isStopped() {
            return false;
        }

        @Override
        public void close() {}
    }

    @Test
    void aResumeGetsTheTimeBudgetAfresh() throws Exception {
        SearchSpec spec = spec(60);
        // an earlier run that used far more than the budget: 5 trials of 100 s
        List<TrialRecord> earlier = earlierTrials(spec, 5, 100);
        TimedDispatcher dispatcher = new TimedDispatcher(100);
        SearchRun.Outcome outcome = run(spec, dispatcher, new Budget(60, 1.0, OptionalDouble.empty()), earlier);

        assertEquals(SearchRun.Ending.STOPPED, outcome.ending());
        assertTrue(outcome.stopReason().startsWith("max_seconds 1.0 reached"), outcome.stopReason());
        int added = outcome.leaderboard().rows().size() - earlier.size();
        assertTrue(added >= 3 && added < 55, "this run trained for about its own second: " + added + " trials");
    }

    @Test
    void noTrialStartsThatCouldNotFinishBeforeMaxSeconds() throws Exception {
        SearchSpec spec = spec(60);
        TimedDispatcher dispatcher = new TimedDispatcher(400); // two at a time: 0.4, 0.8 s, then 0.2 s left
        long start = System.nanoTime();
        SearchRun.Outcome outcome = run(spec, dispatcher, new Budget(60, 1.0, OptionalDouble.empty()), List.of());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(SearchRun.Ending.STOPPED, outcome.ending());
        assertTrue(
                outcome.stopReason()
                        .matches("max_seconds 1\\.0 reached: 0\\.\\d s left, a new trial's first rung "
                                + "takes 0\\.\\d s"),
                outcome.stopReason());
        assertFalse(dispatcher.cancelled, "nothing was running at the deadline");
        assertEquals(
                dispatcher.dispatched.get(),
                TrialJournal.read(dir.resolve("run")).size(),
                "every trial started finished and was recorded");
        assertTrue(seconds < 1.0, "the search ended when its last trial did, before the deadline: " + seconds + " s");
    }

    @Test
    void aTargetReachedBeforeTheResumeLeavesNothingToDispatch() throws Exception {
        SearchSpec spec = spec(10);
        List<TrialRecord> earlier = earlierTrials(spec, 4, 1); // trial 3 scored 0.03
        TimedDispatcher dispatcher = new TimedDispatcher(0);
        SearchRun.Outcome outcome = run(spec, dispatcher, new Budget(10, 0, OptionalDouble.of(0.03)), earlier);

        assertEquals(0, dispatcher.dispatched.get(), "nothing dispatched");
        assertEquals(SearchRun.Ending.TARGET_REACHED, outcome.ending());
        assertTrue(
                outcome.stopReason().contains("target_score 0.03 reached by trial-0003 before this run"),
                outcome.stopReason());
        assertEquals(4, outcome.leaderboard().rows().size());
        assertEquals(0, TrialJournal.read(dir.resolve("run")).size(), "nothing journaled again");
    }

    @Test
    void aTargetNotYetReachedLetsTheResumeGoOn() throws Exception {
        SearchSpec spec = spec(10);
        List<TrialRecord> earlier = earlierTrials(spec, 4, 1);
        TimedDispatcher dispatcher = new TimedDispatcher(0);
        SearchRun.Outcome outcome = run(spec, dispatcher, new Budget(10, 0, OptionalDouble.of(0.05)), earlier);

        assertTrue(dispatcher.dispatched.get() > 0, "the resume trains");
        assertEquals(SearchRun.Ending.TARGET_REACHED, outcome.ending());
        // trial 5 scores 0.05; trial 6 (0.06), dispatched beside it, may finish first
        assertTrue(outcome.stopReason().matches("target_score 0\\.05 reached by trial-000[5-9]"), outcome.stopReason());
    }

    private SearchRun.Outcome run(SearchSpec spec, TrialDispatcher dispatcher, Budget budget, List<TrialRecord> journal)
            throws Exception {
        ProgressLog quiet = new ProgressLog(ProgressLog.Mode.QUIET, new PrintStream(OutputStream.nullOutputStream()));
        return new SearchRun(
                        spec, dir.resolve("run"), dispatcher, TrialScheduler.fifo(), budget, new StopRequest(), quiet)
                .run(journal);
    }

    /** The spec's first {@code count} candidates as an earlier run recorded them, {@code seconds} of training each. */
    private static List<TrialRecord> earlierTrials(SearchSpec spec, int count, double seconds) {
        var sampler = Samplers.forSpec(spec);
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Candidate candidate = sampler.next();
            trials.add(TrialRecord.of(
                    candidate,
                    List.of(new SplitResult(
                            candidate.trialNumber(),
                            0,
                            TrialStatus.OK,
                            candidate.trialNumber() / 100.0,
                            1,
                            1,
                            seconds,
                            List.of(),
                            null,
                            "earlier"))));
        }
        return trials;
    }

    private SearchSpec spec(int nIter) throws Exception {
        Path spec = Files.writeString(
                dir.resolve("spec.yaml"),
                Files.readString(Path.of("..", "examples", "fashion-mlp.yaml"))
                        .replace("n_iter: 10", "n_iter: " + nIter));
        RunFiles.startNew(dir.resolve("run"), spec);
        return SpecParser.parse(spec);
    }
}
