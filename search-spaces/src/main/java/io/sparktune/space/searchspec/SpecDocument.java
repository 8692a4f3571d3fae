package io.sparktune.space.searchspec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns spec text (YAML, or JSON when the source ends in {@code .json} or the text starts with <code>{</code>)
 * into a tree, safely: size limits, duplicate keys rejected, and {@link TokenGuard}'s checks before any tree is built.
 * Jackson builds plain nodes only; nothing named in a document is ever loaded as a class.
 */
final class SpecDocument {
    /** Largest accepted spec, in characters (and in bytes for files). */
    static final int MAX_SIZE = 1 << 20;

    /** Jackson's own limits; nesting one level above TokenGuard's so that its clearer message comes first. */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(TokenGuard.MAX_DEPTH + 1)
            .maxStringLength(MAX_SIZE)
            .maxNumberLength(100)
            .build();

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private SpecDocument() {}

    /** The document's top-level mapping. */
    static JsonNode read(String text, String sourceName) throws SpecException {
        if (text.length() > MAX_SIZE) {
            throw Problems.single(
                    sourceName, "too large (" + text.length() + " characters; the limit is " + MAX_SIZE + ")");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ObjectMapper mapper = isJson(body, sourceName) ? JSON : YAML;
        JsonNode root;
        try (JsonParser guarded = mapper.createParser(body);
                JsonParser parser = mapper.createParser(body)) {
            scan(guarded, sourceName);
            root = mapper.readTree(parser);
        } catch (IOException e) {
            throw Problems.single(sourceName, "could not be read (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw Problems.single(
                    sourceName, "empty document (expected a mapping with name, task, data, search, space)");
        }
        if (!root.isObject()) {
            throw Problems.single(sourceName, "must be a mapping (got " + NodeReader.describe(root) + ")");
        }
        return root;
    }

    private static boolean isJson(String body, String sourceName) {
        return sourceName.toLowerCase(Locale.ROOT).endsWith(".json")
                || body.stripLeading().startsWith("{");
    }

    private static void scan(JsonParser parser, String sourceName) throws SpecException, IOException {
        try {
            TokenGuard.scan(parser, sourceName);
        } catch (JsonProcessingException e) {
            throw syntaxProblem(e, parser, sourceName);
        }
    }

    /** One line: the duplicated key's path, or {@code source:line:column: what is wrong}. */
    private static SpecException syntaxProblem(JsonProcessingException e, JsonParser parser, String sourceName) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field '")) {
            return Problems.single(TokenGuard.pathOf(parser.getParsingContext()), "duplicate key");
        }
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return Problems.single(
                    sourceName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1),
                    firstLine(yaml.getProblem()));
        }
        JsonLocation location = e.getLocation();
        String where =
                location == null ? sourceName : sourceName + ":" + location.getLineNr() + ":" + location.getColumnNr();
        return Problems.single(where, firstLine(message));
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static LoaderOptions loaderOptions() {
        // Jackson streams events and never composes nodes, so these mostly back up TokenGuard
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(TokenGuard.MAX_DEPTH);
        options.setCodePointLimit(MAX_SIZE);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        return options;
    }
}
