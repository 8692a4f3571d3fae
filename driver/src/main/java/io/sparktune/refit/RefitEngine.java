package io.sparktune.refit;

import io.sparktune.worker.data.DataRef;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.SplitTrainer;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Where a refit's epochs are fitted: in this JVM ({@link #LOCAL}) or on a cluster (the driver's Spark refit). All
 * else of a refit — the row's network, the hold-out split, early stopping on it with the best weights restored, the
 * test score and the saved files — is {@link Retrainer}'s and the same for every engine.
 */
public interface RefitEngine {

    /** Fits minibatch by minibatch in this thread, exactly as a search trains one split. */
    RefitEngine LOCAL = new RefitEngine() {
        @Override
        public SplitTrainer.EpochFitter fitter(TrainingSet training, SplitTrainer trainer) {
            return trainer.inThisJvm(training.examples(), training.seed());
        }

        @Override
        public Map<String, Object> settings() {
            return Map.of("engine", "local");
        }
    };

    /** The fitter of one refit's epochs; called once, before the first epoch. */
    SplitTrainer.EpochFitter fitter(TrainingSet training, SplitTrainer trainer);

    /**
     * How the model was trained, written to the model's JSON description as {@code trained_with}: at least
     * {@code engine} ({@code local} or {@code spark}). Called after training.
     */
    Map<String, Object> settings();

    /**
     * A refit's training rows: {@code rows} of the data {@code source} points at (the hold-out removed), as
     * {@code examples} (already standardized with {@code standardizer} when there is one), fitted in minibatches of
     * {@code batchSize} shuffled from {@code seed}.
     */
    record TrainingSet(
            DataRef source,
            int[] rows,
            Examples examples,
            Optional<NormalizerStandardize> standardizer,
            int batchSize,
            long seed) {}
}
