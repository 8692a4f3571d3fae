package io.sparktune.worker.train;

import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.nd.MatrixPool;
import io.sparktune.worker.nd.OffHeapFloats;
import java.nio.FloatBuffer;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * A dataset as ND4J matrices: features ({@code rows × cols}) and targets (one-hot classes, or one column of
 * regression targets), with the plain data they came from (the truth the metrics compare with; for {@link #gather}ed
 * examples their labels or targets only).
 */
public record Examples(INDArray features, INDArray targets, LabeledData source) implements AutoCloseable {

    public static Examples of(LabeledData data) {
        INDArray features = OffHeapFloats.matrix(data.features(), data.rows(), data.cols());
        return new Examples(features, targets(data), data);
    }

    /**
     * The rows of {@code data} at {@code rows}, in that order, copied straight into a matrix of {@link MatrixPool}
     * (no copy of the rows on the Java heap, no fresh memory for each split); the source holds their labels or
     * targets only ({@link LabeledData#targetsOf}).
     */
    public static Examples gather(LabeledData data, int[] rows) {
        INDArray features = MatrixPool.borrow(rows.length, data.cols());
        FloatBuffer to = OffHeapFloats.view(features);
        int cols = data.cols();
        for (int i = 0; i < rows.length; i++) {
            to.put(i * cols, data.features(), rows[i] * cols, cols);
        }
        LabeledData truth = data.targetsOf(rows);
        return new Examples(features, targets(truth), truth);
    }

    /** Training and validation examples of one split of {@code data}, gathered (see {@link #gather}). */
    public static Pair split(LabeledData data, Folds.Split split, boolean standardize) {
        Examples train = gather(data, split.train());
        try {
            return standardized(train, gather(data, split.validation()), standardize);
        } catch (RuntimeException | Error e) { // e.g. no memory left for the validation rows
            train.close();
            throw e;
        }
    }

    /**
     * Training and validation examples of one split; with {@code standardize}, features are scaled with the mean and
     * standard deviation of the training rows only, so nothing of the validation rows leaks into training.
     */
    public static Pair split(LabeledData train, LabeledData validation, boolean standardize) {
        return standardized(of(train), of(validation), standardize);
    }

    /** Every row of {@code data} as training examples and no validation rows (a refit on the whole training set). */
    public static Pair whole(LabeledData data, boolean standardize) {
        return standardized(of(data), null, standardize);
    }

    private static Pair standardized(Examples trainExamples, Examples validationExamples, boolean standardize) {
        if (!standardize) {
            return new Pair(trainExamples, validationExamples, Optional.empty());
        }
        Standardizer standardizer = Standardizer.fit(trainExamples.features());
        standardizer.transform(trainExamples.features());
        if (validationExamples != null) {
            standardizer.transform(validationExamples.features());
        }
        return new Pair(trainExamples, validationExamples, Optional.of(standardizer.asNormalizer()));
    }

    /** Frees the arrays' native memory (or gives the features back to the pool); they must not be used afterwards. */
    @Override
    public void close() {
        if (!MatrixPool.giveBack(features)) {
            OffHeapFloats.free(features);
        }
        OffHeapFloats.free(targets);
    }

    /**
     * Training and validation examples (null for {@link #whole}), and the standardizer fitted on the training rows if
     * any.
     */
    public record Pair(Examples train, Examples validation, Optional<NormalizerStandardize> normalizer)
            implements AutoCloseable {
        @Override
        public void close() {
            train.close();
            if (validation != null) {
                validation.close();
            }
        }
    }

    private static INDArray targets(LabeledData data) {
        if (data.isRegression()) {
            return OffHeapFloats.matrix(data.targets(), data.rows(), 1);
        }
        int classes = data.numClasses();
        float[] oneHot = new float[data.rows() * classes];
        for (int i = 0; i < data.rows(); i++) {
            oneHot[i * classes + data.labels()[i]] = 1f;
        }
        return OffHeapFloats.matrix(oneHot, data.rows(), classes);
    }
}
