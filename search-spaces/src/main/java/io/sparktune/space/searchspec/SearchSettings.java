package io.sparktune.space.searchspec;

import java.util.List;

/**
 * How candidates are drawn and scored. Exactly one of {@code cv} (k-fold, k >= 2) or
 * {@code validationSplit} (a single hold-out fraction in (0,1)) is in effect: {@link #folds()} tells which.
 * {@code scoring} is the metric that ranks candidates; {@code samplerOptions} configure the sampler; {@code budget}
 * may stop the search before {@code nIter} trials; {@code scheduler} decides how long each candidate trains;
 * {@code checkpointDir} ({@code search.checkpoint_dir}, null if not set) is where asha/median keep checkpoints;
 * {@code deterministicBatch} ({@code search.deterministic_batch} with {@code search.deterministic: true}, 0 without)
 * is how many pieces of work a deterministic search dispatches at a time.
 */
public record SearchSettings(
        String sampler,
        int nIter,
        int cv,
        double validationSplit,
        long seed,
        Scoring scoring,
        SamplerOptions samplerOptions,
        SearchBudget budget,
        SchedulerSettings scheduler,
        String checkpointDir,
        int deterministicBatch) {

    /** Pieces of work a deterministic search dispatches together unless {@code search.deterministic_batch} says. */
    public static final int DEFAULT_DETERMINISTIC_BATCH = 4;

    /** Not deterministic: work is dispatched as cores free up and results are taken in the order they end. */
    public SearchSettings(
            String sampler,
            int nIter,
            int cv,
            double validationSplit,
            long seed,
            Scoring scoring,
            SamplerOptions samplerOptions,
            SearchBudget budget,
            SchedulerSettings scheduler,
            String checkpointDir) {
        this(sampler, nIter, cv, validationSplit, seed, scoring, samplerOptions, budget, scheduler, checkpointDir, 0);
    }

    /** No checkpoint directory of its own: the command line's, or the default under the output directory. */
    public SearchSettings(
            String sampler,
            int nIter,
            int cv,
            double validationSplit,
            long seed,
            Scoring scoring,
            SamplerOptions samplerOptions,
            SearchBudget budget,
            SchedulerSettings scheduler) {
        this(sampler, nIter, cv, validationSplit, seed, scoring, samplerOptions, budget, scheduler, null);
    }

    /** The fifo scheduler. */
    public SearchSettings(
            String sampler,
            int nIter,
            int cv,
            double validationSplit,
            long seed,
            Scoring scoring,
            SamplerOptions samplerOptions,
            SearchBudget budget) {
        this(sampler, nIter, cv, validationSplit, seed, scoring, samplerOptions, budget, SchedulerSettings.DEFAULT);
    }

    /** No time or score budget. */
    public SearchSettings(
            String sampler,
            int nIter,
            int cv,
            double validationSplit,
            long seed,
            Scoring scoring,
            SamplerOptions samplerOptions) {
        this(sampler, nIter, cv, validationSplit, seed, scoring, samplerOptions, SearchBudget.NONE);
    }

    /** The sampler's default options. */
    public SearchSettings(String sampler, int nIter, int cv, double validationSplit, long seed, Scoring scoring) {
        this(sampler, nIter, cv, validationSplit, seed, scoring, SamplerOptions.DEFAULTS);
    }

    /** Scored by accuracy, the classification default. */
    public SearchSettings(String sampler, int nIter, int cv, double validationSplit, long seed) {
        this(sampler, nIter, cv, validationSplit, seed, Scoring.ACCURACY);
    }

    /** The random-search sampler, the default. */
    public static final String RANDOM = "random";

    /** Every combination of the space's values ({@code grid_points} per continuous range), in a seeded order. */
    public static final String GRID = "grid";

    /** Tree-structured Parzen Estimator: random for {@code n_startup} results, then adaptive. */
    public static final String TPE = "tpe";

    /** Sampler names a spec may use. */
    public static final List<String> SAMPLERS = List.of(RANDOM, GRID, TPE);

    /**
     * True for {@code search.deterministic: true}: work goes out in batches of {@link #deterministicBatch()} and each
     * batch's results reach the scheduler and the sampler in dispatch order, so a seed gives the same search on any
     * master and number of cores.
     */
    public boolean deterministic() {
        return deterministicBatch > 0;
    }

    /** Number of train/validation splits each candidate is scored on. */
    public int folds() {
        return cv > 0 ? cv : 1;
    }
}
