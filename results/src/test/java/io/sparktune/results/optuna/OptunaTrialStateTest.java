package io.sparktune.results.optuna;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktune.records.EpochRecord;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.searchspec.SearchSpec;
import io.sparktune.space.searchspec.SpecParser;
import io.sparktune.worker.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which finished trials a scheduler pruned, read back from their latest journal records. */
class OptunaTrialStateTest {

    private static SearchSpec spec(String scheduler) throws Exception {
        return SpecParser.parse("""
                name: states
                task: classification
                %s
                search: {n_iter: 9, cv: 2, seed: 1, %s}
                space:
                  n_neurons: {int: [8, 16]}
                training: {max_epochs: 9, patience: 2}
                """.formatted(FashionMnist.specTrainData(100), scheduler), "states.yaml");
    }

    /** A trial whose split k ran {@code epochs[k]} epochs, with the rung it reached (null without rungs). */
    private static TrialRecord trial(TrialStatus status, Integer rung, int... epochs) {
        List<SplitResult> splits = new ArrayList<>();
        for (int k = 0; k < epochs.length; k++) {
            List<EpochRecord> curve = new ArrayList<>();
            for (int e = 1; e <= epochs[k]; e++) {
                curve.add(new EpochRecord(e, 1.0 / e, 0.5 + 0.01 * e, 0.1));
            }
            splits.add(new SplitResult(
                    0,
                    k,
                    status,
                    status == TrialStatus.OK ? 0.5 + 0.01 * epochs[k] : Double.NaN,
                    epochs[k],
                    epochs[k],
                    0.1 * epochs[k],
                    curve,
                    null,
                    "1@host"));
        }
        return new TrialRecord(0, 7L, new TreeMap<>(Map.of("n_neurons", 8)), status, splits, rung);
    }

    @Test
    void ashaPrunesTheTrialsLeftBelowTheTopRungThatDidNotStopByThemselves() throws Exception {
        // rungs of 1, 3 and 9 epochs
        SearchSpec asha = spec("scheduler: asha, asha: {min_epochs: 1, reduction_factor: 3}");
        assertEquals(OptunaTrialState.COMPLETE, OptunaTrialState.of(trial(TrialStatus.OK, 2, 9, 9), asha));
        assertEquals(
                OptunaTrialState.COMPLETE,
                OptunaTrialState.of(trial(TrialStatus.OK, 2, 5, 6), asha),
                "early stopping ended it in the top rung");
        assertEquals(OptunaTrialState.PRUNED, OptunaTrialState.of(trial(TrialStatus.OK, 0, 1, 1), asha));
        assertEquals(
                OptunaTrialState.PRUNED,
                OptunaTrialState.of(trial(TrialStatus.OK, 1, 3, 2), asha),
                "one split trained to its rung's 3 epochs: it could have been promoted");
        assertEquals(
                OptunaTrialState.COMPLETE,
                OptunaTrialState.of(trial(TrialStatus.OK, 1, 2, 2), asha),
                "every split stopped early, before the rung's 3 epochs: not promotable, over by itself");
        assertEquals(OptunaTrialState.FAIL, OptunaTrialState.of(trial(TrialStatus.DIVERGED, 2, 4, 4), asha));
        assertEquals(OptunaTrialState.FAIL, OptunaTrialState.of(trial(TrialStatus.FAILED, 0, 0, 0), asha));
    }

    @Test
    void theMedianRulePrunesTheTrialsItStoppedBeforeMaxEpochs() throws Exception {
        SearchSpec median = spec("scheduler: median, median: {warmup_epochs: 1, min_trials: 2}");
        assertEquals(OptunaTrialState.COMPLETE, OptunaTrialState.of(trial(TrialStatus.OK, null, 9, 9), median));
        assertEquals(OptunaTrialState.PRUNED, OptunaTrialState.of(trial(TrialStatus.OK, null, 4, 4), median));
        assertEquals(
                OptunaTrialState.COMPLETE,
                OptunaTrialState.of(trial(TrialStatus.OK, null, 4, 3), median),
                "a split stopped short of the epoch its last segment asked for: early stopping ended it");
        assertEquals(OptunaTrialState.FAIL, OptunaTrialState.of(trial(TrialStatus.FAILED, null, 2, 0), median));
    }

    @Test
    void withoutASchedulerEveryScoredTrialIsComplete() throws Exception {
        SearchSpec fifo = spec("sampler: random");
        assertEquals(OptunaTrialState.COMPLETE, OptunaTrialState.of(trial(TrialStatus.OK, null, 3, 4), fifo));
        assertEquals(OptunaTrialState.COMPLETE, OptunaTrialState.of(trial(TrialStatus.OK, null, 9, 9), fifo));
        assertEquals(OptunaTrialState.FAIL, OptunaTrialState.of(trial(TrialStatus.DIVERGED, null, 3, 3), fifo));
    }
}
