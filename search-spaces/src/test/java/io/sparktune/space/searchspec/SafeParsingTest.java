package io.sparktune.space.searchspec;

import static io.sparktune.space.searchspec.TestSpecs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or malformed documents fail fast with one clear line. */
class SafeParsingTest {
    @TempDir
    Path dir;

    @Test
    void duplicateKeysAreRejected() throws IOException {
        String text = TestSpecs.yaml(TestSpecs.withDataFiles(dir), "dropout: 0.1\nl2: 0.0\ndropout: 0.2");

        assertEquals(List.of("space.dropout: duplicate key"), problems(text));
        assertEquals(List.of("name: duplicate key"), problems("name: a\nname: b\n"));
        assertEquals(
                List.of("search.seed: duplicate key"),
                problems("{\"search\": {\"seed\": 1, \"n_iter\": 2, \"seed\": 3}}"));
    }

    @Test
    void billionLaughsFailsFastWithOneLine() {
        StringBuilder text =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String previous = "*" + (char) (c - 1);
            text.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problems(text.toString()));

        assertEquals(List.of("a: YAML anchors and aliases are not supported (found &a)"), problems);
    }

    @Test
    void aliasesAreNotSilentlyTurnedIntoStrings() {
        // Jackson would read *lr as the string "lr"
        assertEquals(
                List.of("space.learning_rate: YAML anchors and aliases are not supported (found *lr)"),
                problems("space:\n  learning_rate: *lr\n"));
    }

    @Test
    void nonCoreTagsAreRejected() {
        assertEquals(
                List.of("name: YAML tags are not supported (found !!java.net.URL)"),
                problems("name: !!java.net.URL [\"http://example.com\"]\n"));
        assertEquals(List.of("task: YAML tags are not supported (found !custom)"), problems("task: !custom x\n"));
    }

    @Test
    void deepNestingIsRejected() {
        String text = "name: " + "[".repeat(200) + "]".repeat(200) + "\n";

        List<String> problems = problems(text);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).endsWith(": nested more than 50 levels deep"), problems.get(0));
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        assertEquals(
                List.of("space.dropout.uniform[1]: must be finite (got .nan)"),
                problems("space:\n  dropout: {uniform: [0, .nan]}\n"));
        assertEquals(List.of("space.l2: must be finite (got -.inf)"), problems("space:\n  l2: -.inf\n"));
    }

    @Test
    void oversizedDocumentsAreRejectedBeforeParsing(@TempDir Path tmp) throws IOException {
        String big = "name: x\n# " + "x".repeat(SpecDocument.MAX_SIZE) + "\n";
        Path file = tmp.resolve("big.yaml");
        Files.writeString(file, big);

        assertEquals(
                List.of("test.yaml: too large (" + big.length() + " characters; the limit is 1048576)"), problems(big));
        assertEquals(
                List.of(file + ": too large (" + big.length() + " bytes; the limit is 1048576)"),
                assertThrows(SpecException.class, () -> SpecParser.parse(file)).problems());
    }

    @Test
    void documentLevelProblemsNameTheSource(@TempDir Path tmp) {
        assertEquals(
                List.of("test.yaml: empty document (expected a mapping with name, task, data, search, space)"),
                problems("# nothing\n"));
        assertEquals(List.of("test.yaml: must be a mapping (got a list)"), problems("- 1\n- 2\n"));
        assertEquals(
                List.of("test.yaml: more than one document (a spec is a single mapping)"),
                problems("name: a\n---\nname: b\n"));
        assertEquals(List.of("test.yaml:1:8: mapping values are not allowed here"), problems("name: a: b\n"));
        Path missing = tmp.resolve("nope.yaml");
        assertEquals(
                List.of(missing + ": file not found"),
                assertThrows(SpecException.class, () -> SpecParser.parse(missing))
                        .problems());
    }

    @Test
    void invalidUtf8IsRejected(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});

        assertEquals(
                List.of(file + ": not UTF-8 text"),
                assertThrows(SpecException.class, () -> SpecParser.parse(file)).problems());
    }
}
