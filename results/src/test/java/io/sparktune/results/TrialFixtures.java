package io.sparktune.results;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.space.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Trial records made by hand for leaderboard tests (here and, through the test jar, in the driver's refit tests). */
public final class TrialFixtures {

    private TrialFixtures() {}

    /** Trial {@code number} with one split per score, each with status {@code status} and 3 + k epochs. */
    public static TrialRecord trial(int number, Map<String, Object> params, TrialStatus status, double... scores) {
        List<SplitResult> splits = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            splits.add(new SplitResult(
                    number,
                    k,
                    status,
                    scores[k],
                    3 + k,
                    2,
                    1.5 + k,
                    List.of(),
                    status == TrialStatus.OK ? null : "boom",
                    "1@host"));
        }
        return TrialRecord.of(new Candidate(number, new TreeMap<>(params), 1000L + number), splits);
    }
}
