package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.NodeReader.child;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.SpaceLayout;
import java.util.List;
import java.util.Map;

/**
 * Reads the sampler keys of the {@code search} section ({@code grid_points}, {@code max_grid}, {@code n_startup}),
 * each allowed only with the sampler it configures, and checks a grid against the space: every continuous range needs
 * {@code grid_points}, and the grid may not be larger than {@code max_grid}.
 */
final class SamplerOptionsReader {
    /** Every sampler key, with the sampler it belongs to. */
    static final Map<String, SamplerKind> KEYS =
            Map.of("grid_points", SamplerKind.GRID, "max_grid", SamplerKind.GRID, "n_startup", SamplerKind.TPE);

    static final List<String> KEY_NAMES = List.of("grid_points", "max_grid", "n_startup");

    private final NodeReader nodes;
    private final Problems problems;

    SamplerOptionsReader(NodeReader nodes, Problems problems) {
        this.nodes = nodes;
        this.problems = problems;
    }

    /** The settings of {@code sampler} (null if invalid) from its keys under {@code search}; null on problems. */
    SamplerSettings read(JsonNode search, SamplerKind sampler) {
        int before = problems.size();
        Integer gridPoints = option(
                search, sampler, "grid_points", SamplerSettings.Grid.MIN_POINTS, SamplerSettings.Grid.MAX_POINTS, 0);
        Integer maxGrid = option(
                search,
                sampler,
                "max_grid",
                1,
                SamplerSettings.Grid.MAX_MAX_GRID,
                SamplerSettings.Grid.DEFAULT_MAX_GRID);
        Integer nStartup = option(
                search,
                sampler,
                "n_startup",
                1,
                SamplerSettings.Tpe.MAX_N_STARTUP,
                SamplerSettings.Tpe.DEFAULT_N_STARTUP);
        if (problems.size() != before || sampler == null) {
            return null;
        }
        return switch (sampler) {
            case RANDOM -> new SamplerSettings.Random();
            case GRID -> new SamplerSettings.Grid(gridPoints, maxGrid);
            case TPE -> new SamplerSettings.Tpe(nStartup);
        };
    }

    /** Problems of a grid over {@code space}; nothing to check for other samplers or an invalid spec. */
    void checkGrid(SearchSettings search, SearchSpace space) {
        if (search == null || space == null || !(search.sampler() instanceof SamplerSettings.Grid grid)) {
            return;
        }
        List<String> continuous = space.dimensions().entrySet().stream()
                .filter(e -> e.getValue().isContinuous())
                .map(e -> "space." + e.getKey().specName())
                .toList();
        int points = grid.gridPoints();
        if (!continuous.isEmpty() && points == 0) {
            problems.add(
                    "search.grid_points",
                    "required by sampler grid for the continuous "
                            + NodeReader.orList(continuous).replace(" or ", " and ")
                            + " (the number of values to try in each range)");
            return;
        }
        long size = SpaceLayout.of(space).gridSize(points);
        int maxGrid = grid.maxGrid();
        if (size > maxGrid) {
            problems.add(
                    "search.max_grid",
                    "the grid has " + (size == Long.MAX_VALUE ? "more than 9.2e18" : size)
                            + " candidates, more than max_grid " + maxGrid
                            + " (raise search.max_grid, use fewer values, or use sampler random or tpe)");
        }
    }

    private Integer option(JsonNode search, SamplerKind sampler, String key, int min, int max, int defaultValue) {
        JsonNode node = child(search, key);
        if (node == null) {
            return defaultValue;
        }
        String path = NodeReader.join("search", key);
        SamplerKind owner = KEYS.get(key);
        if (sampler != null && owner != sampler) {
            problems.add(path, "only used by sampler " + owner.specName() + " (sampler is " + sampler.specName() + ")");
            return null;
        }
        return nodes.integer(node, path, min, max);
    }
}
