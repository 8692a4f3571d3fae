package io.sparktune.space.searchspec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The schedulers {@code search.scheduler} may name; each has its settings record in {@link SchedulerSettings}. */
public enum SchedulerKind {
    FIFO,
    ASHA,
    MEDIAN;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return Arrays.stream(values()).map(SchedulerKind::specName).toList();
    }

    /** The kind named {@code specName} in a spec (one of {@link #specNames()}). */
    public static SchedulerKind fromSpecName(String specName) {
        return valueOf(specName.toUpperCase(Locale.ROOT));
    }
}
