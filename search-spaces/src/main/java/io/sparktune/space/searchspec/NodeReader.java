package io.sparktune.space.searchspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;

/**
 * Typed reads of spec tree nodes. A read that fails records a problem and returns {@code null}; callers carry on so
 * that every problem of a spec is found in one pass, and nothing is built unless no problem was found.
 */
final class NodeReader {
    private static final int MAX_SHOWN_TEXT = 60;

    private final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    /** The value under {@code key}, or null if {@code parent} is null, the key is absent or its value is null. */
    static JsonNode child(JsonNode parent, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        return node == null || node.isNull() ? null : node;
    }

    /** The path of {@code key} inside {@code parentPath}, e.g. {@code search.n_iter}. */
    static String join(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    /** How a node is shown after "got": strings quoted, numbers as written, containers by kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String shown = text.length() <= MAX_SHOWN_TEXT ? text : text.substring(0, MAX_SHOWN_TEXT) + "...";
            return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return node.asText();
    }

    /** "a, b or c". */
    static String orList(List<String> words) {
        int last = words.size() - 1;
        return last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " or " + words.get(last);
    }

    /** Records an unknown key, suggesting the closest allowed one when it looks like a typo. */
    void unknownKey(String path, String key, List<String> allowed) {
        problems.add(
                path,
                DidYouMean.closest(key, allowed)
                        .map(suggestion -> "unknown key (did you mean '" + suggestion + "'?)")
                        .orElse("unknown key (expected one of " + String.join(", ", allowed) + ")"));
    }

    /** Records every key of {@code mapping} that is not in {@code allowed}. */
    void checkKeys(JsonNode mapping, String path, List<String> allowed) {
        for (Iterator<String> keys = mapping.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                unknownKey(join(path, key), key, allowed);
            }
        }
    }

    /**
     * The mapping under {@code key} with its keys checked. If the key is absent: a problem and null when
     * {@code required}, else {@link MissingNode} (every field of which reads as absent). Null if not a mapping.
     */
    JsonNode section(JsonNode parent, String parentPath, String key, boolean required, List<String> keys) {
        String path = join(parentPath, key);
        JsonNode node = child(parent, key);
        if (node == null) {
            if (required) {
                problems.add(path, "required");
                return null;
            }
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            problems.add(path, "must be a mapping (got " + describe(node) + ")");
            return null;
        }
        checkKeys(node, path, keys);
        return node;
    }

    /** The value under {@code key}, or null and a "required" problem if there is none. */
    JsonNode required(JsonNode parent, String parentPath, String key) {
        JsonNode node = child(parent, key);
        if (node == null) {
            problems.add(join(parentPath, key), "required");
        }
        return node;
    }

    /** A non-blank string. */
    String string(JsonNode node, String path) {
        if (!node.isTextual()) {
            problems.add(path, "must be a string (got " + describe(node) + ")");
            return null;
        }
        if (node.textValue().isBlank()) {
            problems.add(path, "must not be empty");
            return null;
        }
        return node.textValue();
    }

    /** A string that is one of {@code allowed}. */
    String oneOf(JsonNode node, String path, List<String> allowed) {
        String value = string(node, path);
        if (value != null && !allowed.contains(value)) {
            problems.add(path, "unknown value '" + value + "' (expected one of " + String.join(", ", allowed) + ")");
            return null;
        }
        return value;
    }

    /** {@code true} or {@code false}. */
    Boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            problems.add(path, "must be true or false (got " + describe(node) + ")");
            return null;
        }
        return node.booleanValue();
    }

    /** An integer in [min, max]. */
    Integer integer(JsonNode node, String path, int min, int max) {
        if (!node.isIntegralNumber()) {
            problems.add(path, "must be an integer (got " + describe(node) + ")");
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            problems.add(path, "must be ≥ " + min + " (got " + value + ")");
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(path, "must be ≤ " + max + " (got " + value + ")");
            return null;
        }
        return value.intValue();
    }

    /** Any 64-bit integer. */
    Long longInteger(JsonNode node, String path) {
        if (!node.isIntegralNumber()) {
            problems.add(path, "must be an integer (got " + describe(node) + ")");
            return null;
        }
        if (!node.canConvertToLong()) {
            problems.add(path, "must fit in 64 bits (got " + describe(node) + ")");
            return null;
        }
        return node.longValue();
    }

    /** A finite number, integer or not. */
    Double real(JsonNode node, String path) {
        if (!node.isNumber()) {
            problems.add(path, "must be a number (got " + describe(node) + ")");
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            problems.add(path, "must be finite (got " + describe(node) + ")");
            return null;
        }
        return value;
    }

    /** A plain value: Integer, Double (finite), String or Boolean, as written. */
    Object scalar(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return integer(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (node.isNumber()) {
            return real(node, path);
        }
        problems.add(path, "must be a number, string or boolean (got " + describe(node) + ")");
        return null;
    }
}
