package io.sparktune.space.searchspec;

import java.util.Optional;

/**
 * Where the examples are. {@code limit} keeps only the first N training examples (for cheap searches);
 * {@code test} is optional and used by retrain/evaluate, never by the search itself. For CSV, {@code label} names the
 * label column and {@code skipRows} lines are skipped before the header (pandas' {@code skiprows}).
 * {@code standardize} (the default) scales each feature to mean 0 and standard deviation 1 with the statistics of the
 * training rows of each split, as scikit-learn's {@code StandardScaler} in a {@code Pipeline}; without it CSV values
 * are used as they are and IDX pixels as read, in [0, 1].
 */
public record DataSpec(
        DataFormat format,
        DataFiles train,
        Optional<DataFiles> test,
        Optional<Integer> limit,
        Optional<String> label,
        int skipRows,
        boolean standardize) {

    /** Whether features are standardized when the spec does not say. */
    public static final boolean STANDARDIZE_BY_DEFAULT = true;

    /** IDX data: no label column, nothing skipped, standardized. */
    public DataSpec(DataFormat format, DataFiles train, Optional<DataFiles> test, Optional<Integer> limit) {
        this(format, train, test, limit, Optional.empty(), 0, STANDARDIZE_BY_DEFAULT);
    }
}
