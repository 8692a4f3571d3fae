package io.sparktune.space.bench;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic but MLP-like validation-accuracy surface over the reference space (examples/fashion-mlp.yaml), for
 * comparing samplers without training anything. Its shape follows what Fashion-MNIST MLP searches show: about 0.84
 * for softmax regression, up to about 0.89 with hidden layers; a log-scale learning-rate optimum that depends on the
 * optimizer (adaptive ones near 1e-3, SGD near 3e-2) with divergence (NaN) beyond ~30× it; width helping with
 * diminishing returns; a mild dropout optimum that moves up with width; and seeded noise of ±0.3 % (seed, trial) like
 * the spread between CV folds. It is not a model of any real training run; it only gives samplers a realistic
 * landscape: a narrow log-scale ridge, interactions and a categorical that matters.
 */
final class MlpResponseSurface {
    private static final Map<String, Double> LR_OPTIMUM = Map.of(
            "sgd",
            3e-2,
            "momentum",
            5e-3,
            "nesterov",
            5e-3,
            "adagrad",
            2e-2,
            "rmsprop",
            7e-4,
            "adam",
            1e-3,
            "nadam",
            1e-3);
    private static final Map<String, Double> OPTIMIZER_PENALTY = Map.of(
            "sgd",
            0.012,
            "momentum",
            0.004,
            "nesterov",
            0.003,
            "adagrad",
            0.01,
            "rmsprop",
            0.002,
            "adam",
            0.0,
            "nadam",
            0.0);
    /** The noiseless maximum: adam or nadam, lr 1e-3, 2 layers of 100 units, dropout at its optimum. */
    static final double BEST = score(2, 100, 1e-3, "adam", 0.05 + 0.2 * 100 / 100.0);

    private MlpResponseSurface() {}

    /** The candidate's accuracy, with noise from {@code (seed, trial)}; NaN if it diverges. */
    static double accuracy(Candidate c, long seed) {
        int layers = c.intValue(HyperParameter.N_HIDDEN);
        int width = layers == 0 ? 1 : c.intValue(HyperParameter.N_NEURONS);
        double clean = score(
                layers,
                width,
                c.doubleValue(HyperParameter.LEARNING_RATE),
                c.stringValue(HyperParameter.OPTIMIZER),
                c.doubleValue(HyperParameter.DROPOUT));
        double noise = 0.003 * new SplittableRandom(seed * 1_000_003L + c.trialNumber()).nextGaussian();
        return Double.isNaN(clean) ? Double.NaN : clean + noise;
    }

    private static double score(int layers, int width, double lr, String optimizer, double dropout) {
        double lrOptimum = LR_OPTIMUM.get(optimizer);
        double decades = Math.log10(lr / lrOptimum);
        if (decades > Math.log10(30)) {
            return Double.NaN;
        }
        double depth = switch (layers) {
            case 0 -> 0.84;
            case 1 -> 0.875;
            case 2 -> 0.885;
            default -> 0.882;
        };
        double capacity = layers == 0 ? 0 : -0.04 * Math.exp(-width / 25.0);
        double dropoutOptimum = 0.05 + 0.2 * Math.min(width, 100) / 100.0;
        double regularisation = layers == 0
                ? -0.05 * dropout * dropout
                : -0.12 * (dropout - dropoutOptimum) * (dropout - dropoutOptimum);
        // undershooting costs less than overshooting the optimum
        double learning = -(decades < 0 ? 0.012 : 0.03) * decades * decades;
        return depth + capacity + regularisation + learning - OPTIMIZER_PENALTY.get(optimizer);
    }
}
