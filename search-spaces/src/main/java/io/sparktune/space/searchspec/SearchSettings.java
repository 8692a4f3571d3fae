package io.sparktune.space.searchspec;

/**
 * How candidates are drawn and scored. Exactly one of {@code cv} (k-fold, k >= 2) or
 * {@code validationSplit} (a single hold-out fraction in (0,1)) is in effect: {@link #folds()} tells which.
 * {@code sampler} draws the candidates; {@code scoring} is the metric that ranks them; {@code budget} may stop the
 * search before {@code nIter} trials; {@code scheduler} decides how long each candidate trains;
 * {@code checkpointDir} ({@code search.checkpoint_dir}, null if not set) is where asha/median keep checkpoints;
 * {@code deterministicBatch} ({@code search.deterministic_batch} with {@code search.deterministic: true}, 0 without)
 * is how many pieces of work a deterministic search dispatches at a time. {@link #builder()} starts from the
 * defaults a spec gets.
 */
public record SearchSettings(
        SamplerSettings sampler,
        int nIter,
        int cv,
        double validationSplit,
        long seed,
        Scoring scoring,
        SearchBudget budget,
        SchedulerSettings scheduler,
        String checkpointDir,
        int deterministicBatch) {

    /** Pieces of work a deterministic search dispatches together unless {@code search.deterministic_batch} says. */
    public static final int DEFAULT_DETERMINISTIC_BATCH = 4;

    /** Folds when the spec sets neither {@code cv} nor {@code validation_split}. */
    public static final int DEFAULT_FOLDS = 3;

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

    /**
     * Settings with a spec's defaults (random sampler, {@value #DEFAULT_FOLDS}-fold cv, seed 0, accuracy, no budget,
     * fifo, no checkpoint directory of its own, not deterministic); {@code nIter} has no default and must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SearchSettings}, one setting at a time. */
    public static final class Builder {
        private SamplerSettings sampler = SamplerSettings.DEFAULT;
        private Integer nIter;
        private int cv = DEFAULT_FOLDS;
        private double validationSplit;
        private long seed;
        private Scoring scoring = Scoring.ACCURACY;
        private SearchBudget budget = SearchBudget.NONE;
        private SchedulerSettings scheduler = SchedulerSettings.DEFAULT;
        private String checkpointDir;
        private int deterministicBatch;

        private Builder() {}

        public Builder sampler(SamplerSettings sampler) {
            this.sampler = sampler;
            return this;
        }

        public Builder nIter(int nIter) {
            this.nIter = nIter;
            return this;
        }

        public Builder cv(int cv) {
            this.cv = cv;
            return this;
        }

        public Builder validationSplit(double validationSplit) {
            this.validationSplit = validationSplit;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder scoring(Scoring scoring) {
            this.scoring = scoring;
            return this;
        }

        public Builder budget(SearchBudget budget) {
            this.budget = budget;
            return this;
        }

        public Builder scheduler(SchedulerSettings scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder checkpointDir(String checkpointDir) {
            this.checkpointDir = checkpointDir;
            return this;
        }

        public Builder deterministicBatch(int deterministicBatch) {
            this.deterministicBatch = deterministicBatch;
            return this;
        }

        public SearchSettings build() {
            if (nIter == null) {
                throw new IllegalStateException("nIter not set");
            }
            return new SearchSettings(
                    sampler,
                    nIter,
                    cv,
                    validationSplit,
                    seed,
                    scoring,
                    budget,
                    scheduler,
                    checkpointDir,
                    deterministicBatch);
        }
    }
}
