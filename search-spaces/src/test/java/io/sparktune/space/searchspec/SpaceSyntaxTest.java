package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Fixed;
import io.sparktune.space.distribution.IntLog;
import io.sparktune.space.sampler.GridSampler;
import io.sparktune.space.sampler.Samplers;
import io.sparktune.space.sampler.TpeSampler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec language's newer forms parse to the expected distributions and sampler settings. */
class SpaceSyntaxTest {
    @TempDir
    Path dir;

    @Test
    void readsIntlogWeightsBooleansAndConditionalHyperparameters() throws Exception {
        String space = """
                n_hidden: {int: [1, 3]}
                neurons_per_layer: {intlog: [16, 512]}
                optimizer: {choice: [adam, momentum, rmsprop], weights: [2, 1, 1]}
                momentum: {uniform: [0.8, 0.99]}
                beta2: {choice: [0.99, 0.999]}
                rho: 0.95
                batch_norm: {choice: [true, false]}
                weight_init: he_uniform
                lr_schedule: {choice: [none, cosine]}
                lr_min_ratio: {uniform: [0, 0.1]}
                """;

        SearchSpace parsed = SpecParser.parse(TestSpecs.yaml(TestSpecs.withDataFiles(dir), space), "t.yaml")
                .space();

        Map<HyperParameter, ?> d = parsed.dimensions();
        assertEquals(new IntLog(16, 512), d.get(HyperParameter.NEURONS_PER_LAYER));
        assertEquals(
                new Choice(List.of("adam", "momentum", "rmsprop"), List.of(0.5, 0.25, 0.25)),
                d.get(HyperParameter.OPTIMIZER));
        // YAML booleans become the text a leaderboard cell reads back as
        assertEquals(new Choice(List.of("true", "false")), d.get(HyperParameter.BATCH_NORM));
        assertEquals(new Fixed(0.95), d.get(HyperParameter.RHO));
        assertEquals(new Fixed("he_uniform"), d.get(HyperParameter.WEIGHT_INIT));
        assertEquals(10, d.size());
    }

    @Test
    void readsSamplerOptions() throws Exception {
        String grid =
                TestSpecs.yaml(TestSpecs.withDataFiles(dir), "dropout: {uniform: [0, 0.5]}\nn_hidden: {int: [1, 2]}");
        SearchSpec gridSpec =
                SpecParser.parse(InvalidSpecsTest.withSearch(grid, "sampler: grid\ngrid_points: 4"), "t.yaml");

        assertEquals(
                new SamplerSettings.Grid(4, SamplerSettings.Grid.DEFAULT_MAX_GRID),
                gridSpec.search().sampler());
        GridSampler sampler = assertInstanceOf(GridSampler.class, Samplers.forSpec(gridSpec));
        assertEquals(8, sampler.size().getAsInt());
        // n_iter 5 < 8 grid points: the search runs 5
        assertEquals(5, Samplers.candidateCount(gridSpec, sampler));

        SearchSpec tpeSpec =
                SpecParser.parse(InvalidSpecsTest.withSearch(grid, "sampler: tpe\nn_startup: 3"), "t.yaml");
        assertEquals(new SamplerSettings.Tpe(3), tpeSpec.search().sampler());
        assertInstanceOf(TpeSampler.class, Samplers.forSpec(tpeSpec));
    }
}
