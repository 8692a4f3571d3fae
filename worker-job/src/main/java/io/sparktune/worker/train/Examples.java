package io.sparktune.worker.train;

import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.nd.OffHeapFloats;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * A dataset as ND4J matrices: features ({@code rows × cols}) and targets (one-hot classes, or one column of
 * regression targets), with the plain data they came from (the truth the metrics compare with).
 */
public record Examples(INDArray features, INDArray targets, LabeledData source) implements AutoCloseable {

    public static Examples of(LabeledData data) {
        INDArray features = OffHeapFloats.matrix(data.features(), data.rows(), data.cols());
        return new Examples(features, targets(data), data);
    }

    /**
     * Training and validation examples of one split; with {@code standardize}, features are scaled with the mean and
     * standard deviation of the training rows only, so nothing of the validation rows leaks into training.
     */
    public static Pair split(LabeledData train, LabeledData validation, boolean standardize) {
        Examples trainExamples = of(train);
        Examples validationExamples = of(validation);
        if (!standardize) {
            return new Pair(trainExamples, validationExamples, Optional.empty());
        }
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new DataSet(trainExamples.features(), trainExamples.targets()));
        normalizer.transform(trainExamples.features());
        normalizer.transform(validationExamples.features());
        return new Pair(trainExamples, validationExamples, Optional.of(normalizer));
    }

    /** Frees the arrays' native memory; they must not be used afterwards. */
    @Override
    public void close() {
        OffHeapFloats.free(features, targets);
    }

    /** Training and validation examples, and the standardizer fitted on the training rows if any. */
    public record Pair(Examples train, Examples validation, Optional<NormalizerStandardize> normalizer)
            implements AutoCloseable {
        @Override
        public void close() {
            train.close();
            validation.close();
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
