package io.sparktune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Suite {@code scaling}: the same search (8 small Fashion-MNIST MLPs × 2-fold CV on 24,000 images, 8 epochs) on a
 * {@code local-cluster} of 1 executor and of 2 executors with 1 core each; the ratio is the speedup (1-executor wall /
 * 2-executor wall). Each cluster is started, all its executors are awaited, and the search is timed twice:
 * <ol>
 *   <li><b>short warm-up</b>: after {@value #WARM_UP_TRIALS_PER_EXECUTOR} untimed trials of the same kind per executor,
 *   which start ND4J, read the data into every executor's cache and compile the training loop;</li>
 *   <li><b>warm JVMs</b>: after a further {@value #TINY_TRIALS_PER_EXECUTOR} tiny trials per executor (600 images,
 *   one epoch), which run every task's path (Spark's task launch, broadcast and result, the worker's task and result
 *   JSON, the driver's journal and leaderboard) often enough to be compiled, as a long search does in its first
 *   minutes. This is the figure the target applies to.</li>
 * </ol>
 * On this 2-core machine the driver, two executors and their JIT compilers share the cores, so the first figure also
 * measures how far the JVMs have warmed up (bench/NOTES.md, session 6). Needs {@code SPARK_HOME}: Spark starts
 * local-cluster executors from {@code $SPARK_HOME} with the driver's class path as
 * {@code spark.executor.extraClassPath}. An empty directory will do: its {@code jars/} subdirectory is created if
 * missing, and unless {@code SPARK_SCALA_VERSION} is set, {@code launcher/target/scala-2.12/} too (where Spark's
 * launcher looks for the Scala version of a source build).
 */
final class ScalingBench {
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofMinutes(2);
    /** Two trials of two splits: each executor trains four warm-up tasks, however many executors there are. */
    private static final int WARM_UP_TRIALS_PER_EXECUTOR = 2;
    /** 300 tasks per executor: Spark's per-task latency is ~35 ms on the first tasks and ~17 ms by then. */
    private static final int TINY_TRIALS_PER_EXECUTOR = 150;

    private final BenchSettings settings;

    ScalingBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** One cluster's two timings of the search. */
    private record ClusterRun(SearchBench.Measurement shortWarmUp, SearchBench.Measurement warm) {}

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
        Path spec =
                Files.writeString(settings.scratch().resolve("scaling.yaml"), spec(settings, settings.scalingTrials()));
        List<List<ClusterRun>> runs = List.of(new ArrayList<>(), new ArrayList<>());
        for (int repeat = 0; repeat < settings.repeats(); repeat++) {
            for (int executors = 1; executors <= 2; executors++) {
                runs.get(executors - 1).add(search(spec, executors, "scaling-" + executors + "x-" + repeat));
            }
        }
        return List.of(
                row(
                        runs,
                        "short warm-up",
                        ClusterRun::shortWarmUp,
                        null,
                        WARM_UP_TRIALS_PER_EXECUTOR + " warm-up trials per executor"),
                row(
                        runs,
                        "warm JVMs",
                        ClusterRun::warm,
                        BenchRow.Target.atLeast(1.85),
                        "then " + TINY_TRIALS_PER_EXECUTOR + " tiny trials per executor"));
    }

    private BenchRow row(
            List<List<ClusterRun>> runs,
            String name,
            Function<ClusterRun, SearchBench.Measurement> timing,
            BenchRow.Target target,
            String warmUp) {
        List<SearchBench.Measurement> one = runs.get(0).stream().map(timing).toList();
        List<SearchBench.Measurement> two = runs.get(1).stream().map(timing).toList();
        String note = String.format(
                Locale.ROOT,
                "%s; %d trials x 2 splits; mean sum(fitSeconds): %.1f s on 1 "
                        + "executor, %.1f s on 2 (higher = tasks slowed by sharing the machine)",
                warmUp,
                settings.scalingTrials(),
                meanFitSeconds(one),
                meanFitSeconds(two));
        return new BenchRow(
                "scaling",
                "wall on 1 executor, " + name + " (ratio = speedup of 2)",
                walls(one),
                BenchRow.Unit.SECONDS,
                "wall on 2 executors",
                walls(two),
                target,
                note);
    }

    private static Samples walls(List<SearchBench.Measurement> measurements) {
        return Samples.of(
                measurements.stream().map(SearchBench.Measurement::wallSeconds).toList());
    }

    private static double meanFitSeconds(List<SearchBench.Measurement> measurements) {
        return measurements.stream()
                .mapToDouble(SearchBench.Measurement::sumFitSeconds)
                .average()
                .orElse(Double.NaN);
    }

    /**
     * The search timed on a fresh cluster of {@code executors}: first after an untimed warm-up search of 4 tasks per
     * executor (what a long search pays once per executor, and what would otherwise dominate a search of seconds), then
     * again after the tiny trials. The same warm-up for every executor: with a fixed 4 tasks, each of 2 executors got
     * 2 and still spent ~10 % of the timed search compiling (bench/NOTES.md), on the core its neighbour trains on.
     */
    private ClusterRun search(Path spec, int executors, String runName) throws Exception {
        Path warmUp = Files.writeString(
                settings.scratch().resolve("scaling-warm-up-" + executors + ".yaml"),
                spec(settings, WARM_UP_TRIALS_PER_EXECUTOR * executors));
        Path tiny = Files.writeString(
                settings.scratch().resolve("scaling-tiny-" + executors + ".yaml"),
                tinySpec(settings, TINY_TRIALS_PER_EXECUTOR * executors));
        Map<String, String> conf = Map.of("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        Path runs = settings.scratch();
        try (var dispatcher = SearchBench.dispatcher("local-cluster[" + executors + ",1,1024]", conf)) {
            SearchBench.awaitExecutors(executors, REGISTRATION_TIMEOUT);
            SearchBench.run(dispatcher, warmUp, runs.resolve(runName + "-warm-up"));
            SearchBench.Measurement shortWarmUp = SearchBench.run(dispatcher, spec, runs.resolve(runName));
            SearchBench.run(dispatcher, tiny, runs.resolve(runName + "-tiny"));
            return new ClusterRun(shortWarmUp, SearchBench.run(dispatcher, spec, runs.resolve(runName + "-warm")));
        }
    }

    static String spec(BenchSettings settings, int trials) {
        return spec(settings, "bench-scaling", 24000, trials, 3, "{max_epochs: 8, patience: 8, batch_size: 64}");
    }

    /** Trials of the same space on 600 images for one epoch: tens of milliseconds each, mostly the task's path. */
    static String tinySpec(BenchSettings settings, int trials) {
        return spec(settings, "bench-scaling-tiny", 600, trials, 5, "{max_epochs: 1, patience: 1, batch_size: 64}");
    }

    private static String spec(BenchSettings settings, String name, int images, int trials, int seed, String training) {
        return settings.spec(name, images, """
                search: {sampler: random, n_iter: %d, cv: 2, seed: %d}
                space:
                  n_hidden: {int: [1, 2]}
                  n_neurons: {int: [32, 128]}
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                  optimizer: adam
                training: %s
                """.formatted(trials, seed, training));
    }
}
