package io.sparktune.space.searchspec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code search.scheduler}: {@link Fifo} trains every candidate to the end (with early stopping); {@link Asha}
 * (asynchronous successive halving) trains candidates rung by rung — to {@code minEpochs}, then ×
 * {@code reductionFactor}
 * up to {@code training.max_epochs} — and promotes only the best 1/η of each rung, continuing from checkpoints;
 * {@link Median} trains epoch by epoch and stops a trial whose best score is below the median of the others at the
 * same epoch (after {@code warmupEpochs}, once {@code minTrials} others got there). Each record checks its values.
 */
public sealed interface SchedulerSettings {
    /** Which scheduler these settings are for; switch on it to handle every scheduler. */
    SchedulerKind kind();

    /** The name a spec gives the scheduler. */
    default String specName() {
        return kind().specName();
    }

    /** The largest value a spec may give a scheduler option. */
    int MAX_OPTION = 10_000;

    /** The default scheduler. */
    SchedulerSettings DEFAULT = new Fifo();

    /** Every candidate trains to {@code training.max_epochs} or until early stopping ends it. */
    record Fifo() implements SchedulerSettings {
        @Override
        public SchedulerKind kind() {
            return SchedulerKind.FIFO;
        }
    }

    /** Successive halving from rung {@code minEpochs} by factor {@code reductionFactor} ({@code search.asha}). */
    record Asha(int minEpochs, int reductionFactor) implements SchedulerSettings {
        /** The options a spec gets when {@code search.asha} leaves them out. */
        public static final Asha DEFAULTS = new Asha(1, 3);

        public Asha {
            SettingChecks.inRange("min_epochs", minEpochs, 1, MAX_OPTION);
            SettingChecks.inRange("reduction_factor", reductionFactor, 2, MAX_OPTION);
        }

        @Override
        public SchedulerKind kind() {
            return SchedulerKind.ASHA;
        }

        /** The epoch each rung trains to when training stops at {@code maxEpochs}: see {@link #rungEpochs}. */
        public int[] rungEpochs(int maxEpochs) {
            return SchedulerSettings.rungEpochs(minEpochs, maxEpochs, reductionFactor);
        }
    }

    /**
     * Median stopping after {@code warmupEpochs}, once {@code minTrials} others were scored ({@code search.median}).
     */
    record Median(int warmupEpochs, int minTrials) implements SchedulerSettings {
        /** The options a spec gets when {@code search.median} leaves them out. */
        public static final Median DEFAULTS = new Median(1, 3);

        public Median {
            SettingChecks.inRange("warmup_epochs", warmupEpochs, 1, MAX_OPTION);
            SettingChecks.inRange("min_trials", minTrials, 1, MAX_OPTION);
        }

        @Override
        public SchedulerKind kind() {
            return SchedulerKind.MEDIAN;
        }
    }

    /**
     * The epoch each asha rung trains to, lowest rung first: {@code minEpochs · reductionFactor^k} while below
     * {@code maxEpochs}, and {@code maxEpochs} for the last rung.
     */
    static int[] rungEpochs(int minEpochs, int maxEpochs, int reductionFactor) {
        List<Integer> epochs = new ArrayList<>();
        for (long e = minEpochs; e < maxEpochs; e *= reductionFactor) {
            epochs.add((int) e);
        }
        epochs.add(maxEpochs);
        return epochs.stream().mapToInt(Integer::intValue).toArray();
    }
}
