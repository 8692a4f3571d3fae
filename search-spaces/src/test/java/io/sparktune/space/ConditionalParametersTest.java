package io.sparktune.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.IntRange;
import io.sparktune.space.distribution.Uniform;
import io.sparktune.space.sampler.ArbiterRandomSampler;
import io.sparktune.space.sampler.Sampler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionalParametersTest {

    @Test
    void optimizerConstantsAppearOnlyWithTheirOptimizers() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.OPTIMIZER, new Choice(List.of("sgd", "momentum", "adam", "rmsprop")),
                HyperParameter.MOMENTUM, new Uniform(0.5, 0.99),
                HyperParameter.BETA1, new Uniform(0.8, 0.95),
                HyperParameter.RHO, new Uniform(0.8, 0.99)));

        int[] seen = new int[4];
        for (Candidate c : draw(space, 500)) {
            String optimizer = c.stringValue(HyperParameter.OPTIMIZER);
            assertEquals(optimizer.equals("momentum"), c.params().containsKey("momentum"), c.toString());
            assertEquals(optimizer.equals("adam"), c.params().containsKey("beta1"), c.toString());
            assertEquals(optimizer.equals("rmsprop"), c.params().containsKey("rho"), c.toString());
            seen[List.of("sgd", "momentum", "adam", "rmsprop").indexOf(optimizer)]++;
        }
        assertTrue(IntStream.of(seen).allMatch(n -> n > 50), java.util.Arrays.toString(seen));
    }

    @Test
    void perLayerWidthsFollowTheSampledDepth() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.N_HIDDEN, new IntRange(0, 4),
                HyperParameter.NEURONS_PER_LAYER, new IntRange(8, 64)));

        boolean[] depths = new boolean[5];
        for (Candidate c : draw(space, 300)) {
            int layers = c.intValue(HyperParameter.N_HIDDEN);
            depths[layers] = true;
            List<Integer> widths = c.hiddenWidths();
            assertEquals(layers, widths.size(), c.toString());
            assertEquals(layers > 0, c.params().containsKey("neurons_per_layer"), c.toString());
            widths.forEach(w -> assertTrue(8 <= w && w <= 64, c.toString()));
        }
        assertTrue(depths[0] && depths[4]);
        // layers are drawn independently: the widths of one candidate differ
        assertTrue(draw(space, 300).stream()
                .map(Candidate::hiddenWidths)
                .anyMatch(w -> w.size() > 1 && w.stream().distinct().count() > 1));
    }

    @Test
    void funnelShrinksTheSharedWidth() {
        Candidate c = new Candidate(0, new TreeMap<>(Map.of("n_hidden", 3, "n_neurons", 128, "funnel", 0.5)), 1);
        assertEquals(List.of(128, 64, 32), c.hiddenWidths());
        Candidate flat = new Candidate(0, new TreeMap<>(Map.of("n_hidden", 2, "n_neurons", 50)), 1);
        assertEquals(List.of(50, 50), flat.hiddenWidths());
        assertEquals(List.of(3, 1, 1), LayerWidths.funnel(3, 3, 0.1));
    }

    @Test
    void widthsRoundTripThroughTheirText() {
        Candidate c = new Candidate(0, new TreeMap<>(Map.of("n_hidden", 3, "neurons_per_layer", "256-64-16")), 1);
        assertEquals(List.of(256, 64, 16), c.hiddenWidths());
        assertEquals("256-64-16", LayerWidths.format(List.of(256, 64, 16)));
        assertEquals("256-64-16", HyperParameter.NEURONS_PER_LAYER.parse("256-64-16"));
        assertEquals(HyperParameter.Kind.CATEGORY, HyperParameter.NEURONS_PER_LAYER.kind());
        assertEquals(HyperParameter.Kind.INT, HyperParameter.NEURONS_PER_LAYER.valueKind());
    }

    @Test
    void hiddenLayerSettingsDoNotApplyWithoutHiddenLayers() {
        SearchSpace space = SearchSpace.of(Map.of(
                HyperParameter.N_HIDDEN, new IntRange(0, 2),
                HyperParameter.N_NEURONS, new IntRange(8, 64),
                HyperParameter.BATCH_NORM, new Choice(List.of("false", "true")),
                HyperParameter.FUNNEL, new Uniform(0.3, 1.0)));

        for (Candidate c : draw(space, 200)) {
            int layers = c.intValue(HyperParameter.N_HIDDEN);
            assertEquals(layers >= 1, c.params().containsKey("n_neurons"));
            assertEquals(layers >= 1, c.params().containsKey("batch_norm"));
            assertEquals(layers >= 2, c.params().containsKey("funnel"));
        }
        assertFalse(Conditions.of(HyperParameter.DROPOUT).isPresent());
        assertTrue(Conditions.isParent(HyperParameter.OPTIMIZER));
    }

    private static List<Candidate> draw(SearchSpace space, int count) {
        Sampler sampler = new ArbiterRandomSampler(space, 17);
        return IntStream.range(0, count).mapToObj(i -> sampler.next()).toList();
    }
}
