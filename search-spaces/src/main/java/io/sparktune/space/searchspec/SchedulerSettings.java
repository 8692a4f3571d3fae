package io.sparktune.space.searchspec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code search.scheduler}: {@code fifo} trains every candidate to the end (with early stopping); {@code asha}
 * (asynchronous successive halving) trains candidates rung by rung — to {@code minEpochs}, then × {@code reductionFactor}
 * up to {@code training.max_epochs} — and promotes only the best 1/η of each rung, continuing from checkpoints;
 * {@code median} trains epoch by epoch and stops a trial whose best score is below the median of the others at the
 * same epoch (after {@code warmupEpochs}, once {@code minTrials} others got there).
 */
public record SchedulerSettings(String name, int minEpochs, int reductionFactor, int warmupEpochs, int minTrials) {
    public static final String FIFO = "fifo";
    public static final String ASHA = "asha";
    public static final String MEDIAN = "median";
    public static final List<String> NAMES = List.of(FIFO, ASHA, MEDIAN);
    public static final SchedulerSettings DEFAULT = new SchedulerSettings(FIFO, 1, 3, 1, 3);

    public boolean isAsha() {
        return ASHA.equals(name);
    }

    public boolean isMedian() {
        return MEDIAN.equals(name);
    }

    /**
     * The epoch each asha rung trains to, lowest rung first: {@code minEpochs · reductionFactor^k} while below
     * {@code maxEpochs}, and {@code maxEpochs} for the last rung.
     */
    public static int[] rungEpochs(int minEpochs, int maxEpochs, int reductionFactor) {
        List<Integer> epochs = new ArrayList<>();
        for (long e = minEpochs; e < maxEpochs; e *= reductionFactor) {
            epochs.add((int) e);
        }
        epochs.add(maxEpochs);
        return epochs.stream().mapToInt(Integer::intValue).toArray();
    }
}
