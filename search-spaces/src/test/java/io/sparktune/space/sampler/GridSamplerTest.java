package io.sparktune.space.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.SpaceLayout;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

    @Test
    void enumeratesEveryCombinationOnce() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.N_HIDDEN, new IntRange(1, 3),
                HyperParameter.ACTIVATION, new Choice(List.of("relu", "tanh")),
                HyperParameter.LEARNING_RATE, new LogUniform(1e-4, 1e-2),
                HyperParameter.DROPOUT, new Fixed(0.1)));
        GridSampler sampler = new GridSampler(space, 1, 3, 1000);

        List<Candidate> all = drain(sampler);

        assertEquals(OptionalInt.of(18), sampler.size());
        assertEquals(18, all.size());
        Set<Map<String, Object>> distinct = new HashSet<>();
        all.forEach(c -> distinct.add(c.params()));
        assertEquals(18, distinct.size());
        Set<List<Object>> expected = new HashSet<>();
        for (int n = 1; n <= 3; n++) {
            for (String a : List.of("relu", "tanh")) {
                for (double lr : new double[] {1e-4, 1e-3, 1e-2}) {
                    expected.add(List.of(n, a, Math.round(Math.log10(lr))));
                }
            }
        }
        Set<List<Object>> actual = new HashSet<>();
        for (Candidate c : all) {
            actual.add(List.of(
                    c.value(HyperParameter.N_HIDDEN),
                    c.value(HyperParameter.ACTIVATION),
                    Math.round(Math.log10(c.doubleValue(HyperParameter.LEARNING_RATE)))));
            assertEquals(0.1, c.value(HyperParameter.DROPOUT));
        }
        assertEquals(expected, actual);
        assertThrows(NoSuchElementException.class, sampler::next);
    }

    @Test
    void conditionalParametersDoNotMultiplyTheGrid() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.OPTIMIZER, new Choice(List.of("adam", "momentum", "sgd")),
                HyperParameter.MOMENTUM, new Choice(List.of(0.8, 0.9, 0.99)),
                HyperParameter.N_HIDDEN, new IntRange(0, 2),
                HyperParameter.NEURONS_PER_LAYER, new Choice(List.of(16, 64))));
        // optimizers: adam, sgd (1 each) + momentum (3) = 5; layers: 0 → 1, 1 → 2, 2 → 4 widths = 7
        assertEquals(35, SpaceLayout.of(space).gridSize(0));

        List<Candidate> all = drain(new GridSampler(space, 4, 0, 35));

        assertEquals(35, all.size());
        assertEquals(35, all.stream().map(Candidate::params).distinct().count());
        assertEquals(
                21, all.stream().filter(c -> c.params().containsKey("momentum")).count());
        assertEquals(
                Set.of(
                        List.of(),
                        List.of(16),
                        List.of(64),
                        List.of(16, 16),
                        List.of(16, 64),
                        List.of(64, 16),
                        List.of(64, 64)),
                new HashSet<>(all.stream().map(Candidate::hiddenWidths).toList()));
    }

    @Test
    void orderIsShuffledBySeedAndTrialsAreNumbered() {
        SearchSpace space = SearchSpace.of(
                Map.of(HyperParameter.N_NEURONS, new IntRange(1, 50), HyperParameter.DROPOUT, new Uniform(0, 0.5)));
        List<Candidate> first = drain(new GridSampler(space, 1, 5, 1000));

        assertEquals(first, drain(new GridSampler(space, 1, 5, 1000)));
        assertNotEquals(first, drain(new GridSampler(space, 2, 5, 1000)));
        IntStream.range(0, first.size()).forEach(i -> {
            assertEquals(i, first.get(i).trialNumber());
            assertEquals(TrialSeeds.trialSeed(1, i), first.get(i).seed());
        });
        // not in enumeration order: the first ten are not all the same width
        assertNotEquals(
                1,
                first.subList(0, 10).stream()
                        .map(c -> c.value(HyperParameter.N_NEURONS))
                        .distinct()
                        .count());
    }

    @Test
    void refusesAGridLargerThanTheLimit() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.N_NEURONS, new IntRange(1, 1000), HyperParameter.BATCH_SIZE, new IntRange(1, 1000)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new GridSampler(space, 1, 0, 10_000));
        assertEquals("the grid has 1000000 points, more than max_grid 10000", e.getMessage());
    }

    @Test
    void hugePerLayerGridsSaturateInsteadOfOverflowing() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.N_HIDDEN,
                new IntRange(0, 64),
                HyperParameter.NEURONS_PER_LAYER,
                new IntRange(1, 1_000_000)));
        assertEquals(Long.MAX_VALUE, SpaceLayout.of(space).gridSize(0));
    }

    @Test
    void samplersCapsTheCandidateCountAtTheGridSize() {
        Sampler grid = new GridSampler(SearchSpace.of(Map.of(HyperParameter.N_HIDDEN, new IntRange(1, 3))), 0, 0, 10);
        assertEquals(3, grid.size().getAsInt());
        assertEquals(
                OptionalInt.empty(),
                new ArbiterRandomSampler(SearchSpace.of(Map.of(HyperParameter.N_HIDDEN, new IntRange(1, 3))), 0)
                        .size());
    }

    private static List<Candidate> drain(Sampler sampler) {
        return IntStream.range(0, sampler.size().getAsInt())
                .mapToObj(i -> sampler.next())
                .toList();
    }
}
