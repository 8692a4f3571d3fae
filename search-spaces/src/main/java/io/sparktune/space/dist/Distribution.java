package io.sparktune.space.dist;

import java.util.List;

/**
 * A distribution over one hyperparameter's values. Every distribution maps a point of the unit interval to a
 * value ({@link #fromUnit}), so random, grid and adaptive samplers share one parameterisation.
 * Values are plain Java: {@link Double}, {@link Integer}, {@link String} or {@link Boolean}.
 */
public sealed interface Distribution permits Uniform, LogUniform, IntRange, Choice, Fixed {

    /** The value at quantile {@code u} in [0,1]. */
    Object fromUnit(double u);

    /** Every value this distribution can produce, or empty if it is continuous. */
    List<Object> discreteValues();

    /** The spec keyword, e.g. {@code loguniform}. */
    String keyword();
}
