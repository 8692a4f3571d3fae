package io.sparktune.space;

import java.util.List;

/**
 * The values of {@link HyperParameter#LR_SCHEDULE}, the learning rate per epoch: constant, {@code lr·rate^epoch},
 * {@code lr·rate^⌊epoch/epochs⌋}, or a cosine decay.
 */
public enum LrSchedule {
    NONE,
    EXPONENTIAL,
    STEP,
    COSINE;

    public String specName() {
        return SpecNames.of(this);
    }

    /** Every spec name, in declaration order. */
    public static List<String> specNames() {
        return SpecNames.of(values());
    }

    /** The schedule a spec or candidate names {@code specName}. */
    public static LrSchedule fromSpecName(String specName) {
        return SpecNames.find(values(), specName, "learning-rate schedule");
    }
}
