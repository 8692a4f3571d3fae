package io.sparktune.space.spec;

import java.util.Optional;

/**
 * Where the examples are. {@code limit} keeps only the first N training examples (for cheap searches);
 * {@code test} is optional and used by retrain/evaluate, never by the search itself. For CSV, {@code label} names the
 * label column and {@code skipRows} lines are skipped before the header (pandas' {@code skiprows}).
 */
public record DataSpec(DataFormat format, DataFiles train, Optional<DataFiles> test, Optional<Integer> limit,
                       Optional<String> label, int skipRows) {

    /** IDX data: no label column, nothing skipped. */
    public DataSpec(DataFormat format, DataFiles train, Optional<DataFiles> test, Optional<Integer> limit) {
        this(format, train, test, limit, Optional.empty(), 0);
    }
}
