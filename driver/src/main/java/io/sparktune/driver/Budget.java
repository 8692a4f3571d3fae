package io.sparktune.driver;

import java.util.OptionalDouble;

/**
 * When a search stops: after {@code maxTrials} trials, after {@code maxSeconds} of wall time (0 = no limit), or once a
 * trial's mean score reaches {@code targetScore}. At a time or target stop, trials still running are cancelled; they
 * are not recorded and run again on {@code --resume}. Across a resume: {@code maxSeconds} counts the wall time of
 * each run, so a resume gets the whole budget afresh, as a new {@code study.optimize(timeout=...)} call on a stored
 * Optuna study does (and a stopped search can always be continued); a {@code targetScore} that a journaled trial
 * already reached stays reached, so such a resume dispatches nothing.
 */
public record Budget(int maxTrials, double maxSeconds, OptionalDouble targetScore) {
    public Budget {
        if (maxTrials < 1 || maxSeconds < 0) {
            throw new IllegalArgumentException(
                    "need maxTrials >= 1 and maxSeconds >= 0, got " + maxTrials + ", " + maxSeconds);
        }
    }

    /**
     * Nanosecond deadline for a search started at {@code startNanos}, or {@link Long#MAX_VALUE} without a time limit.
     */
    long deadline(long startNanos) {
        return maxSeconds > 0 ? startNanos + (long) (maxSeconds * 1e9) : Long.MAX_VALUE;
    }

    boolean reached(double meanScore) {
        return targetScore.isPresent() && meanScore >= targetScore.getAsDouble();
    }
}
