package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * A whole-set refit ends with the mean of its weights at the ends of its last K epochs: checked against snapshots of
 * the same real training taken after each epoch, and K = 1 keeps the last weights.
 */
class TailAveragingTest {
    private static final int EPOCHS = 4;

    @Test
    void theWeightsAreTheMeanOfTheLastEpochsEnds() throws Exception {
        List<float[]> snapshots = new ArrayList<>();
        MultiLayerNetwork averaged = train(3, snapshots);
        float[] expected = new float[snapshots.get(0).length];
        for (float[] snapshot : snapshots.subList(EPOCHS - 3, EPOCHS)) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] += snapshot[i] / 3;
            }
        }
        assertArrayEquals(expected, averaged.params().toFloatVector(), 1e-5f);
        assertEquals(EPOCHS, averaged.getEpochCount(), "every epoch trained");
    }

    @Test
    void averagingOneEpochKeepsTheLastWeights() throws Exception {
        List<float[]> snapshots = new ArrayList<>();
        MultiLayerNetwork last = train(1, snapshots);
        assertArrayEquals(snapshots.get(EPOCHS - 1), last.params().toFloatVector(), 0f);
        assertThrows(IllegalArgumentException.class, () -> train(EPOCHS + 1, new ArrayList<>()));
    }

    /** Trains a small real network for {@link #EPOCHS} epochs, a copy of its weights taken after each one. */
    private static MultiLayerNetwork train(int averagedEpochs, List<float[]> snapshots) throws Exception {
        LabeledData data = DataCache.load(FashionMnist.train(300));
        Candidate candidate = new Candidate(
                0,
                new TreeMap<>(Map.of("n_hidden", 1, "n_neurons", 16, "optimizer", "adam", "learning_rate", 0.01)),
                1L);
        MultiLayerNetwork net =
                new MultiLayerNetwork(NetworkFactory.build(candidate, Task.CLASSIFICATION, 784, 10, 1L));
        net.init();
        SplitTrainer trainer = new SplitTrainer(new TrainingSettings(EPOCHS, 10, 32), 32);
        try (SplitTrainer.EpochFitter inThisJvm = trainer.inThisJvm(Examples.of(data), 1L)) {
            SplitTrainer.EpochFitter recording = (network, epoch, deadline) -> {
                double loss = inThisJvm.fitEpoch(network, epoch, deadline);
                snapshots.add(network.params().toFloatVector());
                return loss;
            };
            trainer.trainEpochs(net, recording, EPOCHS, averagedEpochs);
        }
        assertEquals(EPOCHS, snapshots.size());
        return net;
    }
}
