package io.sparktune.results.optuna;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.searchspec.SchedulerSettings;
import io.sparktune.space.searchspec.SearchSpec;

/**
 * The Optuna state of a finished sparktune trial ({@code optuna.trial.TrialState}, with its code): failed and
 * diverged trials FAIL; a scored trial is PRUNED if its scheduler ended its training before {@code training.max_epochs}
 * without its own stopping rules (early stopping's patience, {@code max_trial_seconds}) having ended it — an asha
 * trial left at a lower rung, a trial the median rule stopped — and COMPLETE otherwise. The journal does not record
 * the scheduler's decisions; they are read back from the trial's latest record the way each scheduler reads a
 * journal it resumes. A search that stopped (budget, Ctrl-C) with trials waiting for their next rung or epoch has
 * those trials PRUNED too: the search ended their training.
 */
public enum OptunaTrialState {
    COMPLETE(1),
    PRUNED(2),
    FAIL(3);

    private final int code;

    OptunaTrialState(int code) {
        this.code = code;
    }

    /** The value of {@code optuna.trial.TrialState} (COMPLETE 1, PRUNED 2, FAIL 3). */
    public int code() {
        return code;
    }

    /** The state of {@code trial} (its latest record) in a search run with {@code spec}. */
    public static OptunaTrialState of(TrialRecord trial, SearchSpec spec) {
        if (trial.status() != TrialStatus.OK || !Double.isFinite(trial.meanScore())) {
            return FAIL;
        }
        SchedulerSettings scheduler = spec.search().scheduler();
        int maxEpochs = spec.training().maxEpochs();
        return switch (scheduler.kind()) {
            case FIFO -> COMPLETE;
            case ASHA -> ofAsha(trial, ((SchedulerSettings.Asha) scheduler).rungEpochs(maxEpochs));
            case MEDIAN -> ofMedian(trial, maxEpochs);
        };
    }

    private static OptunaTrialState ofAsha(TrialRecord trial, int[] rungEpochs) {
        int rung = trial.rung() == null ? 0 : trial.rung();
        // as AshaScheduler: a trial whose every split stopped before its rung's epoch ended by itself
        boolean endedByItself = trial.splits().stream().allMatch(split -> split.epochsRun() < rungEpochs[rung]);
        return rung >= rungEpochs.length - 1 || endedByItself ? COMPLETE : PRUNED;
    }

    private static OptunaTrialState ofMedian(TrialRecord trial, int maxEpochs) {
        // as MedianStoppingScheduler: its last segment trained to the epoch the furthest split reached; the trial
        // ended by itself if some split stopped short of it, or at max_epochs
        int asked =
                trial.splits().stream().mapToInt(SplitResult::epochsRun).max().orElse(0);
        int reached = trial.meanValidationCurve().length;
        return reached < asked || reached >= maxEpochs ? COMPLETE : PRUNED;
    }
}
