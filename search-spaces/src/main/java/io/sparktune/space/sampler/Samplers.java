package io.sparktune.space.sampler;

import io.sparktune.space.searchspec.SamplerSettings;
import io.sparktune.space.searchspec.SearchSettings;
import io.sparktune.space.searchspec.SearchSpec;

/** Creates the sampler a spec asks for. */
public final class Samplers {

    private Samplers() {}

    /** The sampler of {@code spec.search().sampler()}, seeded with the search seed, over the spec's space. */
    public static Sampler forSpec(SearchSpec spec) {
        SearchSettings search = spec.search();
        SamplerSettings settings = search.sampler();
        // each kind belongs to one record (SamplerSettings.kind), so the casts cannot fail
        return switch (settings.kind()) {
            case RANDOM -> new ArbiterRandomSampler(spec.space(), search.seed());
            case GRID -> {
                SamplerSettings.Grid grid = (SamplerSettings.Grid) settings;
                yield new GridSampler(spec.space(), search.seed(), grid.gridPoints(), grid.maxGrid());
            }
            case TPE -> new TpeSampler(spec.space(), search.seed(), ((SamplerSettings.Tpe) settings).nStartup());
        };
    }

    /** How many candidates the search runs: {@code n_iter}, or the grid's size if the grid is smaller. */
    public static int candidateCount(SearchSpec spec, Sampler sampler) {
        return Math.min(spec.search().nIter(), sampler.size().orElse(Integer.MAX_VALUE));
    }
}
