package io.sparktune.worker;

import io.sparktune.worker.data.DataRef;
import java.nio.file.Path;

/** The real Fashion-MNIST files (Debian package {@code dataset-fashion-mnist}) for tests. */
public final class FashionMnist {
    public static final Path DIR =
            Path.of(System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist"));

    private FashionMnist() {}

    public static Path trainImages() {
        return DIR.resolve("train-images-idx3-ubyte.gz");
    }

    public static Path trainLabels() {
        return DIR.resolve("train-labels-idx1-ubyte.gz");
    }

    public static Path testImages() {
        return DIR.resolve("t10k-images-idx3-ubyte.gz");
    }

    public static Path testLabels() {
        return DIR.resolve("t10k-labels-idx1-ubyte.gz");
    }

    /**
     * A spec's {@code data:} block (YAML, no final line break: a {@code %s} line of a spec's text block) naming the
     * real
     * training and test files, with the first {@code limit} training examples only (0: all).
     */
    public static String specData(int limit) {
        return specTrainData(limit) + "\n  test: {images: %s, labels: %s}".formatted(testImages(), testLabels());
    }

    /** {@link #specData(int)} without the test files. */
    public static String specTrainData(int limit) {
        String data = "data:\n  format: idx\n  train: {images: %s, labels: %s}".formatted(trainImages(), trainLabels());
        return limit > 0 ? data + "\n  limit: " + limit : data;
    }

    public static DataRef train(int limit) {
        return DataRef.idx(trainImages().toString(), trainLabels().toString(), limit);
    }

    public static DataRef test(int limit) {
        return DataRef.idx(testImages().toString(), testLabels().toString(), limit);
    }
}
