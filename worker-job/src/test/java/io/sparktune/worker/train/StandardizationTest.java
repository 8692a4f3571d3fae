package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.data.CsvReader;
import io.sparktune.worker.data.Folds;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.nd.OffHeapFloats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Standardization statistics come from the training rows of each split only (nothing leaks from validation), and
 * treat a constant feature as scikit-learn's StandardScaler does.
 */
class StandardizationTest {
    private static final Path BOSTON = Path.of(
            System.getProperty("sklearn.data.dir", "/usr/local/share/datasets/sklearn"), "boston_house_prices.csv");

    @Test
    void eachFoldIsStandardizedWithItsOwnTrainingStatistics() throws IOException {
        LabeledData data = CsvReader.read(BOSTON.toString(), "MEDV", 1, false, 0);
        SplitPlan plan = new SplitPlan(3, 0, 11);
        double[][] means = new double[3][];
        for (int k = 0; k < 3; k++) {
            Folds.Split split = plan.split(data, k);
            LabeledData train = data.select(split.train());
            Examples.Pair pair = Examples.split(train, data.select(split.validation()), true);
            NormalizerStandardize normalizer = pair.normalizer().orElseThrow();
            means[k] = normalizer.getMean().toDoubleVector();
            assertArrayEquals(columnMeans(train), means[k], 1e-3, "fold " + k + ": mean of its training rows only");
            assertArrayEquals(
                    new double[data.cols()], pair.train().features().mean(0).toDoubleVector(), 1e-4);
            assertFalse(
                    Arrays.equals(
                            new double[data.cols()],
                            pair.validation().features().mean(0).toDoubleVector()),
                    "validation rows are scaled with the training statistics, not their own");
        }
        assertFalse(Arrays.equals(means[0], means[1]), "statistics differ per fold");
    }

    /** The split path of executors (rows gathered into pooled matrices) gives what selecting the rows first gives. */
    @Test
    void gatheredSplitsEqualSelectedOnes() throws IOException {
        LabeledData data = CsvReader.read(BOSTON.toString(), "MEDV", 1, false, 0);
        Folds.Split split = new SplitPlan(3, 0, 11).split(data, 1);
        for (int round = 0; round < 2; round++) { // the second round reuses the first one's pooled memory
            try (Examples.Pair selected =
                            Examples.split(data.select(split.train()), data.select(split.validation()), true);
                    Examples.Pair gathered = Examples.split(data, split, true)) {
                for (boolean train : new boolean[] {true, false}) {
                    Examples expected = train ? selected.train() : selected.validation();
                    Examples actual = train ? gathered.train() : gathered.validation();
                    assertArrayEquals(
                            expected.features().shape(), actual.features().shape());
                    assertArrayEquals(
                            OffHeapFloats.rowMajor(expected.features()), OffHeapFloats.rowMajor(actual.features()), 0f);
                    assertArrayEquals(
                            OffHeapFloats.rowMajor(expected.targets()), OffHeapFloats.rowMajor(actual.targets()), 0f);
                    assertArrayEquals(
                            expected.source().targets(), actual.source().targets(), 0f);
                }
            }
        }
    }

    /** What the model zip keeps (ND4J's normalizer) scales new rows exactly as training and validation were scaled. */
    @Test
    void theSavedNormalizerScalesAsTheSplitDid() throws IOException {
        LabeledData data = CsvReader.read(BOSTON.toString(), "MEDV", 1, false, 0);
        Folds.Split split = new SplitPlan(3, 0, 11).split(data, 2);
        LabeledData validation = data.select(split.validation());
        try (Examples.Pair pair = Examples.split(data, split, true);
                Examples raw = Examples.of(validation)) {
            NormalizerStandardize saved = pair.normalizer().orElseThrow();
            assertArrayEquals(
                    columnStds(data.select(split.train())),
                    saved.getStd().toDoubleVector(),
                    1e-4,
                    "population standard deviation of the training rows");
            saved.transform(raw.features());
            assertArrayEquals(
                    OffHeapFloats.rowMajor(pair.validation().features()),
                    OffHeapFloats.rowMajor(raw.features()),
                    1e-6f);
        }
    }

    @Test
    void withoutStandardizationFeaturesStayAsRead() {
        LabeledData tiny = twoColumns(new float[] {0, 1, 1, 0});
        try (Examples.Pair pair = Examples.split(tiny, tiny, false)) {
            assertEquals(Optional.empty(), pair.normalizer());
            assertArrayEquals(
                    tiny.features(), OffHeapFloats.rowMajor(pair.validation().features()), 0f);
        }
    }

    /**
     * As scikit-learn's StandardScaler: a feature constant in the training rows (an MNIST border pixel blank in every
     * training image) is centred but not scaled, rather than divided by a tiny standard deviation.
     */
    @Test
    void aFeatureConstantInTheTrainingRowsKeepsItsScale() {
        LabeledData train = twoColumns(new float[] {0, 1, 0, 3}); // column 0 always 0; column 1 mean 2, std 1
        LabeledData validation = twoColumns(new float[] {0.5f, 2, 0, 4});
        try (Examples.Pair pair = Examples.split(train, validation, true)) {
            assertArrayEquals(
                    new float[] {0, -1, 0, 1},
                    OffHeapFloats.rowMajor(pair.train().features()),
                    1e-6f);
            assertArrayEquals(
                    new float[] {0.5f, 0, 0, 2},
                    OffHeapFloats.rowMajor(pair.validation().features()),
                    1e-6f);
        }
    }

    private static LabeledData twoColumns(float[] features) {
        return LabeledData.classification(features, 2, 2, new int[] {0, 1}, List.of("a", "b"));
    }

    private static double[] columnStds(LabeledData data) {
        double[] mean = columnMeans(data);
        double[] std = new double[data.cols()];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < data.cols(); c++) {
                double d = data.features()[i * data.cols() + c] - mean[c];
                std[c] += d * d / data.rows();
            }
        }
        return Arrays.stream(std).map(Math::sqrt).toArray();
    }

    private static double[] columnMeans(LabeledData data) {
        double[] mean = new double[data.cols()];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < data.cols(); c++) {
                mean[c] += data.features()[i * data.cols() + c] / (double) data.rows();
            }
        }
        return mean;
    }
}
