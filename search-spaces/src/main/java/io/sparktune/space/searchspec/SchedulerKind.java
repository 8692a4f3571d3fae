package io.sparktune.space.searchspec;

import io.sparktune.space.SpecNames;
import java.util.List;

/** The schedulers {@code search.scheduler} may name; each has its settings record in {@link SchedulerSettings}. */
public enum SchedulerKind {
    FIFO,
    ASHA,
    MEDIAN;

    public String specName() {
        return SpecNames.of(this);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return SpecNames.of(values());
    }

    /** The kind named {@code specName} in a spec (one of {@link #specNames()}). */
    public static SchedulerKind fromSpecName(String specName) {
        return SpecNames.find(values(), specName, "scheduler");
    }
}
