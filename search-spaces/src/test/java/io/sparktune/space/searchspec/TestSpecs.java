package io.sparktune.space.searchspec;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Spec texts for tests, with data files created in a temporary directory. */
final class TestSpecs {
    private TestSpecs() {}

    /** Creates {@code images.gz} and {@code labels.gz} in {@code dir} and returns {@code dir}. */
    static Path withDataFiles(Path dir) throws IOException {
        Files.write(dir.resolve("images.gz"), new byte[] {1});
        Files.write(dir.resolve("labels.gz"), new byte[] {2});
        return dir;
    }

    /** A valid spec reading {@code dir}'s data files, with {@code space} as the space section's body. */
    static String yaml(Path dir, String space) {
        return """
                name: test
                task: regression
                data:
                  format: idx
                  train: {images: %1$s/images.gz, labels: %1$s/labels.gz}
                search:
                  n_iter: 5
                space:
                %2$s
                """.formatted(dir, space.indent(2).stripTrailing());
    }

    /** The problems reported for {@code text}; fails if it parses. */
    static List<String> problems(String text) {
        return assertThrows(SpecException.class, () -> SpecParser.parse(text, "test.yaml"))
                .problems();
    }
}
