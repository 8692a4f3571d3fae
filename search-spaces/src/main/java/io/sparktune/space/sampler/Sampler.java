package io.sparktune.space.sampler;

import io.sparktune.space.Candidate;
import java.util.OptionalInt;

/**
 * Proposes candidates one at a time, on the driver only, numbered 0, 1, 2, ... in the order proposed. Same spec and
 * seed, same sequence of candidates whatever the cluster size; an adaptive sampler's proposals also depend on the
 * results it has been told through {@link #observe}, and are the same for the same results.
 *
 * <p>Asynchronous use: call {@link #next()} whenever a slot is free and {@link #observe} whenever a trial finishes,
 * in whatever order trials finish. Implementations are thread-safe.
 */
public interface Sampler {

    /**
     * The next candidate. {@link java.util.NoSuchElementException} once a finite sampler ({@link #size()}) is spent.
     */
    Candidate next();

    /**
     * A finished trial's result: {@code score} is the mean validation score, higher is better, NaN if the trial
     * diverged or failed. Candidates this sampler did not propose (a resumed search's) are welcome too. The same as
     * {@code observe(candidate, score, 0)}.
     */
    default void observe(Candidate candidate, double score) {
        observe(candidate, score, 0);
    }

    /**
     * A result at a fidelity: {@code rung} 0 for a trial's first (or only) piece of training, k for its score after
     * the k-th promotion of a multi-fidelity scheduler (more epochs). A trial may be observed once per rung it reaches.
     */
    default void observe(Candidate candidate, double score, int rung) {}

    /** How many distinct candidates this sampler can propose (a grid's size), or empty if unbounded. */
    default OptionalInt size() {
        return OptionalInt.empty();
    }
}
