package io.sparktune.worker.train;

import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.fastpath.Predictor;
import io.sparktune.worker.nd.OffHeapFloats;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/** Scikit-learn's scorers on a network's outputs; higher is always better (errors are negated). */
public final class Metrics {
    private static final double EPSILON = 1e-15;

    private Metrics() {}

    public static double score(Scoring scoring, INDArray outputs, LabeledData truth) {
        return score(scoring, Outputs.of(outputs), truth);
    }

    private static double score(Scoring scoring, Outputs out, LabeledData truth) {
        return switch (scoring) {
            case ACCURACY -> accuracy(out, truth.labels());
            case NEG_LOG_LOSS -> -logLoss(out, truth.labels());
            case NEG_MEAN_SQUARED_ERROR -> -meanError(out, truth.targets(), 2);
            case NEG_MEAN_ABSOLUTE_ERROR -> -meanError(out, truth.targets(), 1);
            case R2 -> r2(out, truth.targets());
        };
    }

    /** Every metric of the data's task for {@code net}'s outputs on {@code features} (see {@link Outputs#of}). */
    public static SortedMap<String, Double> all(MultiLayerNetwork net, INDArray features, LabeledData truth) {
        return all(Outputs.of(net, features), truth);
    }

    /** A network's outputs, one row per example, read from native memory once. */
    record Outputs(float[] values, int columns) {
        static Outputs of(INDArray outputs) {
            return new Outputs(OffHeapFloats.rowMajor(outputs), (int) outputs.columns());
        }

        /** {@code net}'s outputs on {@code features}, computed once (see {@link Predictor}). */
        static Outputs of(MultiLayerNetwork net, INDArray features) {
            try (Predictor predictor = new Predictor()) {
                return of(predictor, net, features);
            }
        }

        /** {@code net}'s outputs on {@code features} by {@code predictor}, which may keep buffers for the next call. */
        static Outputs of(Predictor predictor, MultiLayerNetwork net, INDArray features) {
            return new Outputs(predictor.outputs(net, features), (int) net.layerSize(net.getnLayers() - 1));
        }

        float at(int row, int column) {
            return values[row * columns + column];
        }
    }

    /**
     * Every metric of {@code net} on {@code data} (raw features, scaled here by the standardizer fitted at training
     * time if the model has one), as retrain and evaluate report them.
     */
    public static SortedMap<String, Double> of(
            MultiLayerNetwork net, LabeledData data, Optional<NormalizerStandardize> standardizer) {
        try (Examples examples = Examples.of(data)) {
            standardizer.ifPresent(s -> s.transform(examples.features()));
            return all(net, examples.features(), data);
        }
    }

    /** Every metric of the data's task, by scikit-learn name. */
    public static SortedMap<String, Double> all(INDArray outputs, LabeledData truth) {
        return all(Outputs.of(outputs), truth);
    }

    /** The scorings {@link #all} computes for {@code truth}: those of its task. */
    static List<Scoring> scoringsFor(LabeledData truth) {
        return Scoring.forTask(truth.isRegression() ? Task.REGRESSION : Task.CLASSIFICATION);
    }

    static SortedMap<String, Double> all(Outputs out, LabeledData truth) {
        SortedMap<String, Double> metrics = new TreeMap<>();
        for (Scoring scoring : scoringsFor(truth)) {
            metrics.put(scoring.specName(), score(scoring, out, truth));
        }
        return metrics;
    }

    static double accuracy(Outputs out, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int k = 1; k < out.columns(); k++) {
                best = out.at(i, k) > out.at(i, best) ? k : best;
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    private static double logLoss(Outputs out, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.min(1 - EPSILON, Math.max(EPSILON, out.at(i, labels[i]))));
        }
        return sum / labels.length;
    }

    private static double meanError(Outputs out, float[] targets, int power) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            double error = Math.abs(out.at(i, 0) - targets[i]);
            sum += power == 2 ? error * error : error;
        }
        return sum / targets.length;
    }

    private static double r2(Outputs out, float[] targets) {
        double mean = 0;
        for (float t : targets) {
            mean += t;
        }
        mean /= targets.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < targets.length; i++) {
            residual += (targets[i] - out.at(i, 0)) * (double) (targets[i] - out.at(i, 0));
            total += (targets[i] - mean) * (targets[i] - mean);
        }
        return total == 0 ? (residual == 0 ? 1.0 : 0.0) : 1 - residual / total;
    }
}
