package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerSpecTest {
    private static String with(String searchLines) throws Exception {
        return Files.readString(Path.of("../examples/fashion-mlp.yaml"))
                .replace("  seed: 42", "  seed: 42\n" + searchLines);
    }

    @Test
    void readsAshaWithItsRungsAndDefaultsToFifo() throws Exception {
        assertEquals(
                new SchedulerSettings.Asha(2, 4),
                SpecParser.parse(with("  scheduler: asha\n  asha: {min_epochs: 2, reduction_factor: 4}"), "s.yaml")
                        .search()
                        .scheduler());
        assertEquals(
                SchedulerSettings.DEFAULT,
                SpecParser.parse(Path.of("../examples/fashion-mlp.yaml"))
                        .search()
                        .scheduler());
    }

    @Test
    void reportsSchedulerMistakes() throws Exception {
        assertEquals(
                List.of(
                        "search.asha.min_epochs: must be ≤ training.max_epochs (got 30 > 20)",
                        "search.asha.reduction_factor: must be ≥ 2 (got 1)"),
                TestSpecs.problems(with("  scheduler: asha\n  asha: {min_epochs: 30, reduction_factor: 1}")).stream()
                        .sorted()
                        .toList());
        assertEquals(
                List.of("search.asha: only used by scheduler asha"),
                TestSpecs.problems(with("  asha: {min_epochs: 2}")));
        assertEquals(
                new SchedulerSettings.Median(2, 5),
                SpecParser.parse(with("  scheduler: median\n  median: {warmup_epochs: 2, min_trials: 5}"), "m.yaml")
                        .search()
                        .scheduler());
        assertEquals(
                List.of("search.median: only used by scheduler median"),
                TestSpecs.problems(with("  scheduler: asha\n  median: {min_trials: 2}")));
        assertEquals(
                List.of("search.scheduler: unknown value 'hyperband' (expected one of fifo, asha, median)"),
                TestSpecs.problems(with("  scheduler: hyperband")));
    }

    @Test
    void readsTheCheckpointDirectoryAndRefusesItsChangeOnResume() throws Exception {
        SearchSpec spec = SpecParser.parse(with("  scheduler: asha\n  checkpoint_dir: hdfs://nn/ckpt"), "c.yaml");
        assertEquals("hdfs://nn/ckpt", spec.search().checkpointDir());
        assertEquals(
                null,
                SpecParser.parse(Path.of("../examples/fashion-mlp.yaml"))
                        .search()
                        .checkpointDir());
        assertEquals(
                List.of("search.checkpoint_dir: must not be empty"), TestSpecs.problems(with("  checkpoint_dir: ' '")));
        SearchSpec moved = SpecParser.parse(with("  scheduler: asha\n  checkpoint_dir: s3a://b/ckpt"), "c.yaml");
        assertEquals(List.of("search.checkpoint_dir: hdfs://nn/ckpt → s3a://b/ckpt"), SpecDiff.between(spec, moved));
    }

    @Test
    void readsDeterministicWithItsBatchSize() throws Exception {
        assertEquals(
                0,
                SpecParser.parse(Path.of("../examples/fashion-mlp.yaml"))
                        .search()
                        .deterministicBatch());
        SearchSettings on =
                SpecParser.parse(with("  deterministic: true"), "d.yaml").search();
        assertEquals(SearchSettings.DEFAULT_DETERMINISTIC_BATCH, on.deterministicBatch());
        assertEquals(true, on.deterministic());
        assertEquals(
                2,
                SpecParser.parse(with("  deterministic: true\n  deterministic_batch: 2"), "d.yaml")
                        .search()
                        .deterministicBatch());
        assertEquals(
                0,
                SpecParser.parse(with("  deterministic: false"), "d.yaml")
                        .search()
                        .deterministicBatch());
        assertEquals(
                List.of("search.deterministic_batch: only used with deterministic: true"),
                TestSpecs.problems(with("  deterministic_batch: 2")));
        assertEquals(
                List.of("search.deterministic: must be true or false (got \"maybe\")"),
                TestSpecs.problems(with("  deterministic: maybe")));
        assertEquals(
                List.of("search.deterministic_batch: must be ≥ 1 (got 0)"),
                TestSpecs.problems(with("  deterministic: true\n  deterministic_batch: 0")));
    }
}
