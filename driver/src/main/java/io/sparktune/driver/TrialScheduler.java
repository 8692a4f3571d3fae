package io.sparktune.driver;

import io.sparktune.results.TrialRecord;
import io.sparktune.space.Candidate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what a free executor core trains next and for how long: a new candidate, or more epochs of one already
 * started (multi-fidelity). Called from the search loop's thread only.
 */
public interface TrialScheduler {

    /** One thing to train: {@code candidate} up to epoch {@code untilEpoch} (0: its whole early-stopped training). */
    record Work(Candidate candidate, int rung, int untilEpoch) {
        public boolean isSegment() {
            return untilEpoch > 0;
        }
    }

    /**
     * What to train next, or empty if nothing can start now; {@code newCandidate} draws one (empty once all are drawn).
     */
    Optional<Work> next(Supplier<Optional<Candidate>> newCandidate);

    /** {@code work} ended with {@code record}; returns the record to journal (with the rung it reached, if any). */
    TrialRecord finished(Work work, TrialRecord record);

    /** A record of a resumed search's journal, in journal order. */
    void replay(TrialRecord record);

    /**
     * True if the trial may still train further (a promotion, the next epoch), so its checkpoints must stay; false
     * once it never will (failed, diverged, stopped, at the top), and the driver deletes them.
     */
    default boolean canContinue(int trialNumber) {
        return false;
    }

    /** Trains every candidate to the end of its early-stopped training, one after another: no multi-fidelity. */
    static TrialScheduler fifo() {
        return new TrialScheduler() {
            @Override
            public Optional<Work> next(Supplier<Optional<Candidate>> newCandidate) {
                return newCandidate.get().map(candidate -> new Work(candidate, 0, 0));
            }

            @Override
            public TrialRecord finished(Work work, TrialRecord record) {
                return record;
            }

            @Override
            public void replay(TrialRecord record) {}
        };
    }
}
