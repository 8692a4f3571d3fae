package io.sparktune.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.Candidate;
import io.sparktune.space.searchspec.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EpochLimitNoteTest {
    /** max_epochs 20, patience 2. */
    private static final TrainingSettings TRAINING = new TrainingSettings(20, 2, 32);

    /**
     * A trial whose split k scored {@code scores[k]} and ran {@code epochs[k][0]} epochs, the best being epochs[k][1].
     */
    private static TrialRecord trial(int number, double[] scores, int[][] epochs) {
        List<SplitResult> splits = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            splits.add(new SplitResult(
                    number, k, TrialStatus.OK, scores[k], epochs[k][0], epochs[k][1], 1.0, List.of(), null, "1@host"));
        }
        return TrialRecord.of(new Candidate(number, new TreeMap<>(Map.of("n_neurons", 10 + number)), 7L), splits);
    }

    @Test
    void namesTheBestTrialAndCountsItsSplitsCutOffByTheLimit() {
        Leaderboard board = Leaderboard.from(List.of(
                trial(0, new double[] {0.80, 0.80}, new int[][] {{20, 20}, {20, 20}}),
                // the best: one split still improving at epoch 20, one within patience of it, one stopped early
                trial(1, new double[] {0.88, 0.88, 0.87}, new int[][] {{20, 20}, {20, 19}, {14, 12}})));
        Optional<String> note = EpochLimitNote.forBest(board, TRAINING);
        assertTrue(note.isPresent());
        assertTrue(note.get().contains("trial-0001"), note.get());
        assertTrue(note.get().contains("2 of its 3 splits"), note.get());
    }

    @Test
    void nothingWhenEarlyStoppingEndedEverySplitOfTheBestTrial() {
        Leaderboard board = Leaderboard.from(List.of(
                trial(0, new double[] {0.90, 0.90}, new int[][] {{20, 18}, {9, 7}}),
                trial(1, new double[] {0.70, 0.70}, new int[][] {{20, 20}, {20, 20}})));
        assertEquals(Optional.empty(), EpochLimitNote.forBest(board, TRAINING));
        assertEquals(Optional.empty(), EpochLimitNote.forBest(Leaderboard.from(List.of()), TRAINING));
    }

    @Test
    void aFailedSplitOrAnAshaRungBelowTheLimitIsNotCutOff() {
        SplitResult failed =
                new SplitResult(0, 0, TrialStatus.FAILED, Double.NaN, 20, 20, 1.0, List.of(), "boom", "1@h");
        SplitResult lowRung = new SplitResult(0, 0, TrialStatus.OK, 0.8, 5, 5, 1.0, List.of(), null, "1@h");
        assertFalse(EpochLimitNote.cutOffByLimit(failed, TRAINING));
        assertFalse(EpochLimitNote.cutOffByLimit(lowRung, TRAINING));
    }
}
