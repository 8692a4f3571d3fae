package io.sparktune.space.spec;

import java.util.Locale;

/** File formats the worker can read. */
public enum DataFormat {
    IDX;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
