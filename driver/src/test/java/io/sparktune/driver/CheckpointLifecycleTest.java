package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.FashionMnist;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ASHA search on local[2] (real Spark, real training, real files) with its checkpoints in a directory of their
 * own: they are written there and never under the output directory, a trial's go as soon as the scheduler retires
 * it, a promotion whose checkpoint vanished is a failed trial saying so, a stopped search keeps the checkpoints of
 * the trials that may continue, and none remain once every trial ran (after a resume).
 */
class CheckpointLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void checkpointsLiveInTheirDirectoryAndGoWhenNoLongerNeeded() throws Exception {
        Path specFile = Files.writeString(dir.resolve("asha.yaml"), """
                name: asha
                task: classification
                %s
                search: {n_iter: 6, cv: 2, seed: 5, scheduler: asha, asha: {min_epochs: 1, reduction_factor: 2}}
                space:
                  n_neurons: {int: [8, 32]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                training: {max_epochs: 4, patience: 4, batch_size: 64}
                """.formatted(FashionMnist.specTrainData(600)));
        SearchSpec spec = SpecParser.parse(specFile);
        Path out = dir.resolve("run");
        Path elsewhere = dir.resolve("elsewhere");
        RunFiles.startNew(out, specFile);
        StopRequest stop = new StopRequest();
        Watching first = new Watching(Schedulers.forSpec(spec), elsewhere, out, stop, true);
        Watching resumed = new Watching(Schedulers.forSpec(spec), elsewhere, out, new StopRequest(), false);
        SearchRun.Outcome stopped;
        SearchRun.Outcome completed;
        try (SparkDispatcher spark = new SparkDispatcher(SparkConfs.forSearch("t", "local[2]", Map.of()))) {
            stopped = run(spec, out, spark, first, stop, elsewhere, List.of());
            assertEquals("top rung reached", stopped.stopReason());
            AshaScheduler replayed = (AshaScheduler) Schedulers.forSpec(spec);
            List<TrialRecord> journal = TrialJournal.read(out);
            journal.forEach(replayed::replay);
            for (TrialRecord record : journal) {
                assertEquals(
                        replayed.canContinue(record.trialNumber()),
                        Files.isDirectory(elsewhere.resolve(record.trialId())),
                        record.trialId() + ": checkpoints kept exactly while it may continue");
            }
            assertTrue(journal.stream().anyMatch(r -> replayed.canContinue(r.trialNumber())));
            completed = run(spec, out, spark, resumed, new StopRequest(), elsewhere, journal);
        }

        assertNull(completed.stopReason());
        for (Watching scheduler : List.of(first, resumed)) {
            assertEquals(List.of(), scheduler.problems);
        }
        assertTrue(first.sawCheckpoints, "checkpoints were written to the directory given");
        assertFalse(first.retired.isEmpty(), "some trial was retired during the search");
        assertFalse(Files.exists(elsewhere), "no checkpoint remains after a completed search");
        assertFalse(Files.exists(out.resolve(CheckpointDir.DEFAULT_NAME)));

        Candidate robbed = first.robbed;
        TrialRecord promotion = TrialJournal.read(out).stream()
                .filter(r -> r.trialNumber() == robbed.trialNumber() && r.rung() == 1)
                .findFirst()
                .orElseThrow();
        assertEquals(TrialStatus.FAILED, promotion.status());
        for (SplitResult split : promotion.splits()) {
            assertTrue(
                    split.message().startsWith("checkpoint missing: ")
                            && split.message().contains(robbed.trialId() + "/split-" + split.split() + "-e*"),
                    split.message());
        }
    }

    private static SearchRun.Outcome run(
            SearchSpec spec,
            Path out,
            TrialDispatcher spark,
            TrialScheduler scheduler,
            StopRequest stop,
            Path checkpoints,
            List<TrialRecord> journal)
            throws Exception {
        return new SearchRun(
                        spec,
                        out,
                        spark,
                        scheduler,
                        new Budget(6, 0, OptionalDouble.empty()),
                        stop,
                        new ProgressLog(ProgressLog.Mode.QUIET, new PrintStream(OutputStream.nullOutputStream())),
                        checkpoints.toUri().toString())
                .run(journal);
    }

    /**
     * ASHA as the search runs it, watched from the search loop's thread: when a trial finishes, no trial retired
     * before may have checkpoints left; when the loop asks for work, nothing may be under the output directory. It
     * also deletes the checkpoint of the first promotion before handing it out, and stops the search when a trial
     * reached the top rung.
     */
    private static final class Watching implements TrialScheduler {
        private final TrialScheduler asha;
        private final Path checkpoints;
        private final Path out;
        private final StopRequest stop;
        private boolean robbing;
        final Set<String> retired = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        boolean sawCheckpoints;
        Candidate robbed;

        Watching(TrialScheduler asha, Path checkpoints, Path out, StopRequest stop, boolean robFirstPromotion) {
            this.stop = stop;
            this.robbing = robFirstPromotion;
            this.asha = asha;
            this.checkpoints = checkpoints;
            this.out = out;
        }

        @Override
        public Optional<Work> next(Supplier<Optional<Candidate>> newCandidate) {
            if (Files.exists(out.resolve(CheckpointDir.DEFAULT_NAME))) {
                problems.add("checkpoints under the output directory");
            }
            sawCheckpoints |= Files.isDirectory(checkpoints)
                    && list(checkpoints).findAny().isPresent();
            Optional<Work> work = asha.next(newCandidate);
            if (robbing && work.isPresent() && work.get().rung() > 0) {
                robbing = false;
                robbed = work.get().candidate();
                delete(checkpoints.resolve(robbed.trialId()));
            }
            return work;
        }

        @Override
        public TrialRecord finished(Work work, TrialRecord record) {
            // the loop journals a finished trial and deletes its checkpoints before it waits for the next one
            for (String trial : retired) {
                if (Files.exists(checkpoints.resolve(trial))) {
                    problems.add(trial + " retired but its checkpoints are still there");
                }
            }
            TrialRecord reached = asha.finished(work, record);
            if (!asha.canContinue(record.trialNumber())) {
                retired.add(record.trialId());
            }
            if (reached.rung() == ((AshaScheduler) asha).milestones().length - 1) {
                stop.request("top rung reached");
            }
            return reached;
        }

        @Override
        public void replay(TrialRecord record) {
            asha.replay(record);
        }

        @Override
        public boolean canContinue(int trialNumber) {
            return asha.canContinue(trialNumber);
        }

        private static Stream<Path> list(Path directory) {
            try {
                return Files.list(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path directory) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
