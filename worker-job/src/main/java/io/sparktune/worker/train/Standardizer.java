package io.sparktune.worker.train;

import io.sparktune.worker.nd.OffHeapFloats;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-feature standardization as scikit-learn's {@code StandardScaler}: the mean and the (population) standard
 * deviation of each column of the training rows, a constant column keeping a scale of 1; applied in place as
 * {@code (x − mean) / std}. Fitted and applied in plain loops over the matrices' memory, a row at a time: ~65 ms for a
 * Fashion-MNIST split (40,000 + 20,000 rows) where ND4J's {@link NormalizerStandardize} {@code fit} and
 * {@code transform} took ~360 ms. {@link #asNormalizer()} gives the same statistics as an ND4J normalizer, which
 * transforms alike, for the model zip and for test data.
 */
final class Standardizer {
    private final float[] mean;
    private final float[] std;

    private Standardizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** The statistics of the columns of {@code features}, a dense c-order float matrix. */
    static Standardizer fit(INDArray features) {
        int rows = (int) features.rows();
        int cols = (int) features.columns();
        FloatBuffer values = rowMajorView(features);
        float[] row = new float[cols];
        double[] sum = new double[cols];
        for (int r = 0; r < rows; r++) {
            values.get(r * cols, row);
            for (int c = 0; c < cols; c++) {
                sum[c] += row[c];
            }
        }
        float[] mean = new float[cols];
        for (int c = 0; c < cols; c++) {
            mean[c] = (float) (sum[c] / rows);
        }
        double[] squares = new double[cols];
        for (int r = 0; r < rows; r++) {
            values.get(r * cols, row);
            for (int c = 0; c < cols; c++) {
                double d = row[c] - mean[c];
                squares[c] += d * d;
            }
        }
        float[] std = new float[cols];
        for (int c = 0; c < cols; c++) {
            float deviation = (float) Math.sqrt(squares[c] / rows);
            std[c] = deviation > 0 ? deviation : 1f;
        }
        return new Standardizer(mean, std);
    }

    /** Standardizes the rows of {@code features} (a dense c-order float matrix with this scaler's columns) in place. */
    void transform(INDArray features) {
        int cols = mean.length;
        if (features.columns() != cols) {
            throw new IllegalArgumentException("fitted on " + cols + " columns, given " + features.columns());
        }
        FloatBuffer values = rowMajorView(features);
        float[] row = new float[cols];
        for (int r = 0, rows = (int) features.rows(); r < rows; r++) {
            values.get(r * cols, row);
            for (int c = 0; c < cols; c++) {
                row[c] = (row[c] - mean[c]) / std[c];
            }
            values.put(r * cols, row);
        }
    }

    /** These statistics as ND4J's normalizer (saved with a model, applied to test data). */
    NormalizerStandardize asNormalizer() {
        return new NormalizerStandardize(
                Nd4j.createFromArray(mean).reshape(1, mean.length),
                Nd4j.createFromArray(std).reshape(1, std.length));
    }

    private static FloatBuffer rowMajorView(INDArray features) {
        if (features.rank() != 2 || features.ordering() != 'c') {
            throw new IllegalArgumentException("need a c-order matrix, got " + features.shapeInfoToString());
        }
        return OffHeapFloats.view(features);
    }
}
