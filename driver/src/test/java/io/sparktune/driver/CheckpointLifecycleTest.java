package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.space.spec.SpecParser;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.TrialStatus;
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
 * it, a promotion whose checkpoint vanished is a failed trial saying so, and none remain once every trial ran.
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
        Watching scheduler = new Watching(SearchRun.schedulerFor(spec), elsewhere, out);

        SearchRun.Outcome outcome;
        try (SparkDispatcher spark = new SparkDispatcher(SparkConfs.forSearch("t", "local[2]", Map.of()))) {
            outcome = new SearchRun(spec, out, spark, scheduler, new Budget(6, 0, OptionalDouble.empty()),
                    new StopRequest(), new ProgressLog(ProgressLog.Mode.QUIET,
                    new PrintStream(OutputStream.nullOutputStream())), elsewhere.toUri().toString()).run(List.of());
        }

        assertNull(outcome.stopReason());
        assertEquals(List.of(), scheduler.problems);
        assertTrue(scheduler.sawCheckpoints, "checkpoints were written to the directory given");
        assertFalse(scheduler.retired.isEmpty(), "some trial was retired during the search");
        assertFalse(Files.exists(elsewhere), "no checkpoint remains after a completed search");
        assertFalse(Files.exists(out.resolve(CheckpointDir.DEFAULT_NAME)));

        Candidate robbed = scheduler.robbed;
        TrialRecord promotion = TrialJournal.read(out).stream()
                .filter(r -> r.trialNumber() == robbed.trialNumber() && r.rung() == 1).findFirst().orElseThrow();
        assertEquals(TrialStatus.FAILED, promotion.status());
        for (SplitResult split : promotion.splits()) {
            assertTrue(split.message().startsWith("checkpoint missing: ")
                    && split.message().contains(robbed.trialId() + "/split-" + split.split() + "-e*"), split.message());
        }
    }

    /**
     * ASHA as the search runs it, watched from the search loop's thread: each time the loop asks for work (after it
     * deleted what it deletes), no retired trial may have checkpoints, and nothing may be under the output directory.
     * It also deletes the checkpoint of the first promotion before handing it out.
     */
    private static final class Watching implements TrialScheduler {
        private final TrialScheduler asha;
        private final Path checkpoints;
        private final Path out;
        final Set<String> retired = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        boolean sawCheckpoints;
        Candidate robbed;

        Watching(TrialScheduler asha, Path checkpoints, Path out) {
            this.asha = asha;
            this.checkpoints = checkpoints;
            this.out = out;
        }

        @Override
        public Optional<Work> next(Supplier<Optional<Candidate>> newCandidate) {
            for (String trial : retired) {
                if (Files.exists(checkpoints.resolve(trial))) {
                    problems.add(trial + " retired but its checkpoints are still there");
                }
            }
            if (Files.exists(out.resolve(CheckpointDir.DEFAULT_NAME))) {
                problems.add("checkpoints under the output directory");
            }
            sawCheckpoints |= Files.isDirectory(checkpoints) && list(checkpoints).findAny().isPresent();
            Optional<Work> work = asha.next(newCandidate);
            if (robbed == null && work.isPresent() && work.get().rung() > 0) {
                robbed = work.get().candidate();
                delete(checkpoints.resolve(robbed.trialId()));
            }
            return work;
        }

        @Override
        public TrialRecord finished(Work work, TrialRecord record) {
            TrialRecord reached = asha.finished(work, record);
            if (!asha.canContinue(record.trialNumber())) {
                retired.add(record.trialId());
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
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
