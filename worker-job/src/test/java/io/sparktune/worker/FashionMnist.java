package io.sparktune.worker;

import io.sparktune.worker.data.DataRef;
import java.nio.file.Path;

/** The real Fashion-MNIST files (Debian package {@code dataset-fashion-mnist}) for tests. */
public final class FashionMnist {
    public static final Path DIR = Path.of(System.getProperty("fashion.mnist.dir", "/usr/share/datasets/fashion-mnist"));

    private FashionMnist() {
    }

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

    /** A spec's {@code data:} block (YAML) naming the real training and test files. */
    public static String specData() {
        return """
                data:
                  format: idx
                  train: {images: %s, labels: %s}
                  test: {images: %s, labels: %s}
                """.formatted(trainImages(), trainLabels(), testImages(), testLabels());
    }

    public static DataRef train(int limit) {
        return DataRef.idx(trainImages().toString(), trainLabels().toString(), limit);
    }

    public static DataRef test(int limit) {
        return DataRef.idx(testImages().toString(), testLabels().toString(), limit);
    }
}
