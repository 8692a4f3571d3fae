package io.sparktune.worker.data;

import java.io.IOException;
import java.util.List;

/**
 * Data that cannot be trained on: a file that is not what the spec says (wrong IDX magic number, counts that disagree,
 * truncated, a CSV cell that is not a number, a class without examples). Carries every problem found, one line each,
 * naming the file; the message is those lines joined by newlines. Unlike other {@link IOException}s it is permanent:
 * reading again will not help.
 */
public final class InvalidDataException extends IOException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems at least one line, each naming the file and the problem */
    public InvalidDataException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidDataException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
