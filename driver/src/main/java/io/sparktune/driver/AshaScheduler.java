package io.sparktune.driver;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.SchedulerSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2020):
 * rung k trains to {@code minEpochs · η^k} epochs (the last rung to {@code maxEpochs}). When a core is free, the best
 * trial in the top 1/η of the highest rung that has one not yet promoted is promoted and continues from its
 * checkpoint; otherwise a new candidate starts at rung 0. No rung waits for another. A trial that diverged, failed
 * or stopped early (patience) is not promoted.
 */
public final class AshaScheduler implements TrialScheduler {
    private final int[] milestones;
    private final int eta;
    private final List<Map<Integer, Double>> rungScores = new ArrayList<>();
    private final Map<Integer, Integer> highestRung = new HashMap<>();
    private final Map<Integer, Candidate> candidates = new HashMap<>();
    private final Map<Integer, TrialRecord> latest = new HashMap<>();
    private final Set<Integer> done = new HashSet<>();
    private final Set<Integer> running = new HashSet<>();

    public AshaScheduler(int minEpochs, int maxEpochs, int reductionFactor) {
        if (minEpochs < 1 || maxEpochs < minEpochs || reductionFactor < 2) {
            throw new IllegalArgumentException("need 1 <= minEpochs <= maxEpochs and reductionFactor >= 2, got "
                    + minEpochs + ", " + maxEpochs + ", " + reductionFactor);
        }
        this.eta = reductionFactor;
        this.milestones = SchedulerSettings.rungEpochs(minEpochs, maxEpochs, reductionFactor);
        for (int rung = 0; rung < milestones.length; rung++) {
            rungScores.add(new HashMap<>());
        }
    }

    /** The epoch each rung trains to, lowest rung first. */
    public int[] milestones() {
        return milestones.clone();
    }

    @Override
    public Optional<Work> next(Supplier<Optional<Candidate>> newCandidate) {
        for (int rung = milestones.length - 2; rung >= 0; rung--) {
            Optional<Integer> promotable = promotable(rung);
            if (promotable.isPresent()) {
                int trial = promotable.get();
                running.add(trial);
                return Optional.of(new Work(candidates.get(trial), rung + 1, milestones[rung + 1]));
            }
        }
        Optional<Candidate> fresh = newCandidate.get();
        fresh.ifPresent(candidate -> {
            candidates.put(candidate.trialNumber(), candidate);
            running.add(candidate.trialNumber());
        });
        return fresh.map(candidate -> new Work(candidate, 0, milestones[0]));
    }

    /** The best trial of the top 1/η of {@code rung} that has not gone further, is not running and can continue. */
    private Optional<Integer> promotable(int rung) {
        List<Map.Entry<Integer, Double>> ranked =
                new ArrayList<>(rungScores.get(rung).entrySet());
        ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int quota = ranked.size() / eta;
        return ranked.subList(0, quota).stream()
                .map(Map.Entry::getKey)
                .filter(t -> highestRung.get(t) == rung && !done.contains(t) && !running.contains(t))
                .findFirst();
    }

    @Override
    public TrialRecord finished(Work work, TrialRecord record) {
        running.remove(record.trialNumber());
        return remember(record.atRung(work.rung(), latest.get(record.trialNumber())), work.untilEpoch());
    }

    /** True until the trial is done: it may be promoted (whether it will be depends on the trials still to come). */
    @Override
    public boolean canContinue(int trialNumber) {
        return candidates.containsKey(trialNumber) && !done.contains(trialNumber);
    }

    @Override
    public void replay(TrialRecord record) {
        int rung = record.rung() == null ? 0 : record.rung();
        candidates.put(record.trialNumber(), record.toCandidate());
        remember(record, milestones[Math.min(rung, milestones.length - 1)]);
    }

    private TrialRecord remember(TrialRecord record, int untilEpoch) {
        int trial = record.trialNumber();
        int rung = record.rung();
        latest.put(trial, record);
        highestRung.put(trial, rung);
        if (record.status() == TrialStatus.OK) {
            rungScores.get(rung).put(trial, record.meanScore());
        }
        boolean stoppedEarly = record.splits().stream().allMatch(s -> s.epochsRun() < untilEpoch);
        if (record.status() != TrialStatus.OK || stoppedEarly || rung == milestones.length - 1) {
            done.add(trial);
        }
        return record;
    }
}
