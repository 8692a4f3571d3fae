package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * The validation metrics a training reports come from the epoch whose weights the network ends with (the best one,
 * restored; or the last one of a segment), without another pass: they must equal the metrics computed afresh.
 */
class ReportedMetricsTest {

    @Test
    void restoredTrainingReportsItsBestEpochsMetrics() throws Exception {
        try (Fixture f = new Fixture()) {
            TrainingOutcome outcome =
                    new SplitTrainer(new TrainingSettings(6, 6, 32), 32).train(f.net, f.train, f.scorer, 3L);
            SortedMap<String, Double> reported = outcome.validationMetrics();
            assertTrue(outcome.bestEpoch() < outcome.epochsRun(), "the fixture's best epoch is not its last");
            assertNotNull(reported);
            assertEquals(Metrics.all(f.net, f.validation.features(), f.validation.source()), reported);
            double bestEpochScore = outcome.curve().get(outcome.bestEpoch() - 1).validationScore();
            assertEquals(bestEpochScore, reported.get(Scoring.ACCURACY.specName()), 0.0);
        }
    }

    @Test
    void aSegmentReportsItsLastEpochsMetrics() throws Exception {
        try (Fixture f = new Fixture()) {
            SplitTrainer.Segment segment = new SplitTrainer(new TrainingSettings(6, 6, 32), 32)
                    .trainSegment(f.net, f.train, f.scorer, 3L, TrainerState.initial(), 3);
            assertEquals(
                    Metrics.all(f.net, f.validation.features(), f.validation.source()),
                    segment.outcome().validationMetrics());
            assertEquals(
                    segment.outcome().curve().get(2).validationScore(),
                    segment.outcome().validationMetrics().get(Scoring.ACCURACY.specName()),
                    0.0);
        }
    }

    /** A small network on 600 training and 300 validation images, with a dropout the scores wobble under. */
    private static final class Fixture implements AutoCloseable {
        final MultiLayerNetwork net;
        final Examples train;
        final Examples validation;
        final SplitTrainer.ValidationScorer scorer;

        Fixture() throws Exception {
            LabeledData data = DataCache.load(FashionMnist.train(900));
            Candidate candidate = new Candidate(
                    0,
                    new TreeMap<>(Map.of("n_hidden", 1, "n_neurons", 12, "dropout", 0.3, "learning_rate", 0.02)),
                    1L);
            net = new MultiLayerNetwork(NetworkFactory.build(candidate, Task.CLASSIFICATION, 784, 10, 1L));
            net.init();
            train = Examples.gather(data, IntStream.range(0, 600).toArray());
            validation = Examples.gather(data, IntStream.range(600, 900).toArray());
            scorer = SplitTrainer.scorer(Scoring.ACCURACY, validation);
        }

        @Override
        public void close() {
            scorer.close();
            train.close();
            validation.close();
        }
    }
}
