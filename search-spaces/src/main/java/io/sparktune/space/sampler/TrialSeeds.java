package io.sparktune.space.sampler;

import java.util.SplittableRandom;

/** Seeds derived from the search seed, so a trial's training does not depend on dispatch order or cluster size. */
public final class TrialSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TrialSeeds() {}

    /** The seed of trial {@code trialNumber} in a search seeded with {@code searchSeed}. */
    public static long trialSeed(long searchSeed, int trialNumber) {
        return new SplittableRandom(searchSeed + GOLDEN_GAMMA * (trialNumber + 1L)).nextLong();
    }

    /** The seed of one split's training within a trial. */
    public static long splitSeed(long trialSeed, int split) {
        return new SplittableRandom(trialSeed ^ (GOLDEN_GAMMA * (split + 1L))).nextLong();
    }
}
