package io.sparktune.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.EpochRecord;
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

/** The median stopping rule with a fake objective: trial t's score at epoch e is quality[t]·(1 − 2^−e). */
class MedianStoppingSchedulerTest {
    private static final double[] QUALITY = {0.9, 0.8, 0.3, 0.88, 0.2, 0.7};

    private static TrialRecord curveUpTo(Candidate c, int epochs) {
        List<EpochRecord> curve = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            curve.add(new EpochRecord(e, 1.0 / e, QUALITY[c.trialNumber()] * (1 - Math.pow(2, -e)), 0.1));
        }
        return TrialRecord.of(
                c,
                List.of(new SplitResult(
                        c.trialNumber(),
                        0,
                        TrialStatus.OK,
                        curve.get(epochs - 1).validationScore(),
                        epochs,
                        epochs,
                        0.1,
                        curve,
                        null,
                        "test")));
    }

    /** Runs every candidate through the scheduler with one worker; returns the epochs each trial trained. */
    private static Map<Integer, Integer> run(MedianStoppingScheduler scheduler) {
        int[] drawn = {0};
        Supplier<Optional<Candidate>> fresh = () -> drawn[0] < QUALITY.length
                ? Optional.of(new Candidate(drawn[0]++, new TreeMap<>(), 1L))
                : Optional.empty();
        Map<Integer, Integer> epochs = new HashMap<>();
        Optional<TrialScheduler.Work> work;
        while ((work = scheduler.next(fresh)).isPresent()) {
            TrialScheduler.Work w = work.get();
            TrialRecord recorded = scheduler.finished(w, curveUpTo(w.candidate(), w.untilEpoch()));
            epochs.put(recorded.trialNumber(), recorded.splits().get(0).epochsRun());
        }
        return epochs;
    }

    @Test
    void stopsTrialsBelowTheMedianOfTheOthersAtTheSameEpoch() {
        Map<Integer, Integer> epochs = run(new MedianStoppingScheduler(6, 1, 2));
        assertEquals(QUALITY.length, epochs.size());
        assertEquals(6, epochs.get(0), "the first trial has no peers yet and runs to max_epochs");
        assertEquals(6, epochs.get(3), "a good trial (0.88) runs to max_epochs");
        assertTrue(epochs.get(2) < 6 && epochs.get(4) < 6, "bad trials are stopped early: " + epochs);
        assertEquals(1, epochs.get(4), "the worst is below the median as soon as it can be compared");
    }

    @Test
    void warmupAndMinimumPeersPostponeTheRule() {
        Map<Integer, Integer> withWarmup = run(new MedianStoppingScheduler(6, 3, 2));
        assertTrue(withWarmup.get(4) >= 3, "nothing is stopped before the warm-up: " + withWarmup);
        Map<Integer, Integer> manyPeers = run(new MedianStoppingScheduler(6, 1, 10));
        assertTrue(manyPeers.values().stream().allMatch(e -> e == 6), "never enough peers: " + manyPeers);
    }

    @Test
    void aTrialCanContinueExactlyWhenItTrainsAgainLater() {
        MedianStoppingScheduler scheduler = new MedianStoppingScheduler(6, 1, 2);
        int[] drawn = {0};
        Supplier<Optional<Candidate>> fresh = () -> drawn[0] < QUALITY.length
                ? Optional.of(new Candidate(drawn[0]++, new TreeMap<>(), 1L))
                : Optional.empty();
        List<int[]> answers = new ArrayList<>(); // trial, epochs then, 1 if it could continue
        Map<Integer, Integer> finalEpochs = new HashMap<>();
        Optional<TrialScheduler.Work> work;
        while ((work = scheduler.next(fresh)).isPresent()) {
            TrialScheduler.Work w = work.get();
            scheduler.finished(w, curveUpTo(w.candidate(), w.untilEpoch()));
            int trial = w.candidate().trialNumber();
            answers.add(new int[] {trial, w.untilEpoch(), scheduler.canContinue(trial) ? 1 : 0});
            finalEpochs.put(trial, w.untilEpoch());
        }
        assertTrue(answers.stream().anyMatch(a -> a[2] == 0 && a[1] < 6), "some trial was stopped early");
        for (int[] a : answers) {
            assertEquals(a[1] < finalEpochs.get(a[0]), a[2] == 1, "trial " + a[0] + " after epoch " + a[1]);
        }
    }
}
