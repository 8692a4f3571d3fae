package io.sparktune.space.sampler;

import io.sparktune.space.spec.SearchSettings;
import io.sparktune.space.spec.SearchSpec;

/** Creates the sampler a spec asks for. */
public final class Samplers {

    private Samplers() {
    }

    /** The sampler named by {@code spec.search().sampler()}, seeded with the search seed, over the spec's space. */
    public static Sampler forSpec(SearchSpec spec) {
        String name = spec.search().sampler();
        if (SearchSettings.RANDOM.equals(name)) {
            return new ArbiterRandomSampler(spec.space(), spec.search().seed());
        }
        throw new IllegalArgumentException("unknown sampler '" + name + "' (expected one of "
                + String.join(", ", SearchSettings.SAMPLERS) + ")");
    }
}
