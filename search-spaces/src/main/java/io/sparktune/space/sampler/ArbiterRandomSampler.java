package io.sparktune.space.sampler;

import io.sparktune.space.Candidate;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.SpaceLayout;

/**
 * Random search: each candidate is a seeded uniform point of the unit cube ({@link UnitRandom}, drawn by DL4J
 * Arbiter's {@code RandomSearchGenerator}) mapped through each distribution's {@code fromUnit}, with the
 * hyperparameters that do not apply to it left out. Same space and seed, same candidates, in the same order.
 * No Arbiter type appears in this class's public API.
 */
public final class ArbiterRandomSampler implements Sampler {
    private final SpaceLayout layout;
    private final long searchSeed;
    private final UnitRandom units;
    private int count;

    /**
     * @param space      the hyperparameters to draw
     * @param searchSeed seeds Arbiter's generator and, through {@link TrialSeeds}, each candidate's training
     */
    public ArbiterRandomSampler(SearchSpace space, long searchSeed) {
        this.layout = SpaceLayout.of(space);
        this.searchSeed = searchSeed;
        this.units = new UnitRandom(layout.size(), searchSeed);
    }

    @Override
    public synchronized Candidate next() {
        int trialNumber = count++;
        return new Candidate(
                trialNumber,
                layout.params(layout.fromUnits(units.next())),
                TrialSeeds.trialSeed(searchSeed, trialNumber));
    }
}
