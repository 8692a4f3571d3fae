package io.sparktune.results.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import io.sparktune.worker.SplitResult;
import io.sparktune.worker.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The heat map's stand-in ranking of hyperparameters, against values worked out by hand: with n trials in k groups,
 * H = (n − 1)·(between-group sum of squares of the score ranks) / (their total sum of squares), η²_H = (H − k + 1)/(n − k).
 */
class KruskalWallisRankingTest {
    @Test
    void categoriesAndNumbersSplitTheScoreRanksIntoGroups() {
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        int[] noise = {5, 3, 8, 1, 7, 2, 6, 4};
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Map<String, Object> params = new TreeMap<>(Map.of("rate", scores[i] * 2, "noise", noise[i],
                    "opt", scores[i] < 0.45 ? "a" : "b", "own", "c" + i));
            if (i < 2) {
                params.put("rare", i);
            }
            trials.add(trial(i, params, scores[i]));
        }
        trials.add(new TrialRecord(99, 1, new TreeMap<>(Map.of("rate", 9.0, "noise", 99, "opt", "a")), TrialStatus.FAILED,
                List.of(new SplitResult(99, 0, TrialStatus.FAILED, Double.NaN, 0, 0, 0, List.of(), "out of memory", "w"))));
        Leaderboard board = Leaderboard.from(trials);

        Map<String, Double> strengths = KruskalWallisRanking.strengths(board);
        // ranks 1-4 against 5-8 (the categories a and b; the rates cut in 8 / 4 = 2 groups): between 32 of 42 in all,
        // H = 7·32/42 = 16/3, η²_H = (16/3 − 1)/6
        assertEquals(13.0 / 18, strengths.get("opt"), 1e-12);
        assertEquals(13.0 / 18, strengths.get("rate"), 1e-12);
        // noise 1-4 has the ranks 2, 4, 6, 8: between 2, H = 1/3, below chance
        assertEquals(0.0, strengths.get("noise"));
        // a category per trial explains every rank, and so nothing beyond chance
        assertEquals(0.0, strengths.get("own"));
        assertEquals(0.0, strengths.get("rare"), "2 trials in 2 groups");
        assertEquals(List.of("opt", "rate"), KruskalWallisRanking.topTwo(board));
    }

    @Test
    void aNumberBestInTheMiddleCounts() {
        // 12 trials, 3 groups by value: the lowest values have score ranks 1-4, the middle ones 9-12, the highest 5-8
        int[] scoreRank = {1, 2, 3, 4, 9, 10, 11, 12, 5, 6, 7, 8};
        List<TrialRecord> trials = new ArrayList<>();
        for (int value = 0; value < scoreRank.length; value++) {
            trials.add(trial(value, Map.of("learning_rate", Math.pow(10, -4 + value / 4.0)), scoreRank[value] / 100.0));
        }
        // between 4·16 + 4·16 = 128 of 143, H = 11·128/143, η²_H = (H − 2)/9
        assertEquals((11.0 * 128 / 143 - 2) / 9, KruskalWallisRanking.strengths(Leaderboard.from(trials)).get("learning_rate"),
                1e-12);
    }

    @Test
    void tiedValuesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 4, 2.5}, KruskalWallisRanking.ranks(new double[] {0.1, 0.5, 0.9, 0.5}));
    }

    private static TrialRecord trial(int number, Map<String, Object> params, double score) {
        return new TrialRecord(number, number, new TreeMap<>(params), TrialStatus.OK,
                List.of(new SplitResult(number, 0, TrialStatus.OK, score, 3, 3, 1.0, List.of(), null, "w")));
    }
}
