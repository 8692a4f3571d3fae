package io.sparktune.space.sampler;

import io.sparktune.space.searchspec.SamplerOptions;
import io.sparktune.space.searchspec.SearchSettings;
import io.sparktune.space.searchspec.SearchSpec;

/** Creates the sampler a spec asks for. */
public final class Samplers {

    private Samplers() {}

    /** The sampler named by {@code spec.search().sampler()}, seeded with the search seed, over the spec's space. */
    public static Sampler forSpec(SearchSpec spec) {
        SearchSettings search = spec.search();
        SamplerOptions options = search.samplerOptions();
        return switch (search.sampler()) {
            case SearchSettings.RANDOM -> new ArbiterRandomSampler(spec.space(), search.seed());
            case SearchSettings.GRID ->
                new GridSampler(spec.space(), search.seed(), options.gridPoints(), options.maxGrid());
            case SearchSettings.TPE -> new TpeSampler(spec.space(), search.seed(), options.nStartup());
            default ->
                throw new IllegalArgumentException("unknown sampler '" + search.sampler() + "' (expected one of "
                        + String.join(", ", SearchSettings.SAMPLERS) + ")");
        };
    }

    /** How many candidates the search runs: {@code n_iter}, or the grid's size if the grid is smaller. */
    public static int candidateCount(SearchSpec spec, Sampler sampler) {
        return Math.min(spec.search().nIter(), sampler.size().orElse(Integer.MAX_VALUE));
    }
}
