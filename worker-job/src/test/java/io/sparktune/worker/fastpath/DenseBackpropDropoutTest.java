package io.sparktune.worker.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import io.sparktune.worker.train.Examples;
import io.sparktune.worker.train.Metrics;
import io.sparktune.worker.train.ShuffledBatches;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * With dropout {@link DenseBackprop} draws its own masks, so it cannot match DL4J weight for weight; on real
 * Fashion-MNIST it must learn as well as DL4J's dropout does, and dropout must act (a network trained with heavy
 * dropout differs from one trained without).
 */
class DenseBackpropDropoutTest {

    @Test
    void learnsAsWellAsDl4jsDropoutOnFashionMnist() throws Exception {
        LabeledData data = DataCache.load(FashionMnist.train(4000));
        Examples train = Examples.of(data.select(IntStream.range(0, 3000).toArray()));
        Examples validation =
                Examples.of(data.select(IntStream.range(3000, 4000).toArray()));
        double viaDl4j = validationAccuracy(0.4, train, validation, false);
        double viaDense = validationAccuracy(0.4, train, validation, true);
        double denseWithoutDropout = validationAccuracy(0.0, train, validation, true);

        assertTrue(viaDl4j > 0.75 && viaDense > 0.75, "both learn: " + viaDl4j + ", " + viaDense);
        // 1,000 validation images: the binomial standard error of an accuracy near 0.8 is ~0.013. Measured: DL4J
        // 0.801; DenseBackprop 0.783-0.803 over mask seeds 1-7 (0.783 with this test's seed 7)
        assertEquals(viaDl4j, viaDense, 0.04, "dropout through DL4J vs DenseBackprop");
        assertTrue(viaDense != denseWithoutDropout, "dropout 0.4 changed the training");
    }

    private static double validationAccuracy(double dropout, Examples train, Examples validation, boolean dense) {
        Candidate candidate = new Candidate(
                1,
                new TreeMap<>(Map.of(
                        "n_hidden",
                        1,
                        "n_neurons",
                        64,
                        "learning_rate",
                        2e-3,
                        "optimizer",
                        "adam",
                        "dropout",
                        dropout)),
                99L);
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkFactory.build(candidate, Task.CLASSIFICATION, 784, 10, 5));
        net.init();
        BatchStep step = dense ? DenseBackprop.forNetwork(net, 7).orElseThrow() : BatchStep.dl4j(net);
        ShuffledBatches batches = new ShuffledBatches(train, 32, 11);
        for (int epoch = 1; epoch <= 3; epoch++) {
            step.startEpoch(epoch);
            batches.forEachBatchOfEpoch(epoch, (x, y) -> Double.isFinite(step.fit(x, y)));
            net.incrementEpochCount();
        }
        return Metrics.score(Scoring.ACCURACY, net.output(validation.features(), false), validation.source());
    }
}
