package io.sparktune.driver;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The median stopping rule (Optuna's {@code MedianPruner}, Ray Tune's {@code MedianStoppingRule}): trials train one
 * epoch at a time from their checkpoints; after {@code warmupEpochs}, a trial whose best score so far is below the
 * median of the other trials' scores at the same epoch (at least {@code minTrials} of them) is stopped. Trials
 * already under way go on before new candidates start.
 */
public final class MedianStoppingScheduler implements TrialScheduler {
    private final int maxEpochs;
    private final int warmupEpochs;
    private final int minTrials;
    /** Per trial, the validation score of each epoch (mean over splits). */
    private final Map<Integer, double[]> curves = new HashMap<>();

    private final Map<Integer, TrialRecord> latest = new HashMap<>();
    private final Deque<Candidate> toContinue = new ArrayDeque<>();

    public MedianStoppingScheduler(int maxEpochs, int warmupEpochs, int minTrials) {
        if (maxEpochs < 1 || warmupEpochs < 1 || minTrials < 1) {
            throw new IllegalArgumentException("need maxEpochs, warmupEpochs and minTrials >= 1, got " + maxEpochs
                    + ", " + warmupEpochs + ", " + minTrials);
        }
        this.maxEpochs = maxEpochs;
        this.warmupEpochs = warmupEpochs;
        this.minTrials = minTrials;
    }

    @Override
    public Optional<Work> next(Supplier<Optional<Candidate>> newCandidate) {
        Candidate next = toContinue.poll();
        if (next != null) {
            int epochs = curves.get(next.trialNumber()).length;
            return Optional.of(new Work(next, 0, epochs + 1));
        }
        return newCandidate.get().map(candidate -> new Work(candidate, 0, 1));
    }

    @Override
    public TrialRecord finished(Work work, TrialRecord record) {
        TrialRecord earlier = latest.get(record.trialNumber());
        TrialRecord total = earlier == null ? record : record.continuing(earlier);
        decide(total, work.untilEpoch());
        return total;
    }

    @Override
    public void replay(TrialRecord record) {
        toContinue.removeIf(c -> c.trialNumber() == record.trialNumber());
        decide(
                record,
                record.splits().stream().mapToInt(SplitResult::epochsRun).max().orElse(0));
    }

    /** True while the trial waits for its next epoch; false once it was stopped or finished. */
    @Override
    public boolean canContinue(int trialNumber) {
        return toContinue.stream().anyMatch(candidate -> candidate.trialNumber() == trialNumber);
    }

    private void decide(TrialRecord record, int untilEpoch) {
        int trial = record.trialNumber();
        latest.put(trial, record);
        double[] curve = record.meanValidationCurve();
        curves.put(trial, curve);
        boolean over = record.status() != TrialStatus.OK || curve.length < untilEpoch || curve.length >= maxEpochs;
        if (!over && !pruned(trial, curve)) {
            toContinue.add(record.toCandidate());
        }
    }

    /** True if, past the warm-up, the trial's best so far is below the median of the others at its epoch. */
    boolean pruned(int trial, double[] curve) {
        int epoch = curve.length;
        if (epoch < warmupEpochs) {
            return false;
        }
        double[] others = curves.entrySet().stream()
                .filter(e -> e.getKey() != trial && e.getValue().length >= epoch)
                .mapToDouble(e -> e.getValue()[epoch - 1])
                .sorted()
                .toArray();
        if (others.length < minTrials) {
            return false;
        }
        double median = others.length % 2 == 1
                ? others[others.length / 2]
                : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
        return Arrays.stream(curve).max().orElse(Double.NaN) < median;
    }
}
