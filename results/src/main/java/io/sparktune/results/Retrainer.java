package io.sparktune.results;

import io.sparktune.space.Candidate;
import io.sparktune.space.spec.SearchSpec;
import io.sparktune.space.spec.SpecException;
import io.sparktune.space.spec.SpecParser;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.TrialStatus;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.DataRef;
import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import io.sparktune.worker.train.Matrices;
import io.sparktune.worker.train.SplitTrainer;
import io.sparktune.worker.train.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Re-trains one leaderboard row's configuration locally, as scikit-learn's {@code refit}: on the whole training file
 * (the search's {@code data.limit} does not apply unless a limit is given), with early stopping on a stratified
 * held-out slice, then scores it on the spec's test set and saves a DL4J model zip and a JSON description beside it.
 */
public final class Retrainer {
    /** Fraction of the training data held out for early stopping. */
    public static final double HOLD_OUT = 0.1;

    /** Which row: by rank (1 = best) or by trial id. */
    public record Selection(Integer rank, String trialId) {
        public Map<String, String> find(List<Map<String, String>> rows) throws IOException {
            return (rank != null ? LeaderboardRows.byRank(rows, rank) : LeaderboardRows.byTrialId(rows, trialId))
                    .orElseThrow(() -> new IOException("the leaderboard has no row with "
                            + (rank != null ? "rank " + rank : "trial id " + trialId)));
        }
    }

    /** What the retrained model achieved and where it is. */
    public record Outcome(Candidate candidate, int trainExamples, int heldOutExamples, TrainingOutcome training,
                          double testAccuracy, int testExamples, Path model, Path description) {
    }

    private Retrainer() {
    }

    /**
     * @param maxEpochs overrides the spec's {@code training.max_epochs} when not null
     * @param limit     reads at most this many training examples (0 = the whole file)
     */
    public static Outcome retrain(Path runDir, Selection selection, Path modelFile, Integer maxEpochs, int limit)
            throws IOException, SpecException {
        SearchSpec spec = SpecParser.parse(RunFiles.spec(runDir));
        Map<String, String> row = selection.find(LeaderboardCsv.read(runDir.resolve(LeaderboardCsv.FILE_NAME)));
        if (!TrialStatus.OK.name().equalsIgnoreCase(row.get("status"))) {
            throw new IOException(row.get("trial_id") + " has status " + row.get("status") + ": nothing to retrain");
        }
        Candidate candidate = LeaderboardRows.toCandidate(row);
        LabeledData data = DataCache.load(DataRef.of(spec.data().train(), limit));
        Folds.Split split = Folds.holdOut(data.labels(), data.numClasses(), HOLD_OUT, candidate.seed());
        MultiLayerNetwork net = new MultiLayerNetwork(
                NetworkFactory.build(candidate, spec.task(), data.cols(), data.numClasses(), candidate.seed()));
        net.init();
        SplitTrainer trainer = new SplitTrainer(maxEpochs != null ? maxEpochs : spec.training().maxEpochs(),
                spec.training().patience(), SplitTask.batchSize(candidate, spec.training()));
        TrainingOutcome training = trainer.train(net, data.select(split.train()),
                SplitTrainer.accuracyOn(data.select(split.validation())), candidate.seed());
        if (training.status() != TrialStatus.OK) {
            throw new IOException(candidate.trialId() + " " + training.status().name().toLowerCase() + ": " + training.message());
        }
        double testAccuracy = Double.NaN;
        int testExamples = 0;
        if (spec.data().test().isPresent()) {
            LabeledData test = DataCache.load(DataRef.of(spec.data().test().get(), 0));
            testAccuracy = Matrices.accuracy(net.output(Matrices.features(test), false), test.labels());
            testExamples = test.rows();
        }
        saveModel(net, modelFile);
        Outcome outcome = new Outcome(candidate, split.train().length, split.validation().length, training,
                testAccuracy, testExamples, modelFile, Path.of(modelFile + ".json"));
        AtomicFiles.write(outcome.description(), describe(spec, outcome));
        return outcome;
    }

    private static void saveModel(MultiLayerNetwork net, Path modelFile) throws IOException {
        Path dir = modelFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + modelFile.getFileName(), ".tmp");
        try {
            ModelSerializer.writeModel(net, temp.toFile(), true);
            Files.move(temp, modelFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String describe(SearchSpec spec, Outcome outcome) throws IOException {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("search", spec.name());
        description.put("task", spec.task().specName());
        description.put("trial_id", outcome.candidate().trialId());
        description.put("trial_seed", outcome.candidate().seed());
        description.put("params", outcome.candidate().params());
        description.put("train_examples", outcome.trainExamples());
        description.put("held_out_examples", outcome.heldOutExamples());
        description.put("epochs", outcome.training().epochsRun());
        description.put("best_epoch", outcome.training().bestEpoch());
        description.put("validation_accuracy", outcome.training().bestScore());
        description.put("test_accuracy", outcome.testAccuracy());
        description.put("test_examples", outcome.testExamples());
        description.put("fit_time", outcome.training().fitSeconds());
        description.put("model", outcome.model().getFileName().toString());
        return io.sparktune.worker.WorkerJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(description) + "\n";
    }
}
