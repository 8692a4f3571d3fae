package io.sparktune.bench;

import io.sparktune.driver.Budget;
import io.sparktune.driver.ProgressLog;
import io.sparktune.driver.Schedulers;
import io.sparktune.driver.SearchRun;
import io.sparktune.driver.SparkConfs;
import io.sparktune.driver.SparkDispatcher;
import io.sparktune.driver.StopRequest;
import io.sparktune.records.SplitResult;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.SparkContext;

/**
 * Runs real searches for the search suites: the spec parsed as the CLI parses it, the run directory started as the
 * CLI starts it, and {@link SearchRun} on a {@link SparkDispatcher} (quiet), timed around the search loop.
 */
final class SearchBench {
    private SearchBench() {}

    /**
     * One finished search: wall seconds of the loop, its trials, the dispatcher's parallelism, and after each trial the
     * RSS of the process that trained it and this JVM's committed heap.
     */
    record Measurement(
            double wallSeconds,
            List<TrialRecord> trials,
            int parallelism,
            List<Long> rssAfterTrial,
            List<Long> heapAfterTrial) {
        /** Sum over every split of every trial of its in-task training time ({@code splits[].fitSeconds}). */
        double sumFitSeconds() {
            return trials.stream()
                    .flatMap(t -> t.splits().stream())
                    .mapToDouble(SplitResult::fitSeconds)
                    .sum();
        }

        /** Sum over every split of every trial of the worker's whole task time ({@code splits[].taskSeconds}). */
        double sumTaskSeconds() {
            return trials.stream()
                    .flatMap(t -> t.splits().stream())
                    .mapToDouble(SplitResult::taskSeconds)
                    .sum();
        }

        /** The best mean CV score, NaN if no trial finished OK. */
        double bestMeanScore() {
            return trials.stream()
                    .mapToDouble(TrialRecord::meanScore)
                    .filter(s -> !Double.isNaN(s))
                    .max()
                    .orElse(Double.NaN);
        }

        long okTrials() {
            return trials.stream().filter(t -> !Double.isNaN(t.meanScore())).count();
        }
    }

    /** A dispatcher on {@code master} (null: the search default) with sparktune's Spark settings plus {@code conf}. */
    static SparkDispatcher dispatcher(String master, Map<String, String> conf) {
        return new SparkDispatcher(SparkConfs.forSearch("sparktune bench", master, conf));
    }

    /** Runs the search {@code specFile} describes into the new directory {@code runDir}. */
    static Measurement run(SparkDispatcher dispatcher, Path specFile, Path runDir) throws Exception {
        SearchSpec spec = SpecParser.parse(specFile);
        RunFiles.startNew(runDir, specFile);
        ProbingDispatcher probe = new ProbingDispatcher(dispatcher);
        SearchRun search = new SearchRun(
                spec,
                runDir,
                probe,
                Schedulers.forSpec(spec),
                new Budget(spec.search().nIter(), 0, OptionalDouble.empty()),
                new StopRequest(),
                new ProgressLog(ProgressLog.Mode.QUIET, System.err));
        long start = System.nanoTime();
        search.run(List.of());
        double wall = (System.nanoTime() - start) / 1e9;
        return new Measurement(
                wall, TrialJournal.read(runDir), probe.parallelism(), probe.rssAfterTrial(), probe.heapAfterTrial());
    }

    /** Waits until {@code executors} executors have registered with the active Spark context (cluster masters). */
    static void awaitExecutors(int executors, Duration timeout) throws InterruptedException {
        SparkContext context = SparkContext.getOrCreate();
        long deadline = System.nanoTime() + timeout.toNanos();
        // getExecutorInfos lists the driver too
        while (context.statusTracker().getExecutorInfos().length < executors + 1) {
            if (context.isStopped()) {
                throw new IllegalStateException("the Spark context stopped while waiting for executors (see the log)");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(executors + " executors did not register within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
