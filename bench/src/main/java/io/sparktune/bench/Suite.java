package io.sparktune.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The benchmark suites, by their command-line names. {@code quality} takes many minutes and runs only when named. */
public enum Suite {
    EPOCH,
    OVERHEAD,
    MEMORY,
    SCALING,
    QUALITY;

    /** What {@code sparktune bench} runs without arguments: everything but {@code quality}. */
    public static Set<Suite> defaults() {
        return EnumSet.of(EPOCH, OVERHEAD, MEMORY, SCALING);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
