package io.sparktune.space.sampler;

import io.sparktune.space.Candidate;

/**
 * Proposes candidates one at a time, on the driver only. Same spec and seed, same sequence of candidates, whatever
 * the cluster size. (Adaptive samplers will also be told finished results; random search ignores them.)
 */
public interface Sampler {

    /** The candidate with the given number (0, 1, 2, ... in order). */
    Candidate next();
}
