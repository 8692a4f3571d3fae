package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** ASHA's promotion rule with a fake objective: a trial's score is its quality, whatever the epochs. */
class AshaSchedulerTest {

    private static Supplier<Optional<Candidate>> candidates(int count) {
        int[] next = {0};
        return () -> next[0] < count ? Optional.of(new Candidate(next[0]++, new TreeMap<>(), 1L)) : Optional.empty();
    }

    private static TrialRecord result(TrialScheduler.Work work, double score, int epochsRun) {
        Candidate c = work.candidate();
        return TrialRecord.of(
                c,
                List.of(new SplitResult(
                        c.trialNumber(), 0, TrialStatus.OK, score, epochsRun, 1, 0.5, List.of(), null, "test")));
    }

    @Test
    void rungsGrowByTheReductionFactorUpToMaxEpochs() {
        assertArrayEquals(new int[] {1, 3, 9, 20}, new AshaScheduler(1, 20, 3).milestones());
        assertArrayEquals(new int[] {2, 4, 8}, new AshaScheduler(2, 8, 2).milestones());
        assertArrayEquals(new int[] {5}, new AshaScheduler(5, 5, 3).milestones());
    }

    @Test
    void promotesTheTopThirdAsSoonAsARungHasThreeResultsWithoutWaitingForOthers() {
        AshaScheduler asha = new AshaScheduler(1, 9, 3);
        Supplier<Optional<Candidate>> fresh = candidates(9);
        Map<Integer, Double> quality = Map.of(0, 0.5, 1, 0.9, 2, 0.7, 3, 0.2, 4, 0.95, 5, 0.1, 6, 0.3, 7, 0.8, 8, 0.6);
        List<TrialScheduler.Work> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(asha.next(fresh).orElseThrow());
        }
        started.forEach(w -> assertEquals(0, w.rung()));
        // results arrive one by one; after the third, the best of the three (trial 1, 0.9) is promoted at once
        for (TrialScheduler.Work w : started) {
            asha.finished(w, result(w, quality.get(w.candidate().trialNumber()), 1));
        }
        TrialScheduler.Work promotion = asha.next(fresh).orElseThrow();
        assertEquals(1, promotion.candidate().trialNumber());
        assertEquals(1, promotion.rung());
        assertEquals(3, promotion.untilEpoch());
        // nobody else in rung 0 qualifies yet (3 results → 1 promotion): a new candidate starts
        TrialScheduler.Work next = asha.next(fresh).orElseThrow();
        assertEquals(3, next.candidate().trialNumber());
        assertEquals(0, next.rung());
    }

    @Test
    void runsNineCandidatesToAPyramidAndTheBestReachesTheTop() {
        AshaScheduler asha = new AshaScheduler(1, 9, 3);
        Supplier<Optional<Candidate>> fresh = candidates(9);
        int[] quality = {5, 1, 8, 3, 0, 7, 2, 6, 4}; // trial 2 is the best, trial 4 the worst
        Map<Integer, Integer> highestRung = new HashMap<>();
        Map<Integer, Integer> epochs = new HashMap<>();
        Optional<TrialScheduler.Work> work;
        while ((work = asha.next(fresh)).isPresent()) { // one worker: finish each piece before asking again
            TrialScheduler.Work w = work.get();
            int trial = w.candidate().trialNumber();
            TrialRecord recorded = asha.finished(w, result(w, quality[trial] / 10.0, w.untilEpoch()));
            highestRung.put(trial, recorded.rung());
            epochs.put(trial, w.untilEpoch());
        }
        assertEquals(9, highestRung.size(), "every candidate started");
        assertEquals(2, highestRung.get(2), "the best trial reaches the top rung: " + highestRung);
        assertEquals(9, epochs.get(2));
        assertEquals(0, highestRung.get(4), "the worst is never promoted");
        long atRung1 = highestRung.values().stream().filter(r -> r >= 1).count();
        long atRung2 = highestRung.values().stream().filter(r -> r >= 2).count();
        assertTrue(atRung1 < 9 && atRung2 < atRung1, "a pyramid: " + highestRung);
    }

    @Test
    void aTrialThatStoppedEarlyOrFailedIsNotPromoted() {
        AshaScheduler asha = new AshaScheduler(2, 8, 2);
        Supplier<Optional<Candidate>> fresh = candidates(2);
        TrialScheduler.Work a = asha.next(fresh).orElseThrow();
        TrialScheduler.Work b = asha.next(fresh).orElseThrow();
        asha.finished(a, result(a, 0.9, 1)); // early-stopped before its milestone (epoch 2)
        asha.finished(b, result(b, 0.1, 2));
        assertEquals(Optional.empty(), asha.next(fresh), "the best stopped early, the other is not in the top half");
    }

    @Test
    void replayingTheJournalRestoresPromotions() {
        AshaScheduler first = new AshaScheduler(1, 9, 3);
        Supplier<Optional<Candidate>> fresh = candidates(3);
        List<TrialRecord> journal = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrialScheduler.Work w = first.next(fresh).orElseThrow();
            journal.add(first.finished(w, result(w, w.candidate().trialNumber() / 10.0, 1)));
        }
        AshaScheduler resumed = new AshaScheduler(1, 9, 3);
        journal.forEach(resumed::replay);
        TrialScheduler.Work promotion = resumed.next(candidates(0)).orElseThrow();
        assertEquals(2, promotion.candidate().trialNumber());
        assertEquals(1, promotion.rung());
    }

    @Test
    void aTrialCanContinueUntilItStoppedEarlyFailedOrReachedTheTopRung() {
        AshaScheduler asha = new AshaScheduler(1, 2, 2);
        Supplier<Optional<Candidate>> fresh = candidates(4);
        TrialScheduler.Work stopsEarly = asha.next(fresh).orElseThrow();
        TrialScheduler.Work fails = asha.next(fresh).orElseThrow();
        TrialScheduler.Work best = asha.next(fresh).orElseThrow();
        asha.finished(stopsEarly, result(stopsEarly, 0.5, 0));
        asha.finished(
                fails,
                TrialRecord.of(
                        fails.candidate(),
                        List.of(new SplitResult(
                                1, 0, TrialStatus.FAILED, Double.NaN, 0, 0, 0, List.of(), "boom", "test"))));
        asha.finished(best, result(best, 0.9, 1));
        assertFalse(asha.canContinue(0), "stopped early");
        assertFalse(asha.canContinue(1), "failed");
        assertTrue(asha.canContinue(2), "may be promoted");
        assertFalse(asha.canContinue(3), "not started");
        TrialScheduler.Work top = asha.next(fresh).orElseThrow();
        assertEquals(1, top.rung());
        asha.finished(top, result(top, 0.9, 2));
        assertFalse(asha.canContinue(2), "at the top rung");
    }
}
