package io.sparktune.space.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Parzen estimator for an ordered dimension (uniform, loguniform, int, intlog) in unit space, as in Hyperopt and
 * Optuna's TPE: a mixture of Gaussians truncated to [0, 1], one centred on each observation plus a wide prior
 * (centre ½, σ 1) weighted like one observation. Each observation's σ is the larger gap to its neighbours (the ends
 * of the interval count as neighbours), clipped to [1/min(100, n+1), 1] and, for a dimension of k integers, to at
 * least half an integer's width, so that a kernel never collapses onto a single point.
 */
final class NumericParzen implements UnitDensity {
    private static final double PRIOR_MU = 0.5;
    private static final double PRIOR_SIGMA = 1.0;
    private static final int MAX_REJECTIONS = 100;

    private final double[] mus;
    private final double[] sigmas;
    private final double[] logNormalisers;

    /**
     * @param observations unit points of the observations of one group (good or bad)
     * @param values       number of distinct values of the dimension, 0 if continuous
     */
    NumericParzen(double[] observations, int values) {
        int n = observations.length;
        double[] sorted = observations.clone();
        Arrays.sort(sorted);
        mus = new double[n + 1];
        sigmas = new double[n + 1];
        double minSigma = Math.max(1.0 / Math.min(100, n + 1), values > 0 ? 0.5 / values : 0);
        for (int i = 0; i < n; i++) {
            double left = sorted[i] - (i == 0 ? 0.0 : sorted[i - 1]);
            double right = (i == n - 1 ? 1.0 : sorted[i + 1]) - sorted[i];
            mus[i] = sorted[i];
            sigmas[i] = Math.min(1.0, Math.max(minSigma, Math.max(left, right)));
        }
        mus[n] = PRIOR_MU;
        sigmas[n] = PRIOR_SIGMA;
        logNormalisers = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double mass = Normal.cdf((1.0 - mus[i]) / sigmas[i]) - Normal.cdf((0.0 - mus[i]) / sigmas[i]);
            logNormalisers[i] = Math.log(Math.max(mass, 1e-300)) + Math.log(sigmas[i]);
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        // every component has the same weight
        int k = random.nextInt(mus.length);
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double x = mus[k] + sigmas[k] * Normal.gaussian(random);
            if (x >= 0.0 && x <= 1.0) {
                return x;
            }
        }
        return Math.min(1.0, Math.max(0.0, mus[k]));
    }

    @Override
    public double logDensity(double u) {
        double[] terms = new double[mus.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mus.length; i++) {
            double z = (u - mus[i]) / sigmas[i];
            terms[i] = -0.5 * z * z - logNormalisers[i];
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum / mus.length);
    }

    /** The standard normal distribution's CDF and a sampler. */
    static final class Normal {
        private Normal() {}

        /** Φ(x), from the error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
        static double cdf(double x) {
            return 0.5 * (1.0 + erf(x / Math.sqrt(2.0)));
        }

        static double erf(double x) {
            double t = 1.0 / (1.0 + 0.3275911 * Math.abs(x));
            double poly =
                    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
            double y = 1.0 - poly * Math.exp(-x * x);
            return x >= 0 ? y : -y;
        }

        /** A standard normal draw (Box–Muller), from the given generator only. */
        static double gaussian(SplittableRandom random) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
        }
    }
}
