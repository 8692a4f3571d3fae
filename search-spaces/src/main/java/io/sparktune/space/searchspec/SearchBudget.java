package io.sparktune.space.searchspec;

import java.util.OptionalDouble;

/**
 * {@code search.budget}: stop after {@code maxSeconds} of wall time (0 = no limit) or once a trial's mean score reaches
 * {@code targetScore} (in the scoring's units, higher is better: a negated error for regression). {@code n_iter}
 * bounds the number of trials.
 */
public record SearchBudget(double maxSeconds, OptionalDouble targetScore) {
    /** No time limit, no target. */
    public static final SearchBudget NONE = new SearchBudget(0, OptionalDouble.empty());
}
