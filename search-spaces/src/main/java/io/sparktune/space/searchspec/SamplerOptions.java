package io.sparktune.space.searchspec;

/**
 * Settings of the sampler named by {@code search.sampler}: {@code gridPoints} values per continuous range of a grid
 * (0 if not set), the largest grid accepted ({@code maxGrid}), and the number of observed results before TPE stops
 * proposing random candidates ({@code nStartup}).
 */
public record SamplerOptions(int gridPoints, int maxGrid, int nStartup) {
    public static final int DEFAULT_MAX_GRID = 10_000;
    public static final int DEFAULT_N_STARTUP = 10;

    /** No grid points, the default grid limit and TPE start-up. */
    public static final SamplerOptions DEFAULTS = new SamplerOptions(0, DEFAULT_MAX_GRID, DEFAULT_N_STARTUP);
}
