package io.sparktune.results.report;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardFiles;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.DataRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * A small real search written to a run directory the way the driver writes one with {@code search.scheduler: asha}:
 * the spec copy, then rung by rung (1, 2, 4 epochs; the best half of a rung's scored trials go on from their
 * checkpoints unless early stopping ended them) each trial's splits trained by {@link SplitJob} on 600 Fashion-MNIST
 * images,
 * the trial's record at that rung appended to the journal and the leaderboard files rewritten. One more candidate's
 * network is too large for memory, so it fails for real. The optimizer has seven choices, as the examples do.
 * {@link #shared()} runs it once for all test classes of the JVM.
 */
final class ReportRunFixture {
    static final int CANDIDATES = 5;
    static final int[] RUNG_EPOCHS = {1, 2, 4};
    private static final int ETA = 2;
    private static Run shared;

    /** The run directory and its journal, in journal order. */
    record Run(Path dir, List<TrialRecord> journal) {
        /** Each trial's latest record, ranked. */
        Leaderboard board() {
            return Leaderboard.from(journal);
        }
    }

    private ReportRunFixture() {}

    /** The search, run on first use into {@code target/report-fixture-run}. */
    static synchronized Run shared() throws Exception {
        if (shared == null) {
            Path dir = Path.of("target", "report-fixture-run").toAbsolutePath();
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            shared = new Run(dir, search(dir));
        }
        return shared;
    }

    static String spec() {
        return """
                name: report-fixture
                task: classification
                %s
                search: {sampler: random, n_iter: %d, cv: 2, seed: 11, scheduler: asha, asha: {min_epochs: 1, reduction_factor: %d}}
                space:
                  n_hidden: {int: [1, 2]}
                  n_neurons: {int: [8, 48]}
                  learning_rate: {loguniform: [1.0e-3, 3.0e-2]}
                  optimizer: {choice: [sgd, momentum, nesterov, adagrad, rmsprop, adam, nadam]}
                  dropout: {uniform: [0.0, 0.3]}
                training: {max_epochs: 4, patience: 1, batch_size: 32}
                """.formatted(FashionMnist.specData(600), CANDIDATES + 1, ETA);
    }

    /** Writes the run into {@code runDir}; returns the records in journal order. */
    static List<TrialRecord> search(Path runDir) throws Exception {
        Path specFile = Files.writeString(Files.createTempDirectory("spec").resolve("report-fixture.yaml"), spec());
        RunFiles.startNew(runDir, specFile);
        SearchSpec spec = SpecParser.parse(specFile);
        Sampler sampler = Samplers.forSpec(spec);
        SplitPlan plan = new SplitPlan(
                spec.search().cv(),
                spec.search().validationSplit(),
                spec.search().seed());
        List<TrialRecord> records = new ArrayList<>();
        try (TrialJournal journal = TrialJournal.openForAppend(runDir)) {
            DataRef data = DataRef.of(
                    spec.data(),
                    spec.data().train(),
                    spec.task(),
                    spec.data().limit().orElse(0));
            Trainer trainer = new Trainer(spec, data, plan, runDir, journal, records);
            List<TrialRecord> rung = new ArrayList<>();
            for (int i = 0; i <= CANDIDATES; i++) {
                Candidate candidate = i < CANDIDATES ? sampler.next() : tooLargeForMemory(sampler.next());
                rung.add(trainer.train(candidate, 0, null));
            }
            for (int next = 1; next < RUNG_EPOCHS.length; next++) {
                int reached = RUNG_EPOCHS[next - 1];
                List<TrialRecord> scored = rung.stream()
                        .filter(t -> t.status() == TrialStatus.OK)
                        .sorted(Comparator.comparingDouble(TrialRecord::meanScore)
                                .reversed())
                        .toList();
                List<TrialRecord> promoted = scored.stream()
                        .limit(scored.size() / ETA)
                        .filter(t -> RungChart.epochs(t) == reached)
                        .toList();
                rung = new ArrayList<>();
                for (TrialRecord earlier : promoted) {
                    rung.add(trainer.train(earlier.toCandidate(), next, earlier));
                }
            }
        }
        return records;
    }

    /** Trains rung by rung with checkpoints under {@code runDir/checkpoints}, journaling each rung's record. */
    private record Trainer(
            SearchSpec spec,
            DataRef data,
            SplitPlan plan,
            Path runDir,
            TrialJournal journal,
            List<TrialRecord> records) {
        /** Trains {@code candidate} up to rung {@code rung}'s epochs (from its checkpoints after {@code earlier}). */
        TrialRecord train(Candidate candidate, int rung, TrialRecord earlier) throws Exception {
            List<SplitResult> splits = new ArrayList<>();
            for (int k = 0; k < plan.count(); k++) {
                SplitTask task = new SplitTask(
                                candidate,
                                spec.task(),
                                data,
                                spec.training(),
                                spec.search().scoring(),
                                plan,
                                k)
                        .untilEpoch(
                                RUNG_EPOCHS[rung], runDir.resolve("checkpoints").toString());
                splits.add(SplitJob.run(earlier == null ? task : task.continuing()));
            }
            TrialRecord record = TrialRecord.of(candidate, splits).atRung(rung, earlier);
            journal.append(record);
            records.add(record);
            LeaderboardFiles.write(Leaderboard.from(records), runDir);
            return record;
        }
    }

    /** The candidate with 3 hidden layers of 100,000 neurons (~2e10 parameters): it fails for real, out of memory. */
    private static Candidate tooLargeForMemory(Candidate sampled) {
        TreeMap<String, Object> params = new TreeMap<>(sampled.params());
        params.put("n_hidden", 3);
        params.put("n_neurons", 100_000);
        return new Candidate(sampled.trialNumber(), params, sampled.seed());
    }
}
