package io.sparktune.space.spec;

import java.util.Optional;

/**
 * Where the examples are. {@code limit} keeps only the first N training examples (for cheap searches);
 * {@code test} is optional and used by retrain/evaluate, never by the search itself.
 */
public record DataSpec(DataFormat format, DataFiles train, Optional<DataFiles> test, Optional<Integer> limit) {
}
