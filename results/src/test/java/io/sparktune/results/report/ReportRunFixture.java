package io.sparktune.results.report;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.LeaderboardFiles;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.space.spec.SpecParser;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.DataRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A small real search written to a run directory the way the driver writes one: the spec copy, then for each
 * sampled candidate its splits trained by {@link SplitJob} on 600 Fashion-MNIST images, appended to the journal, and
 * the leaderboard files rewritten. One more candidate's network is too large for memory, so it fails for real.
 */
final class ReportRunFixture {
    static final int CANDIDATES = 5;

    private ReportRunFixture() {
    }

    static String spec() {
        return """
                name: report-fixture
                task: classification
                %s
                search: {sampler: random, n_iter: %d, cv: 2, seed: 11}
                space:
                  n_hidden: {int: [1, 2]}
                  n_neurons: {int: [8, 48]}
                  learning_rate: {loguniform: [1.0e-3, 3.0e-2]}
                  optimizer: {choice: [sgd, adam, rmsprop]}
                  dropout: {uniform: [0.0, 0.3]}
                training: {max_epochs: 4, patience: 1, batch_size: 32}
                """.formatted(FashionMnist.specData(600), CANDIDATES + 1);
    }

    /** Writes the run into {@code runDir}; returns the records in journal order. */
    static List<TrialRecord> search(Path runDir) throws Exception {
        Path specFile = Files.writeString(Files.createTempDirectory("spec").resolve("report-fixture.yaml"), spec());
        RunFiles.startNew(runDir, specFile);
        SearchSpec spec = SpecParser.parse(specFile);
        Sampler sampler = Samplers.forSpec(spec);
        SplitPlan plan = new SplitPlan(spec.search().cv(), spec.search().validationSplit(), spec.search().seed());
        List<TrialRecord> records = new ArrayList<>();
        try (TrialJournal journal = TrialJournal.openForAppend(runDir)) {
            DataRef data = DataRef.of(spec.data(), spec.data().train(), spec.task(), spec.data().limit().orElse(0));
            for (int i = 0; i <= CANDIDATES; i++) {
                Candidate candidate = i < CANDIDATES ? sampler.next() : tooLargeForMemory(sampler.next());
                List<SplitResult> splits = new ArrayList<>();
                for (int k = 0; k < plan.count(); k++) {
                    splits.add(SplitJob.run(new SplitTask(candidate, spec.task(), data, spec.training(), spec.search().scoring(), plan, k)));
                }
                TrialRecord record = TrialRecord.of(candidate, splits);
                journal.append(record);
                records.add(record);
                LeaderboardFiles.write(Leaderboard.from(records), runDir);
            }
        }
        return records;
    }

    /** The candidate with 3 hidden layers of 100,000 neurons (~2e10 parameters): it fails for real, out of memory. */
    private static Candidate tooLargeForMemory(Candidate sampled) {
        TreeMap<String, Object> params = new TreeMap<>(sampled.params());
        params.put("n_hidden", 3);
        params.put("n_neurons", 100_000);
        return new Candidate(sampled.trialNumber(), params, sampled.seed());
    }
}
