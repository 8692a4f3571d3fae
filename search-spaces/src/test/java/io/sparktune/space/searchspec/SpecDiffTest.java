package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines a refused resume prints for changed sampler and scheduler settings. */
class SpecDiffTest {
    private static SearchSpec with(String searchLines) throws Exception {
        String text = Files.readString(Path.of("../examples/fashion-mlp.yaml"))
                .replace("  sampler: random\n", "")
                .replace(searchLines.contains("n_iter") ? "  n_iter: 10\n" : "\0", "")
                .replace("  seed: 42", "  seed: 42\n" + searchLines);
        return SpecParser.parse(text, "d.yaml");
    }

    @Test
    void namesSamplerChangesAndTheirOptions() throws Exception {
        SearchSpec random = with("  sampler: random");
        assertEquals(List.of(), SpecDiff.between(random, with("")));
        assertEquals(List.of("search.sampler: random → tpe"), SpecDiff.between(random, with("  sampler: tpe")));
        assertEquals(
                List.of(
                        "search.sampler: random → tpe",
                        "search.n_iter: 10 → 12",
                        "search.sampler_options.n_startup: 10 → 3"),
                SpecDiff.between(random, with("  sampler: tpe\n  n_startup: 3\n  n_iter: 12")));
        assertEquals(
                List.of(
                        "search.sampler: tpe → grid",
                        "search.sampler_options.grid_points: 0 → 4",
                        "search.sampler_options.max_grid: 10000 → 50000",
                        "search.sampler_options.n_startup: 3 → 10"),
                SpecDiff.between(
                        with("  sampler: tpe\n  n_startup: 3"),
                        with("  sampler: grid\n  grid_points: 4\n  max_grid: 50000")));
    }

    @Test
    void namesSchedulerChangesAndTheirOptions() throws Exception {
        SearchSpec fifo = with("");
        assertEquals(List.of("search.scheduler.name: fifo → asha"), SpecDiff.between(fifo, with("  scheduler: asha")));
        assertEquals(
                List.of("search.scheduler.name: fifo → asha", "search.scheduler.reduction_factor: 3 → 4"),
                SpecDiff.between(fifo, with("  scheduler: asha\n  asha: {reduction_factor: 4}")));
        assertEquals(
                List.of(
                        "search.scheduler.name: asha → median",
                        "search.scheduler.min_epochs: 2 → 1",
                        "search.scheduler.warmup_epochs: 1 → 3",
                        "search.scheduler.min_trials: 3 → 5"),
                SpecDiff.between(
                        with("  scheduler: asha\n  asha: {min_epochs: 2}"),
                        with("  scheduler: median\n  median: {warmup_epochs: 3, min_trials: 5}")));
        assertEquals(
                List.of("search.scheduler.min_trials: 3 → 5"),
                SpecDiff.between(with("  scheduler: median"), with("  scheduler: median\n  median: {min_trials: 5}")));
    }
}
