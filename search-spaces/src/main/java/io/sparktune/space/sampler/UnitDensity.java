package io.sparktune.space.sampler;

import java.util.SplittableRandom;

/** A density on the unit interval that can be sampled: one dimension of a Parzen estimator of {@link TpeSampler}. */
interface UnitDensity {

    /** A draw in [0, 1]. */
    double sample(SplittableRandom random);

    /** The log of the density at {@code u} in [0, 1] (up to a constant shared by every estimator of a dimension). */
    double logDensity(double u);
}
