package io.sparktune.driver;

import io.sparktune.space.searchspec.SchedulerSettings;
import io.sparktune.space.searchspec.SearchSpec;

/** Creates the scheduler a spec asks for. */
public final class Schedulers {

    private Schedulers() {}

    /** The scheduler of {@code spec.search().scheduler()}, bounded by {@code training.max_epochs}. */
    public static TrialScheduler forSpec(SearchSpec spec) {
        SchedulerSettings settings = spec.search().scheduler();
        int maxEpochs = spec.training().maxEpochs();
        // each kind belongs to one record (SchedulerSettings.kind), so the casts cannot fail
        return switch (settings.kind()) {
            case FIFO -> TrialScheduler.fifo();
            case ASHA -> {
                SchedulerSettings.Asha asha = (SchedulerSettings.Asha) settings;
                yield new AshaScheduler(asha.minEpochs(), maxEpochs, asha.reductionFactor());
            }
            case MEDIAN -> {
                SchedulerSettings.Median median = (SchedulerSettings.Median) settings;
                yield new MedianStoppingScheduler(maxEpochs, median.warmupEpochs(), median.minTrials());
            }
        };
    }
}
