package io.sparktune.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suites {@code overhead} and {@code memory}, from the same searches: many trials of about one second each (softmax
 * regression on 8,000 images, 2-fold CV, 24 epochs; the "1-second trials") on {@code local[2]} through the
 * real driver. Overhead is what the driver and Spark add: the search's wall time against the time the workers spent
 * in their tasks (the sum of {@code splits[].taskSeconds} divided by the parallelism, i.e. the wall time of a
 * dispatcher with no cost at all); the note says how much of a task was training ({@code fitSeconds}) and how much
 * preparing data, building the network and scoring. Memory is the resident size of the executor (the driver JVM in
 * local mode) after the first and the last trial of the first, cold search.
 */
final class OverheadBench {
    private static final String MASTER = "local[2]";

    private final BenchSettings settings;

    OverheadBench(BenchSettings settings) {
        this.settings = settings;
    }

    List<BenchRow> run(boolean overhead, boolean memory) throws Exception {
        Path spec = Files.writeString(settings.scratch().resolve("overhead.yaml"), spec(settings));
        List<SearchBench.Measurement> runs = new ArrayList<>();
        try (var dispatcher = SearchBench.dispatcher(MASTER, Map.of())) {
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                runs.add(SearchBench.run(dispatcher, spec, settings.scratch().resolve("overhead-" + repeat)));
            }
        }
        List<BenchRow> rows = new ArrayList<>();
        if (overhead) {
            rows.add(overheadRow(runs));
        }
        if (memory) {
            rows.addAll(memoryRows(runs));
        }
        return rows;
    }

    private BenchRow overheadRow(List<SearchBench.Measurement> runs) {
        Samples wall = Samples.of(
                runs.stream().map(SearchBench.Measurement::wallSeconds).toList());
        Samples ideal = Samples.of(
                runs.stream().map(m -> m.sumTaskSeconds() / m.parallelism()).toList());
        SearchBench.Measurement first = runs.get(0);
        int trials = first.trials().size();
        int splits = 2 * trials;
        String note = String.format(
                Locale.ROOT,
                "%d trials x 2 splits on %s, %d OK; per split (first run): %.0f ms task, of which %.0f ms training "
                        + "(early stopping and validation included); per trial: %.0f ms wall; repeat 1 is a cold JVM",
                trials,
                MASTER,
                first.okTrials(),
                first.sumTaskSeconds() / splits * 1e3,
                first.sumFitSeconds() / splits * 1e3,
                first.wallSeconds() / trials * 1e3);
        return new BenchRow(
                "overhead",
                "search wall, " + trials + " one-second trials",
                wall,
                BenchRow.Unit.SECONDS,
                "sum(taskSeconds) / parallelism",
                ideal,
                BenchRow.Target.atMost(1.03),
                note);
    }

    private static List<BenchRow> memoryRows(List<SearchBench.Measurement> runs) {
        SearchBench.Measurement cold = runs.get(0);
        SearchBench.Measurement last = runs.get(runs.size() - 1);
        List<BenchRow> rows = new ArrayList<>();
        rows.add(new BenchRow(
                "memory",
                "executor RSS after trial " + cold.rssAfterTrial().size(),
                Samples.of(lastOf(cold.rssAfterTrial())),
                BenchRow.Unit.MEGABYTES,
                "after trial 1",
                Samples.of(cold.rssAfterTrial().get(0)),
                BenchRow.Target.atMost(1.10),
                "local mode: the executor is the driver JVM (VmRSS); one cold search; " + heapNote(cold, cold)));
        if (runs.size() > 1) {
            int total = runs.stream().mapToInt(m -> m.rssAfterTrial().size()).sum();
            rows.add(new BenchRow(
                    "memory",
                    "executor RSS after trial " + total + " (same JVM, repeats)",
                    Samples.of(lastOf(last.rssAfterTrial())),
                    BenchRow.Unit.MEGABYTES,
                    "after trial 1",
                    Samples.of(cold.rssAfterTrial().get(0)),
                    BenchRow.Target.atMost(1.10),
                    "longer run of the same JVM; " + heapNote(cold, last)));
        }
        return rows;
    }

    /** The committed Java heap at the first and the last trial: RSS growth that is only heap growth is no leak. */
    private static String heapNote(SearchBench.Measurement first, SearchBench.Measurement last) {
        return String.format(
                Locale.ROOT,
                "committed heap %d MB → %d MB",
                first.heapAfterTrial().get(0) >> 20,
                lastOf(last.heapAfterTrial()) >> 20);
    }

    private static long lastOf(List<Long> values) {
        return values.get(values.size() - 1);
    }

    static String spec(BenchSettings settings) {
        return settings.spec("bench-overhead", 8000, """
                search: {sampler: random, n_iter: %d, cv: 2, seed: 1}
                space:
                  n_hidden: 0
                  learning_rate: {loguniform: [1.0e-3, 1.0e-2]}
                  optimizer: adam
                training: {max_epochs: 24, patience: 24, batch_size: 64}
                """.formatted(settings.overheadTrials()));
    }
}
