package io.sparktune.bench;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.data.IdxReader;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.SplitTrainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;

/**
 * Suite {@code epoch}: one training epoch of the 784-300-100-10 ReLU/softmax MLP with Adam on 48,000 Fashion-MNIST
 * examples, through sparktune's own training path ({@link SplitTrainer}, as every trial runs it) and through plain
 * DL4J {@code net.fit(iterator)}, each against the GEMM-only floor of the same shapes ({@link GemmBaseline}) measured
 * in the same run. The three variants alternate within each repeat, so background load hits them alike.
 */
final class EpochBench {
    static final int[] WIDTHS = {784, 300, 100, 10};
    private static final int WARMUP_EXAMPLES = 4096;

    private final BenchSettings settings;

    EpochBench(BenchSettings settings) {
        this.settings = settings;
    }

    List<BenchRow> run() throws IOException {
        LabeledData data = IdxReader.read(settings.images(), settings.labels(), settings.epochExamples());
        Examples examples = Examples.of(data);
        Examples warmup = Examples.of(data.select(
                IntStream.range(0, Math.min(WARMUP_EXAMPLES, data.rows())).toArray()));
        GemmBaseline gemm = new GemmBaseline(WIDTHS);
        GemmBaseline blas = GemmBaseline.directBlas(WIDTHS);
        List<BenchRow> rows = new ArrayList<>();
        for (int batchSize : settings.epochBatchSizes()) {
            timeVariants(warmup, gemm, blas, batchSize);
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                timeVariants(examples, gemm, blas, batchSize)
                        .forEach((variant, s) -> seconds.computeIfAbsent(variant, v -> new ArrayList<>())
                                .add(s));
            }
            rows.addAll(rows(batchSize, examples.features().rows(), gemm, seconds));
        }
        return rows;
    }

    private Map<String, Double> timeVariants(Examples examples, GemmBaseline gemm, GemmBaseline blas, int batchSize) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("gemm", gemm.epochSeconds((int) examples.features().rows(), batchSize));
        seconds.put("blas", blas.epochSeconds((int) examples.features().rows(), batchSize));
        seconds.put("sparktune", sparktuneEpoch(examples, batchSize));
        seconds.put("dl4j", plainDl4jEpoch(examples, batchSize));
        return seconds;
    }

    /** One epoch as a trial trains it: {@link SplitTrainer} with max_epochs 1 (validation scoring left out). */
    private static double sparktuneEpoch(Examples examples, int batchSize) {
        MultiLayerNetwork net = newNetwork();
        long start = System.nanoTime();
        new SplitTrainer(new TrainingSettings(1, 1, batchSize), batchSize).train(net, examples, n -> 0.0, 1L);
        return (System.nanoTime() - start) / 1e9;
    }

    /** One epoch the way DL4J's documentation trains: {@code net.fit(iterator)} over views of the data. */
    private static double plainDl4jEpoch(Examples examples, int batchSize) {
        MultiLayerNetwork net = newNetwork();
        ViewIterator batches = new ViewIterator(new DataSet(examples.features(), examples.targets()), batchSize);
        long start = System.nanoTime();
        net.fit(batches);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The benchmark network as a candidate: two ReLU layers of 300 and 100, Adam at 1e-3, no dropout. */
    static MultiLayerNetwork newNetwork() {
        Map<String, Object> params = new TreeMap<>(
                Map.of("n_hidden", 2, "neurons_per_layer", "300-100", "optimizer", "adam", "learning_rate", 1e-3));
        return NetworkFactory.initialised(NetworkFactory.build(
                new Candidate(1, new TreeMap<>(params), 42L),
                Task.CLASSIFICATION,
                WIDTHS[0],
                WIDTHS[WIDTHS.length - 1],
                42L));
    }

    private static List<BenchRow> rows(
            int batchSize, long examples, GemmBaseline gemm, Map<String, List<Double>> seconds) {
        Samples floor = Samples.of(seconds.get("gemm"));
        long batches = (examples + batchSize - 1) / batchSize;
        String name = "epoch bs" + batchSize;
        String baseline = "GEMM only";
        BenchRow.Target target = BenchRow.Target.atMost(1.3);
        Samples blasFloor = Samples.of(seconds.get("blas"));
        return List.of(
                new BenchRow(
                        name,
                        "sparktune SplitTrainer, " + examples + " examples",
                        Samples.of(seconds.get("sparktune")),
                        BenchRow.Unit.SECONDS,
                        baseline,
                        floor,
                        target,
                        perBatch(Samples.of(seconds.get("sparktune")), batches)),
                new BenchRow(
                        name,
                        "sparktune SplitTrainer (stricter floor)",
                        Samples.of(seconds.get("sparktune")),
                        BenchRow.Unit.SECONDS,
                        "GEMM only, direct cblas_sgemm, no input gradient of layer 1",
                        blasFloor,
                        target,
                        perBatch(blasFloor, batches) + " for the floor"),
                new BenchRow(
                        name,
                        "DL4J net.fit(iterator)",
                        Samples.of(seconds.get("dl4j")),
                        BenchRow.Unit.SECONDS,
                        baseline,
                        floor,
                        target,
                        perBatch(Samples.of(seconds.get("dl4j")), batches)),
                BenchRow.valueOnly(
                        name,
                        "GEMM only (3 per layer per batch)",
                        floor,
                        BenchRow.Unit.SECONDS,
                        String.format(
                                Locale.ROOT,
                                "%s; %.1f GFLOP/s at the median",
                                perBatch(floor, batches),
                                gemm.epochFlops((int) examples) / floor.median() / 1e9)));
    }

    private static String perBatch(Samples epochSeconds, long batches) {
        return String.format(
                Locale.ROOT, "%.3f ms/batch (median, %d batches)", epochSeconds.median() / batches * 1e3, batches);
    }
}
