package io.sparktune.results;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.Candidate;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One finished candidate, all splits: the line written to {@code trials.jsonl} and the source of one leaderboard row.
 * The trial's status is the worst of its splits' (a failed split fails the trial, as a failed fit in scikit-learn
 * makes the mean NaN). {@code rung} is the multi-fidelity rung the trial reached (null without such a scheduler); a
 * trial trained rung by rung is journaled once per rung, and its latest record is the one that counts.
 */
public record TrialRecord(
        int trialNumber,
        long seed,
        SortedMap<String, Object> params,
        TrialStatus status,
        List<SplitResult> splits,
        Integer rung) {
    public TrialRecord {
        params = new TreeMap<>(params);
        splits = splits.stream()
                .sorted(Comparator.comparingInt(SplitResult::split))
                .toList();
    }

    /** A trial trained in one go. */
    public TrialRecord(
            int trialNumber,
            long seed,
            SortedMap<String, Object> params,
            TrialStatus status,
            List<SplitResult> splits) {
        this(trialNumber, seed, params, status, splits, null);
    }

    public static TrialRecord of(Candidate candidate, List<SplitResult> splits) {
        TrialStatus status = splits.stream()
                .map(SplitResult::status)
                .max(Comparator.comparingInt(TrialRecord::severity))
                .orElse(TrialStatus.FAILED);
        return new TrialRecord(candidate.trialNumber(), candidate.seed(), candidate.params(), status, splits);
    }

    /**
     * This trial's record after the segment that took it to {@code reached}: the splits of that segment, with the
     * fit times of the segments before it ({@code earlier}, null for the first) added, so they count whole trainings.
     */
    public TrialRecord atRung(int reached, TrialRecord earlier) {
        return new TrialRecord(trialNumber, seed, params, status, withEarlierFitTimes(earlier), reached);
    }

    /**
     * This trial's record after one more segment without rungs (e.g. an epoch of median stopping); see {@link #atRung}.
     */
    public TrialRecord continuing(TrialRecord earlier) {
        return new TrialRecord(trialNumber, seed, params, status, withEarlierFitTimes(earlier), rung);
    }

    private List<SplitResult> withEarlierFitTimes(TrialRecord earlier) {
        return splits.stream()
                .map(s -> earlier == null || s.split() >= earlier.splits().size()
                        ? s
                        : new SplitResult(
                                s.trialNumber(),
                                s.split(),
                                s.status(),
                                s.score(),
                                s.epochsRun(),
                                s.bestEpoch(),
                                s.fitSeconds() + earlier.splits().get(s.split()).fitSeconds(),
                                s.curve(),
                                s.message(),
                                s.worker(),
                                s.metrics(),
                                s.taskSeconds()
                                        + earlier.splits().get(s.split()).taskSeconds()))
                .toList();
    }

    public String trialId() {
        return toCandidate().trialId();
    }

    public Candidate toCandidate() {
        return new Candidate(trialNumber, params, seed);
    }

    /** Mean validation score over splits; NaN unless every split is OK. */
    public double meanScore() {
        return status == TrialStatus.OK
                ? Stats.mean(splits.stream().mapToDouble(SplitResult::score).toArray())
                : Double.NaN;
    }

    /** Population standard deviation of the split scores (as numpy's {@code std}); NaN unless OK. */
    public double stdScore() {
        return status == TrialStatus.OK
                ? Stats.std(splits.stream().mapToDouble(SplitResult::score).toArray())
                : Double.NaN;
    }

    public double meanFitSeconds() {
        return Stats.mean(splits.stream().mapToDouble(SplitResult::fitSeconds).toArray());
    }

    public double stdFitSeconds() {
        return Stats.std(splits.stream().mapToDouble(SplitResult::fitSeconds).toArray());
    }

    public double meanEpochs() {
        return Stats.mean(splits.stream().mapToDouble(SplitResult::epochsRun).toArray());
    }

    /** Mean over splits of the epoch whose weights were kept (early stopping's best epoch): what a refit trains for. */
    public double meanBestEpoch() {
        return Stats.mean(splits.stream().mapToDouble(SplitResult::bestEpoch).toArray());
    }

    /**
     * The trial's learning curve: the validation score of each epoch averaged over the splits, for the epochs every
     * split got to (what the median stopping rule compares, and the intermediate values of an Optuna export).
     */
    public double[] meanValidationCurve() {
        int epochs = splits.stream().mapToInt(s -> s.curve().size()).min().orElse(0);
        double[] mean = new double[epochs];
        for (SplitResult split : splits) {
            for (int e = 0; e < epochs; e++) {
                mean[e] += split.curve().get(e).validationScore() / splits.size();
            }
        }
        return mean;
    }

    /** The first error message among the splits, or null. */
    public String message() {
        return splits.stream()
                .map(SplitResult::message)
                .filter(m -> m != null && !m.isEmpty())
                .findFirst()
                .orElse(null);
    }

    private static int severity(TrialStatus status) {
        return switch (status) {
            case OK -> 0;
            case DIVERGED -> 1;
            case FAILED -> 2;
        };
    }
}
