package io.sparktune.worker.data;

import io.sparktune.space.searchspec.DataFiles;
import io.sparktune.space.searchspec.DataFormat;
import io.sparktune.space.searchspec.DataSpec;
import io.sparktune.space.searchspec.Task;
import java.io.IOException;

/**
 * Where one dataset is and how to read it, as the worker sees it: IDX images + labels files, or a CSV file with its
 * label column; at most {@code limit} examples (0 = all); whether each split's features are standardized with its
 * training rows' statistics ({@link DataSpec#standardize}). Plain values so it travels to executors as JSON, and the
 * key of the per-JVM {@link DataCache}.
 */
public record DataRef(
        DataFormat format,
        String images,
        String labels,
        String path,
        String labelColumn,
        int skipRows,
        boolean categorical,
        int limit,
        boolean standardize) {
    public DataRef {
        if (limit < 0 || skipRows < 0) {
            throw new IllegalArgumentException("limit and skipRows must be >= 0, got " + limit + ", " + skipRows);
        }
    }

    /** IDX files, standardized as a spec that does not say otherwise. */
    public static DataRef idx(String images, String labels, int limit) {
        return new DataRef(DataFormat.IDX, images, labels, null, null, 0, true, limit, DataSpec.STANDARDIZE_BY_DEFAULT);
    }

    /** A CSV file, standardized as a spec that does not say otherwise. */
    public static DataRef csv(String path, String labelColumn, int skipRows, boolean categorical, int limit) {
        return new DataRef(
                DataFormat.CSV,
                null,
                null,
                path,
                labelColumn,
                skipRows,
                categorical,
                limit,
                DataSpec.STANDARDIZE_BY_DEFAULT);
    }

    /** This data with standardization on or off. */
    public DataRef withStandardize(boolean on) {
        return new DataRef(format, images, labels, path, labelColumn, skipRows, categorical, limit, on);
    }

    /**
     * {@code files} (the spec's {@code data.train} or {@code data.test}) read as the spec says, at most {@code limit}
     * examples.
     */
    public static DataRef of(DataSpec data, DataFiles files, Task task, int limit) {
        DataRef ref = data.format() == DataFormat.CSV
                ? csv(files.path(), data.label().orElseThrow(), data.skipRows(), task == Task.CLASSIFICATION, limit)
                : idx(files.images(), files.labels(), limit);
        return ref.withStandardize(data.standardize());
    }

    LabeledData read() throws IOException {
        return format == DataFormat.CSV
                ? CsvReader.read(path, labelColumn, skipRows, categorical, limit)
                : IdxReader.read(images, labels, limit);
    }

    /** The files' modification times, so the cache notices a changed file. */
    String version() throws IOException {
        return format == DataFormat.CSV
                ? String.valueOf(HadoopFiles.modificationTime(path))
                : HadoopFiles.modificationTime(images) + "/" + HadoopFiles.modificationTime(labels);
    }
}
