package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.SplitTask;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The search loop's scheduling, with a dispatcher whose trials finish when the test says so (no Spark). */
class SearchRunSchedulingTest {
    @TempDir
    Path dir;

    /** Trial 0 blocks until released; every other trial scores its own number / 100 at once. */
    static class ScriptedDispatcher implements TrialDispatcher {
        final CountDownLatch releaseTrialZero = new CountDownLatch(1);
        volatile boolean cancelled;

        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public List<SplitResult> run(Candidate candidate, List<SplitTask> splits) throws Exception {
            if (candidate.trialNumber() == 0 && !releaseTrialZero.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            if (cancelled) {
                throw new IllegalStateException("job cancelled");
            }
            return splits.stream()
                    .map(s -> new SplitResult(
                            candidate.trialNumber(),
                            s.split(),
                            TrialStatus.OK,
                            candidate.trialNumber() / 100.0,
                            1,
                            1,
                            0.01,
                            List.of(),
                            null,
                            "test"))
                    .toList();
        }

        @Override
        public void cancelAll() {
            cancelled = true;
            releaseTrialZero.countDown();
        }

        @Override
        public boolean isStopped() {
            return false;
        }

        @Override
        public void close() {}
    }

    private SearchSpec spec(int nIter) throws Exception {
        Path spec = Files.writeString(
                dir.resolve("spec.yaml"),
                Files.readString(Path.of("..", "examples", "fashion-mlp.yaml"))
                        .replace("n_iter: 10", "n_iter: " + nIter));
        RunFiles.startNew(dir.resolve("run"), spec);
        return SpecParser.parse(spec);
    }

    private static ProgressLog quiet() {
        return new ProgressLog(ProgressLog.Mode.QUIET, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void aSlowTrialDoesNotHoldUpTheOthers() throws Exception {
        SearchSpec spec = spec(6);
        ScriptedDispatcher dispatcher = new ScriptedDispatcher();
        Thread releaser = new Thread(() -> {
            try {
                // release trial 0 only once the five others are in the journal
                while (TrialJournal.read(dir.resolve("run")).size() < 5) {
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            dispatcher.releaseTrialZero.countDown();
        });
        releaser.start();
        SearchRun.Outcome outcome = new SearchRun(
                        spec,
                        dir.resolve("run"),
                        dispatcher,
                        TrialScheduler.fifo(),
                        new Budget(6, 0, OptionalDouble.empty()),
                        new StopRequest(),
                        quiet())
                .run(List.of());
        releaser.join();

        List<Integer> order = TrialJournal.read(dir.resolve("run")).stream()
                .map(TrialRecord::trialNumber)
                .toList();
        assertEquals(0, order.get(5), "recorded as they finished: the slow trial 0 last " + order);
        assertEquals(java.util.Set.of(1, 2, 3, 4, 5), java.util.Set.copyOf(order.subList(0, 5)));
        assertEquals(6, outcome.leaderboard().rows().size());
        assertEquals(null, outcome.stopReason());
    }

    @Test
    void reachingTheTargetScoreStopsAndCancelsWhatStillRuns() throws Exception {
        SearchSpec spec = spec(20);
        ScriptedDispatcher dispatcher = new ScriptedDispatcher();
        SearchRun.Outcome outcome = new SearchRun(
                        spec,
                        dir.resolve("run"),
                        dispatcher,
                        TrialScheduler.fifo(),
                        new Budget(20, 0, OptionalDouble.of(0.03)),
                        new StopRequest(),
                        quiet())
                .run(List.of());

        List<TrialRecord> trials = TrialJournal.read(dir.resolve("run"));
        assertTrue(outcome.stopReason().startsWith("target_score 0.03 reached"), outcome.stopReason());
        assertTrue(dispatcher.cancelled, "running trials are cancelled");
        assertTrue(trials.stream().noneMatch(t -> t.trialNumber() == 0), "the cancelled trial is not recorded");
        assertTrue(trials.stream().anyMatch(t -> t.meanScore() >= 0.03));
        assertTrue(trials.size() < 20, trials.size() + " trials");
    }

    @Test
    void theTimeBudgetStopsTheSearch() throws Exception {
        SearchSpec spec = spec(20);
        ScriptedDispatcher dispatcher = new ScriptedDispatcher(); // trial 0 never finishes on its own
        long start = System.nanoTime();
        SearchRun.Outcome outcome = new SearchRun(
                        spec,
                        dir.resolve("run"),
                        dispatcher,
                        TrialScheduler.fifo(),
                        new Budget(20, 1.0, OptionalDouble.empty()),
                        new StopRequest(),
                        quiet())
                .run(List.of());

        assertTrue(outcome.stopReason().startsWith("max_seconds 1.0 reached"), outcome.stopReason());
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "stopped soon after the budget");
        assertEquals(19, TrialJournal.read(dir.resolve("run")).size(), "all but the cancelled trial 0");
    }

    @Test
    @Timeout(60)
    void aStoppedDispatcherWhoseTrialNeverEndsDoesNotHoldTheSearchForEver() throws Exception {
        SearchSpec spec = spec(4);
        // like a Spark context stopped by the master while a job's task binary was being broadcast: the running trial
        // 0 never returns, not even when cancelled
        ScriptedDispatcher stopped = new ScriptedDispatcher() {
            volatile boolean trialZeroStarted;

            @Override
            public List<SplitResult> run(Candidate candidate, List<SplitTask> splits) throws Exception {
                if (candidate.trialNumber() == 0) {
                    trialZeroStarted = true;
                    new CountDownLatch(1).await();
                }
                return super.run(candidate, splits);
            }

            @Override
            public void cancelAll() {
                cancelled = true;
            }

            @Override
            public boolean isStopped() {
                return trialZeroStarted;
            }
        };
        long start = System.nanoTime();
        SearchRun.Outcome outcome = new SearchRun(
                        spec,
                        dir.resolve("run"),
                        stopped,
                        TrialScheduler.fifo(),
                        new Budget(4, 0, OptionalDouble.empty()),
                        new StopRequest(),
                        quiet())
                .run(List.of());

        assertEquals(SearchRun.Ending.DISPATCHER_STOPPED, outcome.ending());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < SearchRun.STOPPED_DISPATCHER_GRACE_NANOS / 1e9 + 5, "ended after " + seconds + " s");
        List<TrialRecord> trials = TrialJournal.read(dir.resolve("run"));
        assertTrue(trials.stream().noneMatch(t -> t.trialNumber() == 0), "the trial left running is not recorded");
        assertTrue(trials.size() < 4, "nothing dispatched after the stop: " + trials.size());
    }
}
