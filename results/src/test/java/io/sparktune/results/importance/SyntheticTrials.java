package io.sparktune.results.importance;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Trials of a known objective, built as journal records without training: params drawn at random from
 * {@link #SPACE}, score = a strong bump in log(learning_rate) (variance 4/45 ≈ 0.089) + 0.3 for adam (≈ 0.020) +
 * a slope in n_neurons (≈ 0.0075), nothing from dropout. fANOVA's true shares are then about 0.76, 0.17, 0.064 and 0.
 */
public final class SyntheticTrials {
    public static final SearchSpace SPACE = SearchSpace.of(Map.<HyperParameter, Distribution>of(
            HyperParameter.LEARNING_RATE, new LogUniform(1e-4, 1e-1),
            HyperParameter.N_NEURONS, new IntRange(8, 256),
            HyperParameter.DROPOUT, new Uniform(0.0, 0.5),
            HyperParameter.OPTIMIZER, new Choice(List.of("sgd", "adam", "rmsprop"))));

    private SyntheticTrials() {}

    public static List<TrialRecord> sample(int count, long seed) {
        Random random = new Random(seed);
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SortedMap<String, Object> params = new TreeMap<>();
            SPACE.dimensions().forEach((hp, d) -> params.put(hp.specName(), d.fromUnit(random.nextDouble())));
            trials.add(scored(i, params, score(params)));
        }
        return trials;
    }

    public static double score(Map<String, Object> params) {
        double u = (Math.log10((Double) params.get("learning_rate")) + 2.5) / 1.5; // -1 … 1 over the range
        double width = ((Integer) params.get("n_neurons") - 8) / 248.0;
        return 1 - u * u + ("adam".equals(params.get("optimizer")) ? 0.3 : 0) + 0.3 * width;
    }

    /** A trial scored {@code score} on each of its two splits. */
    public static TrialRecord scored(int number, SortedMap<String, Object> params, double score) {
        List<SplitResult> splits = List.of(0, 1).stream()
                .map(k -> new SplitResult(number, k, TrialStatus.OK, score, 3, 2, 1.0, List.of(), null, "1@host"))
                .toList();
        return TrialRecord.of(new Candidate(number, params, 1000L + number), splits);
    }
}
