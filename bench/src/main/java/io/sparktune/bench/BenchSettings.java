package io.sparktune.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark suites run on: the Fashion-MNIST training files, the epoch suite's example count and batch
 * sizes, repeats per measurement, the overhead suite's trial count, the seed workload spec for {@code quality}, and a
 * scratch directory for the searches' run directories.
 */
public record BenchSettings(
        String images,
        String labels,
        int epochExamples,
        List<Integer> epochBatchSizes,
        int repeats,
        int overheadTrials,
        int scalingTrials,
        Path seedSpec,
        Path scratch) {
    public BenchSettings {
        if (repeats < 1 || overheadTrials < 1 || scalingTrials < 1 || epochExamples < 1) {
            throw new IllegalArgumentException("repeats, trials and examples must be >= 1");
        }
        epochBatchSizes = List.copyOf(epochBatchSizes);
    }

    /**
     * A classification spec named {@code name} on the first {@code limit} training images; {@code rest} is its YAML
     * from {@code search:} on.
     */
    String spec(String name, int limit, String rest) {
        return """
                name: %s
                task: classification
                data:
                  format: idx
                  train: {images: %s, labels: %s}
                  limit: %d
                """.formatted(name, images, labels, limit) + rest;
    }
}
