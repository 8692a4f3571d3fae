package io.sparktune.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktune.space.searchspec.DataFiles;
import io.sparktune.space.searchspec.DataFormat;
import io.sparktune.space.searchspec.DataSpec;
import io.sparktune.space.searchspec.Task;
import io.sparktune.worker.FashionMnist;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spec's {@code data.standardize} reaches the worker, and does not make an executor read its files twice. */
class DataRefTest {

    @Test
    void carriesTheSpecsStandardization() {
        DataFiles files = DataFiles.idx(
                FashionMnist.trainImages().toString(),
                FashionMnist.trainLabels().toString());
        for (boolean standardize : new boolean[] {true, false}) {
            DataSpec spec = new DataSpec(
                    DataFormat.IDX, files, Optional.empty(), Optional.empty(), Optional.empty(), 0, standardize);
            DataRef ref = DataRef.of(spec, files, Task.CLASSIFICATION, 100);
            assertEquals(standardize, ref.standardize());
        }
    }

    @Test
    void bothSettingsShareTheRowsRead() throws IOException {
        DataRef standardized = FashionMnist.train(300);
        DataRef asRead = standardized.withStandardize(false);
        assertTrue(standardized.standardize());
        assertFalse(asRead.standardize());
        assertSame(DataCache.load(standardized), DataCache.load(asRead));
    }
}
