package io.sparktune.space.bench;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import io.sparktune.space.sampler.ArbiterRandomSampler;
import io.sparktune.space.sampler.Sampler;
import io.sparktune.space.sampler.TpeSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Benchmark, not a test: on a fixed budget of trials, the best score random search and TPE find on
 * {@link MlpResponseSurface} over the reference space, over many seeds. TPE is also run with 4 trials in flight whose
 * results arrive in random order, as on a cluster. Run it with (from the repository root):
 *
 * <pre>
 * mvn -q -pl search-spaces test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.sparktune.space.bench.SamplerBench [-Dexec.args="30 50"]
 * </pre>
 *
 * The arguments are the budgets (default 20, 30 and 50 trials); 30 seeds each.
 */
public final class SamplerBench {
    static final SearchSpace REFERENCE = SearchSpace.of(java.util.Map.of(
            HyperParameter.N_HIDDEN, new IntRange(0, 3),
            HyperParameter.N_NEURONS, new IntRange(1, 100),
            HyperParameter.LEARNING_RATE, new LogUniform(3.0e-4, 3.0e-2),
            HyperParameter.OPTIMIZER,
                    new Choice(List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam")),
            HyperParameter.DROPOUT, new Uniform(0.0, 0.5)));
    private static final int SEEDS = 30;
    private static final int IN_FLIGHT = 4;

    private SamplerBench() {}

    public static void main(String[] args) {
        int[] budgets = args.length == 0
                ? new int[] {20, 30, 50}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(
                "Best validation accuracy found on MlpResponseSurface (noiseless optimum %.4f), %d seeds%n",
                MlpResponseSurface.BEST, SEEDS);
        System.out.printf(
                "%-8s %-22s %10s %10s %12s %14s %9s%n",
                "budget", "sampler", "mean best", "median", "mean regret", "regret/random", "wins");
        for (int budget : budgets) {
            double[] random = run(seed -> new ArbiterRandomSampler(REFERENCE, seed), budget, 1);
            print(budget, "random", random, random);
            print(budget, "tpe (n_startup 10)", run(seed -> new TpeSampler(REFERENCE, seed, 10), budget, 1), random);
            print(
                    budget,
                    "tpe, 4 in flight",
                    run(seed -> new TpeSampler(REFERENCE, seed, 10), budget, IN_FLIGHT),
                    random);
        }
    }

    /** Best (noisy) score per seed; {@code inFlight} trials run at once and finish in a seeded random order. */
    static double[] run(LongFunction<Sampler> samplers, int budget, int inFlight) {
        double[] best = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            Sampler sampler = samplers.apply(seed);
            Random order = new Random(seed);
            List<Candidate> running = new ArrayList<>();
            double top = Double.NEGATIVE_INFINITY;
            int proposed = 0;
            while (proposed < budget || !running.isEmpty()) {
                while (proposed < budget && running.size() < inFlight) {
                    running.add(sampler.next());
                    proposed++;
                }
                Candidate done = running.remove(order.nextInt(running.size()));
                double score = MlpResponseSurface.accuracy(done, seed);
                sampler.observe(done, score);
                top = Double.isNaN(score) ? top : Math.max(top, score);
            }
            best[seed] = top;
        }
        return best;
    }

    private static void print(int budget, String name, double[] best, double[] random) {
        double regret = MlpResponseSurface.BEST - mean(best);
        double randomRegret = MlpResponseSurface.BEST - mean(random);
        int wins = 0;
        for (int i = 0; i < best.length; i++) {
            wins += best[i] > random[i] ? 1 : 0;
        }
        System.out.printf(
                "%-8d %-22s %10.4f %10.4f %12.4f %14.2f %6d/%d%n",
                budget, name, mean(best), median(best), regret, regret / randomRegret, wins, best.length);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
