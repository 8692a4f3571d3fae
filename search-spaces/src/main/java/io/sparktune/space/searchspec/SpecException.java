package io.sparktune.space.searchspec;

import java.util.List;

/**
 * A search spec that cannot be used. Carries every problem found, one per line, each as {@code path: message}
 * (for example {@code search.n_iter: must be ≥ 1 (got 0)}); the message is those lines joined by newlines.
 */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems at least one {@code path: message} line */
    public SpecException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found, each {@code path: message}. */
    public List<String> problems() {
        return problems;
    }
}
