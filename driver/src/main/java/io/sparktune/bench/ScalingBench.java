package io.sparktune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suite {@code scaling}: the same search (8 small Fashion-MNIST MLPs × 2-fold CV on 24,000 images, 8 epochs) on a
 * {@code local-cluster} of 1 executor and of 2 executors with 1 core each. Each cluster is started, all its executors
 * are awaited and warmed up, then the search is timed; the ratio is the speedup (1-executor wall / 2-executor wall). Needs {@code SPARK_HOME}: Spark
 * starts local-cluster executors from {@code $SPARK_HOME} with the driver's class path as
 * {@code spark.executor.extraClassPath}. An empty directory will do: its {@code jars/} subdirectory is created if
 * missing, and unless {@code SPARK_SCALA_VERSION} is set, {@code launcher/target/scala-2.12/} too (where Spark's
 * launcher looks for the Scala version of a source build).
 */
final class ScalingBench {
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofMinutes(2);
    /** Two trials of two splits: each executor trains four warm-up tasks, however many executors there are. */
    private static final int WARM_UP_TRIALS_PER_EXECUTOR = 2;

    private final BenchSettings settings;

    ScalingBench(BenchSettings settings) {
        this.settings = settings;
    }

    List<BenchRow> run() throws Exception {
        String sparkHome = System.getenv("SPARK_HOME");
        if (sparkHome == null) {
            throw new IllegalStateException("set SPARK_HOME to a directory (its jars/ subdirectory may be empty), "
                    + "e.g. SPARK_HOME=/tmp/spark-home ./sparktune bench scaling");
        }
        Files.createDirectories(Path.of(sparkHome, "jars"));
        if (System.getenv("SPARK_SCALA_VERSION") == null) {
            Files.createDirectories(Path.of(sparkHome, "launcher", "target", "scala-2.12"));
        }
        Path spec = Files.writeString(settings.scratch().resolve("scaling.yaml"), spec(settings, settings.scalingTrials()));
        List<Double> oneExecutor = new ArrayList<>();
        List<Double> twoExecutors = new ArrayList<>();
        double[] fitSums = new double[3];
        for (int repeat = 0; repeat < settings.repeats(); repeat++) {
            for (int executors = 1; executors <= 2; executors++) {
                SearchBench.Measurement m = search(spec, executors, "scaling-" + executors + "x-" + repeat);
                (executors == 1 ? oneExecutor : twoExecutors).add(m.wallSeconds());
                fitSums[executors] += m.sumFitSeconds() / settings.repeats();
            }
        }
        String note = String.format(Locale.ROOT, "%d trials x 2 splits; mean sum(fitSeconds): %.1f s on 1 executor, "
                + "%.1f s on 2 (higher = tasks slowed by sharing the machine)", settings.scalingTrials(), fitSums[1], fitSums[2]);
        return List.of(new BenchRow("scaling", "wall on 1 executor (ratio = speedup of 2)", Samples.of(oneExecutor),
                BenchRow.Unit.SECONDS, "wall on 2 executors", Samples.of(twoExecutors), BenchRow.Target.atLeast(1.85), note));
    }

    /**
     * The timed search on a fresh cluster of {@code executors}, after an untimed warm-up search of 4 tasks per executor
     * that starts ND4J, reads the data into every executor's cache and compiles the training loop and the task path:
     * what a long search pays once per executor, and what would otherwise dominate a search of seconds. The same
     * warm-up for every executor: with a fixed 4 tasks, each of 2 executors got 2 and still spent ~10 % of the timed
     * search compiling (bench/NOTES.md), on the core its neighbour trains on.
     */
    private SearchBench.Measurement search(Path spec, int executors, String runName) throws Exception {
        Path warmUp = Files.writeString(settings.scratch().resolve("scaling-warm-up-" + executors + ".yaml"),
                spec(settings, WARM_UP_TRIALS_PER_EXECUTOR * executors));
        Map<String, String> conf = Map.of("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        try (var dispatcher = SearchBench.dispatcher("local-cluster[" + executors + ",1,1024]", conf)) {
            SearchBench.awaitExecutors(executors, REGISTRATION_TIMEOUT);
            SearchBench.run(dispatcher, warmUp, settings.scratch().resolve(runName + "-warm-up"));
            return SearchBench.run(dispatcher, spec, settings.scratch().resolve(runName));
        }
    }

    static String spec(BenchSettings settings, int trials) {
        return settings.spec("bench-scaling", 24000, """
                search: {sampler: random, n_iter: %d, cv: 2, seed: 3}
                space:
                  n_hidden: {int: [1, 2]}
                  n_neurons: {int: [32, 128]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                  optimizer: adam
                training: {max_epochs: 8, patience: 8, batch_size: 64}
                """.formatted(trials));
    }
}
