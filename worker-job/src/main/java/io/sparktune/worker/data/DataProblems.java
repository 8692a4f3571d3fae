package io.sparktune.worker.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems a reader finds in one dataset so that all of them are reported at once; keeps the first
 * {@value #MAX_SHOWN} lines (a text column in a large CSV would otherwise give one line per row) and counts the rest.
 */
final class DataProblems {
    static final int MAX_SHOWN = 20;

    private final List<String> lines = new ArrayList<>();
    private int notShown;

    void add(String line) {
        if (lines.size() < MAX_SHOWN) {
            lines.add(line);
        } else {
            notShown++;
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Throws every problem added so far, if there is one. */
    void throwIfAny() throws InvalidDataException {
        if (!lines.isEmpty()) {
            throw exception();
        }
    }

    /** Every problem added, which must be at least one, as an exception. */
    InvalidDataException exception() {
        List<String> all = new ArrayList<>(lines);
        if (notShown > 0) {
            all.add("... and " + notShown + " more problem(s)");
        }
        return new InvalidDataException(all);
    }
}
