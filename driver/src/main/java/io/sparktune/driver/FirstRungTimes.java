package io.sparktune.driver;

import java.util.Arrays;

/**
 * How long a new trial's first piece of work takes (its first rung under ASHA, its first epoch under the median rule,
 * its whole training under fifo): the median wall time, dispatch to result, of the first pieces that ended ok so far.
 * A time budget starts no trial that would not finish it before the deadline: its work would only be cancelled.
 */
final class FirstRungTimes {
    private double[] seconds = new double[0];

    /** A first piece of work ended ok after {@code wallSeconds}. */
    synchronized void add(double wallSeconds) {
        seconds = Arrays.copyOf(seconds, seconds.length + 1);
        seconds[seconds.length - 1] = wallSeconds;
    }

    /** The median so far, or 0 before any. */
    synchronized double typicalSeconds() {
        if (seconds.length == 0) {
            return 0;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Whether a new trial started at {@code nowNanos} would finish its first piece before {@code deadlineNanos}. */
    boolean fitBefore(long deadlineNanos, long nowNanos) {
        return deadlineNanos == Long.MAX_VALUE || nowNanos + (long) (typicalSeconds() * 1e9) < deadlineNanos;
    }
}
