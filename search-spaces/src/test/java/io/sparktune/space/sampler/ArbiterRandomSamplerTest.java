package io.sparktune.space.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.Candidate;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArbiterRandomSamplerTest {
    private static final List<Object> OPTIMIZERS =
            List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "nadam");
    private static final SearchSpace FASHION = SearchSpace.of(Map.of(
            HyperParameter.N_HIDDEN, new IntRange(0, 3),
            HyperParameter.N_NEURONS, new IntRange(1, 100),
            HyperParameter.LEARNING_RATE, new LogUniform(3.0e-4, 3.0e-2),
            HyperParameter.OPTIMIZER, new Choice(OPTIMIZERS),
            HyperParameter.DROPOUT, new Uniform(0.0, 0.5)));

    @Test
    void sameSeedGivesTheSameCandidates() {
        assertEquals(draw(FASHION, 42, 20), draw(FASHION, 42, 20));
    }

    @Test
    void differentSeedGivesDifferentCandidates() {
        List<Map<String, Object>> first = params(draw(FASHION, 42, 20));
        List<Map<String, Object>> second = params(draw(FASHION, 43, 20));

        assertNotEquals(first, second);
        // not merely one differing draw: independent streams share (almost) no continuous value
        assertTrue(first.stream().noneMatch(second::contains));
    }

    @Test
    void candidatesAreNumberedInOrderWithTheirTrialSeeds() {
        List<Candidate> candidates = draw(FASHION, 7, 200);

        for (int i = 0; i < candidates.size(); i++) {
            assertEquals(i, candidates.get(i).trialNumber());
            assertEquals(TrialSeeds.trialSeed(7, i), candidates.get(i).seed());
        }
        assertEquals(200, candidates.stream().map(Candidate::seed).distinct().count());
    }

    @Test
    void everyValueLiesInItsDistributionAndHasItsType() {
        List<Candidate> candidates = draw(FASHION, 1, 2000);
        Set<String> expectedKeys = FASHION.dimensions().keySet().stream()
                .map(HyperParameter::specName)
                .collect(Collectors.toSet());

        for (Candidate candidate : candidates) {
            Set<String> keys = new HashSet<>(expectedKeys);
            if (candidate.intValue(HyperParameter.N_HIDDEN) == 0) {
                // the width of no hidden layer does not apply
                keys.remove(HyperParameter.N_NEURONS.specName());
            }
            assertEquals(keys, candidate.params().keySet());
            FASHION.dimensions().forEach((hp, distribution) -> {
                if (keys.contains(hp.specName())) {
                    assertWithin(distribution, candidate.params().get(hp.specName()));
                }
            });
        }
    }

    @Test
    void intRangesIncludeBothEnds() {
        Set<Object> nHidden = values(draw(FASHION, 3, 2000), HyperParameter.N_HIDDEN);
        Set<Object> n = values(draw(FASHION, 3, 2000), HyperParameter.N_NEURONS);
        n.remove(null);

        assertEquals(Set.of(0, 1, 2, 3), nHidden);
        assertTrue(
                n.contains(1) && n.contains(100),
                "n_neurons ends: " + new TreeSet<>(n).first() + ", " + new TreeSet<>(n).last());
    }

    @Test
    void everyChoiceIsDrawn() {
        assertEquals(Set.copyOf(OPTIMIZERS), values(draw(FASHION, 5, 2000), HyperParameter.OPTIMIZER));
    }

    @Test
    void fixedValuesAndSinglePointRangesAreConstant() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.OPTIMIZER, new Fixed("adam"),
                HyperParameter.DROPOUT, new Uniform(0.25, 0.25),
                HyperParameter.LEARNING_RATE, new LogUniform(0.01, 0.01),
                HyperParameter.N_HIDDEN, new IntRange(2, 2),
                HyperParameter.N_NEURONS, new Choice(List.of(64))));

        for (Candidate candidate : draw(space, 11, 50)) {
            assertEquals(
                    Map.of("optimizer", "adam", "dropout", 0.25, "learning_rate", 0.01, "n_hidden", 2, "n_neurons", 64),
                    candidate.params());
        }
    }

    @Test
    void samplersBuildsTheSpecsSampler() {
        Sampler sampler = new ArbiterRandomSampler(FASHION, 99);
        List<Candidate> direct = Stream.generate(sampler::next).limit(5).toList();

        assertEquals(direct, draw(FASHION, 99, 5));
        assertInstanceOf(Integer.class, direct.get(0).value(HyperParameter.N_HIDDEN));
        assertEquals(HyperParameter.L2.defaultValue(), direct.get(0).value(HyperParameter.L2));
    }

    @Test
    void noArbiterTypeInThePublicApi() {
        List<Executable> members = new ArrayList<>(List.of(ArbiterRandomSampler.class.getConstructors()));
        for (Method method : ArbiterRandomSampler.class.getMethods()) {
            members.add(method);
        }
        for (Executable member : members) {
            List<Class<?>> types = new ArrayList<>(List.of(member.getParameterTypes()));
            if (member instanceof Method method) {
                types.add(method.getReturnType());
            }
            for (Class<?> type : types) {
                assertFalse(type.getName().startsWith("org.deeplearning4j"), member + " exposes " + type);
            }
        }
        assertFalse(java.lang.reflect.Modifier.isPublic(MapParameterSpace.class.getModifiers()));
    }

    private static List<Candidate> draw(SearchSpace space, long seed, int count) {
        Sampler sampler = new ArbiterRandomSampler(space, seed);
        return IntStream.range(0, count).mapToObj(i -> sampler.next()).toList();
    }

    private static List<Map<String, Object>> params(List<Candidate> candidates) {
        return candidates.stream().map(c -> (Map<String, Object>) c.params()).toList();
    }

    private static Set<Object> values(List<Candidate> candidates, HyperParameter hp) {
        Set<Object> values = new HashSet<>();
        candidates.forEach(c -> values.add(c.params().get(hp.specName())));
        return values;
    }

    private static void assertWithin(Distribution distribution, Object value) {
        if (distribution instanceof IntRange r) {
            int v = assertInstanceOf(Integer.class, value);
            assertTrue(r.low() <= v && v <= r.high(), v + " outside " + r);
        } else if (distribution instanceof Uniform u) {
            double v = assertInstanceOf(Double.class, value);
            assertTrue(u.low() <= v && v <= u.high(), v + " outside " + u);
        } else if (distribution instanceof LogUniform l) {
            double v = assertInstanceOf(Double.class, value);
            assertTrue(l.low() <= v && v <= l.high(), v + " outside " + l);
        } else {
            assertTrue(distribution.discreteValues().contains(value), value + " not in " + distribution);
        }
    }
}
