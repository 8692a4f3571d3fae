package io.sparktune.space.searchspec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and validates a search spec (YAML or JSON). Every problem is collected before anything is thrown, so a
 * {@link SpecException} lists all that is wrong with a spec, each as {@code path: message}.
 *
 * <p>Parsing is defensive: documents over 1 MB, duplicate keys, YAML anchors/aliases and non-core tags, and deep
 * nesting are rejected; the document becomes a plain tree and no class named in it is ever loaded.
 */
public final class SpecParser {

    private SpecParser() {}

    /** Parses the spec in {@code file} (UTF-8; JSON if its name ends in {@code .json}, else YAML). */
    public static SearchSpec parse(Path file) throws SpecException {
        return parse(readText(file), file.toString());
    }

    /**
     * Parses spec text. {@code sourceName} names it in problems and decides the format: JSON if it ends in
     * {@code .json} or the text starts with <code>{</code>, else YAML.
     */
    public static SearchSpec parse(String text, String sourceName) throws SpecException {
        return new SpecReader().read(SpecDocument.read(text, sourceName));
    }

    private static String readText(Path file) throws SpecException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw Problems.single(source, Files.exists(file) ? "not a regular file" : "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit rather than trusting the size reported before reading
            byte[] bytes = in.readNBytes(SpecDocument.MAX_SIZE + 1);
            if (bytes.length > SpecDocument.MAX_SIZE) {
                throw Problems.single(
                        source,
                        "too large (" + Files.size(file) + " bytes; the limit is " + SpecDocument.MAX_SIZE + ")");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problems.single(source, "not UTF-8 text");
        } catch (IOException e) {
            throw Problems.single(source, "could not be read (" + e.getMessage() + ")");
        }
    }
}
