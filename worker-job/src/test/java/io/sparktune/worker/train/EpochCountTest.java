package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.data.DataCache;
import io.sparktune.worker.data.LabeledData;
import io.sparktune.worker.net.NetworkFactory;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules read the network's epoch count, which batch-by-batch fitting must advance itself. */
class EpochCountTest {
    @Test
    void eachTrainedEpochAdvancesTheNetworksEpochCount() throws Exception {
        LabeledData data = DataCache.load(FashionMnist.train(300));
        Candidate candidate = new Candidate(0, new TreeMap<>(Map.of("n_hidden", 1, "n_neurons", 8)), 1L);
        MultiLayerNetwork net =
                new MultiLayerNetwork(NetworkFactory.build(candidate, Task.CLASSIFICATION, 784, 10, 1L));
        net.init();
        Examples examples = Examples.of(data);
        TrainingOutcome outcome;
        try (SplitTrainer.ValidationScorer scorer = SplitTrainer.scorer(Scoring.ACCURACY, examples)) {
            outcome = new SplitTrainer(new TrainingSettings(3, 10, 64), 64).train(net, examples, scorer, 1L);
        }
        assertEquals(3, outcome.epochsRun());
        assertEquals(3, net.getEpochCount());
    }
}
