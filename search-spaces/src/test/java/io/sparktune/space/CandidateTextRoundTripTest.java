package io.sparktune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.IntLog;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import io.sparktune.space.sampler.TpeSampler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every value a candidate holds reads back from its text (a leaderboard cell) as the same value. */
class CandidateTextRoundTripTest {

    @Test
    void everyParamReadsBackFromItsText() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.N_HIDDEN, new IntRange(0, 3),
                HyperParameter.NEURONS_PER_LAYER, new IntLog(4, 512),
                HyperParameter.BATCH_NORM, new Choice(List.of("false", "true")),
                HyperParameter.OPTIMIZER, new Choice(List.of("adam", "momentum", "rmsprop")),
                HyperParameter.MOMENTUM, new Uniform(0.5, 0.99),
                HyperParameter.EPSILON, new LogUniform(1e-9, 1e-3),
                HyperParameter.LR_SCHEDULE, new Choice(List.of("none", "step")),
                HyperParameter.LR_DECAY_EPOCHS, new IntRange(1, 20)));
        TpeSampler sampler = new TpeSampler(space, 5, 3);
        for (int i = 0; i < 200; i++) {
            Candidate candidate = sampler.next();
            TreeMap<String, Object> back = new TreeMap<>();
            candidate
                    .params()
                    .forEach((name, value) -> back.put(
                            name, HyperParameter.bySpecName(name).orElseThrow().parse(String.valueOf(value))));
            assertEquals(candidate.params(), back);
            assertEquals(candidate.hiddenWidths(), new Candidate(0, back, 0).hiddenWidths());
            sampler.observe(
                    candidate,
                    candidate.hiddenWidths().stream()
                            .mapToInt(Integer::intValue)
                            .sum());
        }
    }
}
