package io.sparktune.space.searchspec;

import io.sparktune.space.SpecNames;
import java.util.List;

/** The samplers {@code search.sampler} may name; each has its settings record in {@link SamplerSettings}. */
public enum SamplerKind {
    /** Independent random draws, the default. */
    RANDOM,
    /** Every combination of the space's values ({@code grid_points} per continuous range), in a seeded order. */
    GRID,
    /** Tree-structured Parzen Estimator: random for {@code n_startup} results, then adaptive. */
    TPE;

    public String specName() {
        return SpecNames.of(this);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return SpecNames.of(values());
    }

    /** The kind named {@code specName} in a spec (one of {@link #specNames()}). */
    public static SamplerKind fromSpecName(String specName) {
        return SpecNames.find(values(), specName, "sampler");
    }
}
