package io.sparktune.space.searchspec;

import java.util.Locale;

/** File formats the worker can read. */
public enum DataFormat {
    /** MNIST layout: an images file and a labels file, gzipped or not. */
    IDX,
    /** A header row, a named label column, every other column a numeric feature; gzipped or not. */
    CSV;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
