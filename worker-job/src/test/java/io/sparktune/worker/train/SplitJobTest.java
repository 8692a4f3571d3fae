package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.EpochRecord;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.records.WorkerJson;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.DataRef;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Real DL4J training on real Fashion-MNIST, kept small. */
class SplitJobTest {
    private static final SplitPlan TWO_FOLD = new SplitPlan(2, 0, 42);

    static SplitTask task(Map<String, Object> params, DataRef data, int maxEpochs) {
        Candidate candidate = new Candidate(3, new TreeMap<>(params), 1234L);
        return new SplitTask(
                candidate,
                Task.CLASSIFICATION,
                data,
                new TrainingSettings(maxEpochs, 2, 32),
                Scoring.ACCURACY,
                TWO_FOLD,
                0);
    }

    @Test
    void trainsWithEarlyStoppingAndIsReproducible() {
        SplitTask task = task(
                Map.of("n_hidden", 1, "n_neurons", 32, "learning_rate", 3e-3, "optimizer", "adam"),
                FashionMnist.train(2000),
                4);
        SplitResult first = SplitJob.run(task);
        assertEquals(TrialStatus.OK, first.status(), first.message());
        assertTrue(first.score() > 0.65 && first.score() <= 1.0, "accuracy " + first.score());
        assertTrue(first.epochsRun() >= 1 && first.epochsRun() <= 4);
        assertEquals(first.epochsRun(), first.curve().size());
        assertEquals(
                first.score(),
                first.curve().get(first.bestEpoch() - 1).validationScore(),
                0.0,
                "the reported score is the best epoch's");
        double bestOfCurve = first.curve().stream()
                .mapToDouble(EpochRecord::validationScore)
                .max()
                .orElseThrow();
        assertEquals(bestOfCurve, first.score(), 0.0);

        SplitResult again = SplitJob.run(WorkerJson.read(WorkerJson.write(task), SplitTask.class));
        assertEquals(first.score(), again.score(), 0.0, "same task, same seed, same score");
        assertEquals(first.epochsRun(), again.epochsRun());
    }

    @Test
    void aDivergingCandidateIsRecordedAsDiverged() {
        // DL4J clips the softmax in its cross-entropy, so only a learning rate that overflows the weights gives NaN
        SplitResult result = SplitJob.run(task(
                Map.of("n_hidden", 2, "n_neurons", 64, "learning_rate", 1e12, "optimizer", "sgd"),
                FashionMnist.train(1000),
                3));
        assertEquals(TrialStatus.DIVERGED, result.status(), result.message());
        assertTrue(Double.isNaN(result.score()));
        assertEquals(1, result.epochsRun(), "stops in the epoch the loss became NaN");
    }

    @Test
    void unreadableDataIsThrownSoSparkRetriesTheTask() {
        // not the candidate's fault: a FAILED row would be permanent, an exception makes Spark run the task again
        SplitJob.InfrastructureException e = assertThrows(
                SplitJob.InfrastructureException.class,
                () -> SplitJob.run(task(Map.of(), DataRef.idx("/no/such/images.gz", "/no/such/labels.gz", 0), 1)));
        assertTrue(e.getMessage().contains("/no/such/images.gz"), e.getMessage());
        assertTrue(e.getMessage().startsWith("trial-0003 split 0: "), e.getMessage());
    }

    @Test
    void aNetworkTooLargeForMemoryIsAFailedCandidate() {
        // 3 hidden layers of 100,000 neurons: ~2e10 parameters, far beyond this JVM's memory, on every attempt
        SplitResult result =
                SplitJob.run(task(Map.of("n_hidden", 3, "n_neurons", 100_000), FashionMnist.train(500), 1));
        assertEquals(TrialStatus.FAILED, result.status());
        assertTrue(result.message() != null && !result.message().isBlank(), "says why: " + result);
    }
}
