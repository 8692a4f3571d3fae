package io.sparktune.refit;

import io.sparktune.results.RunFiles;
import io.sparktune.space.searchspec.DataFiles;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecException;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.DataRef;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.train.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Scores a saved model (a DL4J zip as {@code retrain} writes it, with the feature standardizer inside when the
 * training data needed one) on labelled data, with every metric of the task by scikit-learn name. The data is named
 * by a spec or a search's output directory (its spec copy) — both meaning the spec's {@code data.test}, read as the
 * spec says — or directly by an IDX images file and its labels file.
 */
public final class ModelEvaluator {

    /** The model's metrics on {@code data} ({@code accuracy}, {@code neg_log_loss}, … or the regression ones). */
    public record Score(Path model, DataRef data, int examples, SortedMap<String, Double> metrics) {}

    /** Test data, and for a spec the training data whose classes the model's outputs are numbered by. */
    public record TestData(DataRef test, DataRef trainedOn) {}

    private ModelEvaluator() {}

    public static Score evaluate(Path modelFile, TestData data) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new NoSuchFileException(modelFile + " (no such model file)");
        }
        Pair<MultiLayerNetwork, Normalizer> saved =
                ModelSerializer.restoreMultiLayerNetworkAndNormalizer(modelFile.toFile(), false);
        MultiLayerNetwork net = saved.getFirst();
        LabeledData test = DataCache.load(data.test());
        if (data.trainedOn() != null) {
            test = test.alignedTo(DataCache.load(data.trainedOn()));
        }
        long inputs =
                ((FeedForwardLayer) net.getLayerWiseConfigurations().getConf(0).getLayer()).getNIn();
        long outputs = ((FeedForwardLayer) net.getOutputLayer().conf().getLayer()).getNOut();
        long expectedOutputs = test.isRegression() ? 1 : test.numClasses();
        if (inputs != test.cols() || (test.isRegression() ? outputs != 1 : expectedOutputs > outputs)) {
            throw new IOException(modelFile + " takes " + inputs + " features and has " + outputs
                    + " outputs, but the data " + "has " + test.cols() + " features and "
                    + (test.isRegression() ? "a regression target" : test.numClasses() + " classes"));
        }
        Optional<NormalizerStandardize> standardizer = Optional.empty();
        if (saved.getSecond() instanceof NormalizerStandardize standardize) {
            standardizer = Optional.of(standardize);
        } else if (saved.getSecond() instanceof DataSetPreProcessor) {
            throw new IOException(modelFile + " holds a feature normalizer of an unexpected kind: "
                    + saved.getSecond().getType());
        }
        return new Score(modelFile, data.test(), test.rows(), Metrics.of(net, test, standardizer));
    }

    /**
     * The data {@code location} names: a spec file ({@code .yaml}, {@code .yml}, {@code .json}) or a search's output
     * directory gives the spec's {@code data.test}; anything else is an IDX images file, whose labels are
     * {@code labels} if given, else the sibling file named like it with {@code images-idx3} → {@code labels-idx1}
     * (or {@code images} → {@code labels}), as in the MNIST file names.
     */
    public static TestData resolve(String location, String labels) throws IOException, SpecException {
        Path path = Path.of(location);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isDirectory(path) || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            Path specFile = Files.isDirectory(path) ? RunFiles.spec(path) : path;
            SearchSpec spec = SpecParser.parse(specFile);
            DataFiles test = spec.data()
                    .test()
                    .orElseThrow(() -> new IOException(specFile + " has no data.test to evaluate on"));
            return new TestData(
                    DataRef.of(spec.data(), test, spec.task(), 0),
                    DataRef.of(spec.data(), spec.data().train(), spec.task(), 0));
        }
        if (labels != null) {
            return new TestData(DataRef.idx(location, labels, 0), null);
        }
        String labelsName = name.contains("images-idx3")
                ? name.replace("images-idx3", "labels-idx1")
                : name.replace("images", "labels");
        Path sibling = path.resolveSibling(labelsName);
        if (labelsName.equals(name) || !Files.isRegularFile(sibling)) {
            throw new NoSuchFileException(
                    location + ": no labels file beside it (looked for " + sibling + "); pass --labels FILE");
        }
        return new TestData(DataRef.idx(location, sibling.toString(), 0), null);
    }
}
