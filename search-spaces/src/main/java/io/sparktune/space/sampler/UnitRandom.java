package io.sparktune.space.sampler;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;

/**
 * Seeded uniform points of the unit cube, one per trial in order, drawn by DL4J Arbiter's
 * {@link RandomSearchGenerator}: each coordinate is an Arbiter {@code ContinuousParameterSpace(0, 1)} leaf and the
 * generator's flat parameter vector is the point. Values are then mapped through each distribution's
 * {@code fromUnit} by {@code SpaceLayout}, not through Arbiter's own spaces, because Arbiter has no log-integer or
 * weighted-choice space and its log-uniform space lets {@code exp(log(high))} escape the range.
 */
final class UnitRandom {
    private final int dimensions;
    private final RandomSearchGenerator generator;

    UnitRandom(int dimensions, long seed) {
        this.dimensions = dimensions;
        Map<String, ParameterSpace<?>> leaves = new LinkedHashMap<>();
        for (int i = 0; i < dimensions; i++) {
            leaves.put(String.format("u%04d", i), new ContinuousParameterSpace(0.0, 1.0));
        }
        // the constructor indexes the leaves; the seed replaces the time-based seed of its JDKRandomGenerator
        this.generator = dimensions == 0 ? null : new RandomSearchGenerator(new MapParameterSpace(leaves));
        if (generator != null) {
            generator.setRngSeed(seed);
        }
    }

    /** The next point: {@code dimensions} values in [0, 1). */
    double[] next() {
        if (generator == null) {
            return new double[0];
        }
        org.deeplearning4j.arbiter.optimize.api.Candidate<?> drawn = generator.getCandidate();
        if (drawn.getException() != null) {
            // Arbiter catches and logs failures of getValue, and returns a candidate without a value
            throw new IllegalStateException(
                    "Arbiter could not draw candidate " + drawn.getIndex(), drawn.getException());
        }
        double[] point = drawn.getFlatParameters();
        if (point.length != dimensions) {
            throw new IllegalStateException(
                    "Arbiter drew " + point.length + " values for " + dimensions + " dimensions");
        }
        return point.clone();
    }
}
