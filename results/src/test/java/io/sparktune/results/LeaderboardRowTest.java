package io.sparktune.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.records.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row written to leaderboard.csv reads back as the trial, status, candidate and mean best epoch it came from. */
class LeaderboardRowTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenRowReadsBackTyped() throws Exception {
        Map<String, Object> params = new TreeMap<>(Map.of("n_hidden", 2, "learning_rate", 0.003, "optimizer", "adam"));
        TrialRecord ok = TrialFixtures.trial(7, params, TrialStatus.OK, 0.81, 0.79);
        TrialRecord failed = TrialFixtures.trial(2, Map.of("n_hidden", 1), TrialStatus.FAILED, Double.NaN);
        LeaderboardFiles.write(Leaderboard.from(List.of(ok, failed)), dir);
        List<Map<String, String>> cells = LeaderboardCsv.read(dir.resolve(LeaderboardCsv.FILE_NAME));

        LeaderboardRow best = LeaderboardRow.of(LeaderboardRows.byRank(cells, 1).orElseThrow());
        assertEquals(ok.trialId(), best.trialId());
        assertEquals(TrialStatus.OK, best.status());
        assertEquals(ok.toCandidate().params(), best.candidate().params());
        assertEquals(ok.toCandidate().seed(), best.candidate().seed());
        assertEquals(2.0, best.meanBestEpoch().getAsDouble(), 1e-9, "TrialFixtures' splits all have best epoch 2");

        LeaderboardRow last = LeaderboardRow.of(LeaderboardRows.byRank(cells, 2).orElseThrow());
        assertEquals(TrialStatus.FAILED, last.status());
        assertTrue(last.trialId().endsWith("2"), last.trialId());
    }
}
