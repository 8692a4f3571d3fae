package io.sparktune.worker.data;

import io.sparktune.space.spec.DataFiles;

/**
 * Where one dataset is, as the worker sees it: an IDX images file and its labels file, and an optional limit on the
 * number of examples read (0 = all). Plain strings so it travels to executors as JSON.
 */
public record DataRef(String images, String labels, int limit) {
    public DataRef {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
    }

    /** The files of a spec's {@code data.train} or {@code data.test}, reading at most {@code limit} examples (0 = all). */
    public static DataRef of(DataFiles files, int limit) {
        return new DataRef(files.images(), files.labels(), limit);
    }
}
