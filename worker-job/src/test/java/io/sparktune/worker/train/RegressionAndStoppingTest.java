package io.sparktune.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.EpochRecord;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.Loss;
import io.sparktune.space.searchspec.Scoring;
import io.sparktune.space.searchspec.Task;
import io.sparktune.space.searchspec.TrainingSettings;
import io.sparktune.worker.FashionMnist;
import io.sparktune.worker.SplitJob;
import io.sparktune.worker.SplitPlan;
import io.sparktune.worker.SplitTask;
import io.sparktune.worker.data.DataRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Regression on the real Boston housing table, and the stopping rules of the training section. */
class RegressionAndStoppingTest {
    private static final String BOSTON = Path.of(
                    System.getProperty("sklearn.data.dir", "/usr/local/share/datasets/sklearn"),
                    "boston_house_prices.csv")
            .toString();
    private static final DataRef BOSTON_REF = DataRef.csv(BOSTON, "MEDV", 1, false, 0);
    private static final Map<String, Object> MLP =
            Map.of("n_hidden", 2, "n_neurons", 32, "learning_rate", 1e-2, "optimizer", "adam");

    static SplitResult run(
            Task task, DataRef data, Map<String, Object> params, TrainingSettings training, Scoring scoring) {
        return SplitJob.run(new SplitTask(
                new Candidate(1, new TreeMap<>(params), 99L),
                task,
                data,
                training,
                scoring,
                new SplitPlan(3, 0, 5),
                0));
    }

    @Test
    void eachRegressionLossLearnsBostonHousing() {
        for (Loss loss : Loss.forTask(Task.REGRESSION)) {
            SplitResult result = run(
                    Task.REGRESSION,
                    BOSTON_REF,
                    MLP,
                    new TrainingSettings(60, 8, 32, loss, 5.0, 0.0, 0.0),
                    Scoring.NEG_MEAN_SQUARED_ERROR);
            assertEquals(TrialStatus.OK, result.status(), loss + ": " + result.message());
            double r2 = result.metrics().get("r2");
            assertTrue(r2 > 0.6, loss + ": r2 " + r2 + " (predicting the mean gives 0)");
            assertEquals(
                    -result.metrics().get("neg_mean_squared_error"),
                    -result.score(),
                    1e-4,
                    "the score is the chosen metric at the restored best epoch");
        }
    }

    @Test
    void aRegressionWithAHugeLearningRateDivergesWhileOthersTrain() {
        SplitResult result = run(
                Task.REGRESSION,
                BOSTON_REF,
                Map.of("n_hidden", 2, "n_neurons", 32, "learning_rate", 10.0, "optimizer", "sgd"),
                new TrainingSettings(20, 5, 32, Loss.MSE, 1, 0, 0),
                Scoring.R2);
        assertEquals(TrialStatus.DIVERGED, result.status(), result.message());
        assertTrue(result.message().startsWith("diverged in epoch"), result.message());
    }

    @Test
    void minDeltaDecidesWhatCountsAsAnImprovement() {
        // accuracy can never improve by more than 1: every epoch after the first is "no improvement"
        SplitResult result = run(
                Task.CLASSIFICATION,
                FashionMnist.train(600),
                MLP,
                new TrainingSettings(10, 2, 64, Loss.CROSS_ENTROPY, 1, 1.0, 0),
                Scoring.ACCURACY);
        assertEquals(TrialStatus.OK, result.status(), result.message());
        assertEquals(3, result.epochsRun());
        assertEquals(1, result.bestEpoch());
    }

    @Test
    void theTrialTimeLimitEndsTrainingAfterTheEpochInWhichItRanOut() {
        SplitResult result = run(
                Task.CLASSIFICATION,
                FashionMnist.train(2000),
                MLP,
                new TrainingSettings(10_000, 10_000, 32, Loss.CROSS_ENTROPY, 1, 0, 0.5),
                Scoring.NEG_LOG_LOSS);
        assertEquals(TrialStatus.OK, result.status());
        assertTrue(result.message().contains("max_trial_seconds 0.5 reached"), result.message());
        // the deadline had not passed when the last epoch began, and had (about) when it ended
        double beforeLast = result.curve().stream()
                .limit(result.epochsRun() - 1)
                .mapToDouble(EpochRecord::seconds)
                .sum();
        double all = beforeLast + result.curve().get(result.epochsRun() - 1).seconds();
        assertTrue(
                result.epochsRun() < 10_000 && beforeLast < 0.5 && all > 0.4,
                result.epochsRun() + " epochs, " + beforeLast + " s before the last, " + all + " s in all");
        assertTrue(result.score() < 0 && result.metrics().containsKey("accuracy"), "neg_log_loss " + result.score());
    }
}
