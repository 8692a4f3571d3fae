package io.sparktune.space.sampler;

import io.sparktune.space.Candidate;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.dist.Choice;
import io.sparktune.space.dist.Distribution;
import io.sparktune.space.dist.Fixed;
import io.sparktune.space.dist.IntRange;
import io.sparktune.space.dist.LogUniform;
import io.sparktune.space.dist.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

/**
 * Random search through DL4J Arbiter's {@link RandomSearchGenerator}: each {@link Distribution} becomes an Arbiter
 * parameter space, the generator (seeded with the search seed) draws them, and each draw becomes a {@link Candidate}
 * with plain Java values (Integer, Double, String, Boolean). Same space and seed, same candidates, in the same order.
 * No Arbiter type appears in this class's public API.
 */
public final class ArbiterRandomSampler implements Sampler {
    private final SearchSpace space;
    private final long searchSeed;
    private final MapParameterSpace arbiterSpace;
    private final RandomSearchGenerator generator;

    /**
     * @param space      the hyperparameters to draw
     * @param searchSeed seeds Arbiter's generator and, through {@link TrialSeeds}, each candidate's training
     */
    public ArbiterRandomSampler(SearchSpace space, long searchSeed) {
        this.space = space;
        this.searchSeed = searchSeed;
        Map<String, ParameterSpace<?>> children = new LinkedHashMap<>();
        space.dimensions().forEach((hp, distribution) -> children.put(hp.specName(), toArbiter(distribution)));
        this.arbiterSpace = new MapParameterSpace(children);
        // the constructor indexes the leaves; the seed replaces the time-based seed of its JDKRandomGenerator
        this.generator = new RandomSearchGenerator(arbiterSpace);
        this.generator.setRngSeed(searchSeed);
    }

    @Override
    public synchronized Candidate next() {
        org.deeplearning4j.arbiter.optimize.api.Candidate<?> drawn = generator.getCandidate();
        if (drawn.getException() != null) {
            // Arbiter catches and logs failures of getValue, and returns a candidate without a value
            throw new IllegalStateException("Arbiter could not draw candidate " + drawn.getIndex(), drawn.getException());
        }
        // drawn.getValue() would round-trip the map through Java serialization (Arbiter's SerializedSupplier);
        // mapping the drawn unit values again gives the same map without it
        Map<String, Object> values = arbiterSpace.getValue(drawn.getFlatParameters());
        SortedMap<String, Object> params = new TreeMap<>();
        space.dimensions().forEach((hp, distribution) ->
                params.put(hp.specName(), withinSupport(distribution, values.get(hp.specName()))));
        int trialNumber = drawn.getIndex();
        return new Candidate(trialNumber, params, TrialSeeds.trialSeed(searchSeed, trialNumber));
    }

    /**
     * A fresh Arbiter space for one distribution. Single-point ranges become fixed values: Arbiter's uniform and
     * log-uniform distributions reject low == high.
     */
    static ParameterSpace<?> toArbiter(Distribution distribution) {
        if (distribution instanceof Uniform u) {
            return u.low() == u.high() ? new FixedValue<Object>(u.low()) : new ContinuousParameterSpace(u.low(), u.high());
        }
        if (distribution instanceof LogUniform l) {
            return l.low() == l.high() ? new FixedValue<Object>(l.low())
                    : new ContinuousParameterSpace(new LogUniformDistribution(l.low(), l.high()));
        }
        if (distribution instanceof IntRange r) {
            // commons-math's UniformIntegerDistribution includes both ends
            return r.low() == r.high() ? new FixedValue<Object>(r.low()) : new IntegerParameterSpace(r.low(), r.high());
        }
        if (distribution instanceof Choice c) {
            return new DiscreteParameterSpace<>(c.values());
        }
        if (distribution instanceof Fixed f) {
            return new FixedValue<>(f.value());
        }
        throw new IllegalArgumentException("no Arbiter space for " + distribution);
    }

    /** exp(log(x)) need not give x back: keeps log-uniform (and uniform) draws inside [low, high]. */
    private static Object withinSupport(Distribution distribution, Object value) {
        if (distribution instanceof LogUniform l) {
            return clamp((Double) value, l.low(), l.high());
        }
        if (distribution instanceof Uniform u) {
            return clamp((Double) value, u.low(), u.high());
        }
        return value;
    }

    private static Double clamp(double value, double low, double high) {
        return Math.min(high, Math.max(low, value));
    }
}
