package io.sparktune.refit;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.AtomicFiles;
import io.sparktune.results.LeaderboardCsv;
import io.sparktune.results.LeaderboardRow;
import io.sparktune.results.LeaderboardRows;
import io.sparktune.results.RunFiles;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecException;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.DataRef;
import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import io.sparktune.worker.net.PortableModel;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.Metrics;
import io.sparktune.worker.train.SplitTrainer;
import io.sparktune.worker.train.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Re-trains one leaderboard row's configuration, as scikit-learn's {@code refit}, on the whole training file (the
 * search's {@code data.limit} does not apply unless a limit is given), then scores it on the spec's test set and saves
 * a DL4J model zip and a JSON description beside it. By default it uses what the search learned: every training
 * example, for the number of epochs the trial's early stopping kept (its {@code mean_best_epoch}), with the trial's
 * learning-rate schedule; {@link Schedule#holdOut} early-stops on a stratified held-out slice instead. The epochs are
 * fitted in this JVM or, through a {@link RefitEngine}, on a cluster; everything else is the same for both.
 */
public final class Retrainer {
    /** Fraction of the training data held out for early stopping by {@link Schedule#holdOut}. */
    public static final double HOLD_OUT = 0.1;

    /** Which row: by rank (1 = best) or by trial id. */
    public record Selection(Integer rank, String trialId) {
        public Map<String, String> find(List<Map<String, String>> rows) throws IOException {
            return (rank != null ? LeaderboardRows.byRank(rows, rank) : LeaderboardRows.byTrialId(rows, trialId))
                    .orElseThrow(() -> new IOException("the leaderboard has no row with "
                            + (rank != null ? "rank " + rank : "trial id " + trialId)));
        }
    }

    /**
     * What a refit trains on and for how long. A whole-set refit ends with the mean of its weights over its last
     * {@code averagedEpochs} epochs (null: the last quarter of them, {@link #DEFAULT_AVERAGED_FRACTION}; 1: its last
     * weights), see {@link SplitTrainer#trainEpochs}; a hold-out refit restores its best epoch's weights instead.
     */
    public record Schedule(boolean holdOut, Integer epochs, Integer averagedEpochs) {
        /** The share of a whole-set refit's epochs whose weights are averaged by default. */
        public static final double DEFAULT_AVERAGED_FRACTION = 0.25;

        /** Every training example for {@code epochs} epochs, or (null) for the trial's mean best epoch, rounded. */
        public static Schedule wholeSet(Integer epochs, Integer averagedEpochs) {
            return new Schedule(false, epochs, averagedEpochs);
        }

        /** Early stopping on a stratified {@link #HOLD_OUT} slice, at most {@code maxEpochs} (null: max_epochs). */
        public static Schedule holdOut(Integer maxEpochs) {
            return new Schedule(true, maxEpochs, null);
        }

        /** The epochs a whole-set refit of {@code row} trains for. */
        int wholeSetEpochs(LeaderboardRow row) throws IOException {
            if (epochs != null) {
                return epochs;
            }
            if (row.meanBestEpoch().isEmpty()) {
                throw new IOException("the leaderboard has no mean_best_epoch (an older sparktune wrote it): "
                        + "pass --epochs E or --hold-out");
            }
            return (int) Math.max(1, Math.round(row.meanBestEpoch().getAsDouble()));
        }

        /** How many of a whole-set refit's {@code epochs} end in the averaged weights. */
        int averagedEpochs(int epochs) throws IOException {
            if (averagedEpochs == null) {
                return (int) Math.max(1, Math.round(epochs * DEFAULT_AVERAGED_FRACTION));
            }
            if (averagedEpochs > epochs) {
                throw new IOException(
                        "cannot average the weights of " + averagedEpochs + " epochs: the refit trains " + epochs);
            }
            return averagedEpochs;
        }
    }

    /**
     * What the retrained model achieved and where it is: {@code testScore} is the spec's scoring metric on the test
     * set ({@code testMetrics} all of the task's metrics; NaN / empty without {@code data.test}). A whole-set refit
     * holds out no examples and has no validation score (NaN); its weights are the mean over its last
     * {@code averagedEpochs} epochs (0 for a hold-out refit, which restores its best epoch's).
     */
    public record Outcome(
            Candidate candidate,
            int trainExamples,
            int heldOutExamples,
            TrainingOutcome training,
            int averagedEpochs,
            Scoring scoring,
            double testScore,
            SortedMap<String, Double> testMetrics,
            int testExamples,
            Path model,
            Path description) {}

    private Retrainer() {}

    /** Refits in this JVM; see {@link #retrain(Path, Selection, Path, Schedule, int, RefitEngine)}. */
    public static Outcome retrain(Path runDir, Selection selection, Path modelFile, Schedule schedule, int limit)
            throws IOException, SpecException {
        return retrain(runDir, selection, modelFile, schedule, limit, RefitEngine.LOCAL);
    }

    /**
     * @param limit  reads at most this many training examples (0 = the whole file)
     * @param engine fits each epoch: {@link RefitEngine#LOCAL} or on a cluster
     */
    public static Outcome retrain(
            Path runDir, Selection selection, Path modelFile, Schedule schedule, int limit, RefitEngine engine)
            throws IOException, SpecException {
        SearchSpec spec = SpecParser.parse(RunFiles.spec(runDir));
        LeaderboardRow row =
                LeaderboardRow.of(selection.find(LeaderboardCsv.read(runDir.resolve(LeaderboardCsv.FILE_NAME))));
        if (row.status() != TrialStatus.OK) {
            throw new IOException(row.trialId() + " has status "
                    + row.status().name().toLowerCase(Locale.ROOT) + ": nothing to retrain");
        }
        Candidate candidate = row.candidate();
        DataRef trainRef = DataRef.of(spec.data(), spec.data().train(), spec.task(), limit);
        LabeledData data = DataCache.load(trainRef);
        Folds.Split split = schedule.holdOut()
                ? Folds.holdOut(data.strata(), data.numStrata(), HOLD_OUT, candidate.seed())
                : new Folds.Split(
                        java.util.stream.IntStream.range(0, data.rows()).toArray(), new int[0]);
        Examples.Pair examples = schedule.holdOut()
                ? Examples.split(data.select(split.train()), data.select(split.validation()), trainRef.standardize())
                : Examples.whole(data, trainRef.standardize());
        TrainingSettings settings = spec.training();
        MultiLayerNetwork net = NetworkFactory.initialised(candidate, settings, data, candidate.seed());
        int epochs = schedule.holdOut()
                ? (schedule.epochs() == null ? settings.maxEpochs() : schedule.epochs())
                : schedule.wholeSetEpochs(row);
        int averagedEpochs = schedule.holdOut() ? 0 : schedule.averagedEpochs(epochs);
        settings = new TrainingSettings(
                epochs,
                settings.patience(),
                settings.batchSize(),
                settings.loss(),
                settings.huberDelta(),
                settings.minDelta(),
                settings.maxTrialSeconds());
        Scoring scoring = spec.search().scoring();
        int batchSize = SplitTask.batchSize(candidate, settings);
        SplitTrainer trainer = new SplitTrainer(settings, batchSize);
        RefitEngine.TrainingSet trainingSet = new RefitEngine.TrainingSet(
                trainRef, split.train(), examples.train(), examples.normalizer(), batchSize, candidate.seed());
        TrainingOutcome training;
        try (SplitTrainer.EpochFitter fitter = engine.fitter(trainingSet, trainer)) {
            if (schedule.holdOut()) {
                try (SplitTrainer.ValidationScorer scorer = SplitTrainer.scorer(scoring, examples.validation())) {
                    training = trainer.train(net, fitter, scorer);
                }
            } else {
                training = trainer.trainEpochs(net, fitter, epochs, averagedEpochs);
            }
        }
        if (training.status() != TrialStatus.OK) {
            throw new IOException(
                    candidate.trialId() + " " + training.status().name().toLowerCase() + ": " + training.message());
        }
        SortedMap<String, Double> testMetrics = new TreeMap<>();
        int testExamples = 0;
        if (spec.data().test().isPresent()) {
            LabeledData test = DataCache.load(
                            DataRef.of(spec.data(), spec.data().test().get(), spec.task(), 0))
                    .alignedTo(data);
            testMetrics = Metrics.of(net, test, examples.normalizer());
            testExamples = test.rows();
        }
        List<String> differences = saveModel(net, examples.normalizer(), modelFile);
        Outcome outcome = new Outcome(
                candidate,
                split.train().length,
                split.validation().length,
                training,
                averagedEpochs,
                scoring,
                testMetrics.getOrDefault(scoring.specName(), Double.NaN),
                testMetrics,
                testExamples,
                modelFile,
                Path.of(modelFile + ".json"));
        AtomicFiles.write(outcome.description(), describe(spec, outcome, engine.settings(), differences));
        return outcome;
    }

    /**
     * The model zip in DL4J's own classes ({@link PortableModel}: plain DL4J restores it), with the standardizer of
     * the training features inside it when there is one; returns where its configuration differs from the training.
     */
    private static List<String> saveModel(
            MultiLayerNetwork net, Optional<NormalizerStandardize> normalizer, Path modelFile) throws IOException {
        PortableModel.Portable portable = PortableModel.of(net);
        // the normalizer is added afterwards: writeModel(..., normalizer) flushes a stream it has closed (DL4J M2.1)
        AtomicFiles.writeFile(modelFile, temp -> {
            ModelSerializer.writeModel(portable.network(), temp.toFile(), true);
            if (normalizer.isPresent()) {
                ModelSerializer.addNormalizerToModel(temp.toFile(), normalizer.get());
            }
        });
        return portable.differences();
    }

    private static String describe(
            SearchSpec spec, Outcome outcome, Map<String, Object> trainedWith, List<String> portableDifferences)
            throws IOException {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("search", spec.name());
        description.put("task", spec.task().specName());
        description.put("trial_id", outcome.candidate().trialId());
        description.put("trial_seed", outcome.candidate().seed());
        description.put("params", outcome.candidate().params());
        description.put("train_examples", outcome.trainExamples());
        description.put("held_out_examples", outcome.heldOutExamples());
        description.put("refit", outcome.heldOutExamples() > 0 ? "hold_out" : "whole_set");
        description.put("epochs", outcome.training().epochsRun());
        description.put("best_epoch", outcome.training().bestEpoch());
        if (outcome.heldOutExamples() == 0) {
            description.put("averaged_epochs", outcome.averagedEpochs());
        }
        description.put("scoring", outcome.scoring().specName());
        if (outcome.heldOutExamples() > 0) {
            description.put("validation_score", outcome.training().bestScore());
        }
        description.put("test_score", outcome.testScore());
        description.put("test_metrics", outcome.testMetrics());
        description.put("test_examples", outcome.testExamples());
        description.put("fit_time", outcome.training().fitSeconds());
        description.put("trained_with", new TreeMap<>(trainedWith));
        description.put("model", outcome.model().getFileName().toString());
        description.put("portable_differences", portableDifferences);
        return io.sparktune.records.WorkerJson.mapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(description) + "\n";
    }
}
