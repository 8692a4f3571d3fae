package io.sparktune.space.searchspec;

/**
 * The sampler {@code search.sampler} names, with the keys that configure it: {@link Random} has none, {@link Grid}
 * {@code grid_points} and {@code max_grid}, {@link Tpe} {@code n_startup}. Each record checks its values.
 */
public sealed interface SamplerSettings {
    /** Which sampler these settings are for; switch on it to handle every sampler. */
    SamplerKind kind();

    /** The name a spec gives the sampler. */
    default String specName() {
        return kind().specName();
    }

    /** The default sampler. */
    SamplerSettings DEFAULT = new Random();

    /** Independent random draws. */
    record Random() implements SamplerSettings {
        @Override
        public SamplerKind kind() {
            return SamplerKind.RANDOM;
        }
    }

    /**
     * Every combination of the space's values: {@code gridPoints} values per continuous range (0: not set, allowed
     * only for a space without one), at most {@code maxGrid} candidates.
     */
    record Grid(int gridPoints, int maxGrid) implements SamplerSettings {
        public static final int MIN_POINTS = 2;
        public static final int MAX_POINTS = 1_000;
        public static final int DEFAULT_MAX_GRID = 10_000;
        /** The largest {@code max_grid} a spec may set. */
        public static final int MAX_MAX_GRID = 100_000;

        public Grid {
            if (gridPoints != 0 && (gridPoints < MIN_POINTS || gridPoints > MAX_POINTS)) {
                throw new IllegalArgumentException("grid_points must be 0 (not set) or in [" + MIN_POINTS + ", "
                        + MAX_POINTS + "] (got " + gridPoints + ")");
            }
            SettingChecks.inRange("max_grid", maxGrid, 1, MAX_MAX_GRID);
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.GRID;
        }
    }

    /** Tree-structured Parzen Estimator: random until {@code nStartup} results are observed, then adaptive. */
    record Tpe(int nStartup) implements SamplerSettings {
        public static final int DEFAULT_N_STARTUP = 10;
        public static final int MAX_N_STARTUP = 100_000;

        public Tpe {
            SettingChecks.inRange("n_startup", nStartup, 1, MAX_N_STARTUP);
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.TPE;
        }
    }
}
