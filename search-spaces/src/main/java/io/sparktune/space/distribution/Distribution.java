package io.sparktune.space.distribution;

import java.util.List;

/**
 * A distribution over one hyperparameter's values. Every distribution maps a point of the unit interval to a
 * value ({@link #fromUnit}) and back ({@link #toUnit}), so random, grid and adaptive samplers share one
 * parameterisation: a uniform u gives a draw of the distribution, and a sampler that models scores in unit space
 * (TPE) works on log scales for log distributions and on each category's share for choices.
 * Values are plain Java: {@link Double}, {@link Integer}, {@link String} or {@link Boolean}.
 */
public sealed interface Distribution permits Uniform, LogUniform, IntegerDistribution, Choice, Fixed {

    /** The value at quantile {@code u} in [0,1]. */
    Object fromUnit(double u);

    /**
     * A quantile whose value is {@code value}: the exact quantile for continuous distributions, the middle of the
     * value's interval for discrete ones. {@code fromUnit(toUnit(v))} gives {@code v} back for every value in the
     * support; values outside it are clamped to the nearest end.
     */
    double toUnit(Object value);

    /** Every value this distribution can produce, or empty if it is continuous. */
    List<Object> discreteValues();

    /** True if the values have no order (choice, fixed): samplers then treat each value as a category. */
    default boolean isCategorical() {
        return false;
    }

    /** True if the values form a continuum (uniform, loguniform): a grid needs a number of points for it. */
    default boolean isContinuous() {
        return discreteValues().isEmpty();
    }

    /** Number of values a grid takes: every value of a discrete distribution, else {@code points}. */
    default long gridSize(int points) {
        return isContinuous() ? points : discreteValues().size();
    }

    /**
     * The values a grid takes: every value of a discrete distribution, else {@code points} values evenly spaced in
     * unit space (so log-spaced for {@code loguniform}), both ends included.
     */
    default List<Object> gridValues(int points) {
        if (!isContinuous()) {
            return discreteValues();
        }
        if (points < 2) {
            throw new IllegalArgumentException("a continuous range needs at least 2 grid points, got " + points);
        }
        return java.util.stream.IntStream.range(0, points)
                .mapToObj(i -> fromUnit((double) i / (points - 1)))
                .toList();
    }

    /** The spec keyword, e.g. {@code loguniform}. */
    String keyword();

    /** {@code u} clamped to [0, 1]; NaN becomes 0. */
    static double clampUnit(double u) {
        return u >= 0 ? Math.min(1.0, u) : 0.0;
    }

    /** {@code value} as a double, for the numeric distributions' {@link #toUnit}. */
    static double number(Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        return n.doubleValue();
    }
}
