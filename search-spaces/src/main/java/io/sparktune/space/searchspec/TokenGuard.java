package io.sparktune.space.searchspec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams through a spec document once, before any tree is built, and stops at the first construct a spec has no use
 * for: YAML anchors and aliases (Jackson would silently turn {@code *x} into the string {@code "x"}, and they are how
 * "billion laughs" documents grow), YAML tags other than the core ones (e.g. {@code !!java.lang.Runtime}), nesting
 * deeper than {@value #MAX_DEPTH}, {@code .inf}/{@code .nan}, and more than one document.
 */
final class TokenGuard {
    static final int MAX_DEPTH = 50;

    private static final String CORE_TAG = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|nan)", Pattern.CASE_INSENSITIVE);

    private TokenGuard() {}

    /** Reads every token of {@code parser}; returns normally if the document is acceptable. */
    static void scan(JsonParser parser, String sourceName) throws SpecException, IOException {
        int depth = 0;
        boolean seenDocument = false;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (depth == 0) {
                if (seenDocument) {
                    throw Problems.single(sourceName, "more than one document (a spec is a single mapping)");
                }
                seenDocument = true;
            }
            if (parser instanceof YAMLParser yaml) {
                checkYaml(yaml);
            }
            if (token.isStructStart() && ++depth > MAX_DEPTH) {
                throw Problems.single(
                        pathOf(parser.getParsingContext()), "nested more than " + MAX_DEPTH + " levels deep");
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT
                    && NON_FINITE.matcher(parser.getText()).matches()) {
                throw Problems.single(
                        pathOf(parser.getParsingContext()), "must be finite (got " + parser.getText() + ")");
            }
        }
    }

    private static void checkYaml(YAMLParser yaml) throws IOException, SpecException {
        if (yaml.isCurrentAlias()) {
            throw Problems.single(
                    pathOf(yaml.getParsingContext()),
                    "YAML anchors and aliases are not supported (found *" + yaml.getText() + ")");
        }
        Object anchor = yaml.getObjectId();
        if (anchor != null) {
            throw Problems.single(
                    pathOf(yaml.getParsingContext()),
                    "YAML anchors and aliases are not supported (found &" + anchor + ")");
        }
        String tag = yaml.getTypeId();
        if (tag != null && !(tag.startsWith(CORE_TAG) && CORE_TAGS.contains(tag.substring(CORE_TAG.length())))) {
            String shown = tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : "!" + tag;
            throw Problems.single(
                    pathOf(yaml.getParsingContext()), "YAML tags are not supported (found " + shown + ")");
        }
    }

    /** The spec path of the parser's position, e.g. {@code space.optimizer.choice[2]}; {@code (root)} at the top. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            // a just-opened array has no index yet (getCurrentIndex() would say 0)
            if (c.inArray() && c.hasCurrentIndex()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0 && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.length() == 0 ? "(root)" : path.toString();
    }
}
