package io.sparktune.space.searchspec;

import java.util.ArrayList;
import java.util.List;

/** Collects {@code path: message} problems while a spec is read, so that all of them are reported at once. */
final class Problems {
    /** Longest line kept; a spec can hold long keys or strings, and a problem must stay readable. */
    private static final int MAX_LINE = 400;

    private final List<String> lines = new ArrayList<>();

    void add(String path, String message) {
        lines.add(line(path, message));
    }

    int size() {
        return lines.size();
    }

    void throwIfAny() throws SpecException {
        if (!lines.isEmpty()) {
            throw new SpecException(lines);
        }
    }

    /** A spec exception holding just this one problem. */
    static SpecException single(String path, String message) {
        return new SpecException(List.of(line(path, message)));
    }

    private static String line(String path, String message) {
        String line = path + ": " + message;
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 3) + "...";
    }
}
