package io.sparktune.space.sampler;

import io.sparktune.space.Candidate;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.SpaceLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Grid search: every combination of the space's values, each once, in a seeded random order (so a search that stops
 * after {@code n_iter} candidates has run a uniform random subset of the grid, without repeats). Choices, fixed values
 * and integer ranges contribute every value; a continuous range contributes {@code gridPoints} values evenly spaced in
 * its unit space (log-spaced for {@code loguniform}), both ends included. A hyperparameter that does not apply to a
 * combination (momentum under adam) does not multiply it: the grid holds no two candidates with the same params.
 *
 * <p>Not Arbiter's {@code GridSearchCandidateGenerator}: it thins an integer range wider than its discretisation count
 * to that many values instead of enumerating it, fails with an exception for a discretisation count of 1, lets
 * log-uniform points leave their range ({@code exp(log(0.1)) = 0.10000000000000006}), and has no notion of
 * conditional hyperparameters, so it would run the same network once per unused momentum value.
 */
public final class GridSampler implements Sampler {
    private final SpaceLayout layout;
    private final long searchSeed;
    private final List<Object[]> points;
    private int count;

    /**
     * @param gridPoints values per continuous range (ignored if there is none)
     * @param maxGrid    the largest grid accepted
     * @throws IllegalArgumentException if the grid has more than {@code maxGrid} points (the spec parser reports that
     *                                  before a sampler is built)
     */
    public GridSampler(SearchSpace space, long searchSeed, int gridPoints, int maxGrid) {
        this.layout = SpaceLayout.of(space);
        this.searchSeed = searchSeed;
        long size = layout.gridSize(gridPoints);
        if (size > maxGrid) {
            throw new IllegalArgumentException("the grid has " + size + " points, more than max_grid " + maxGrid);
        }
        List<Object[]> grid = new ArrayList<>(layout.grid(gridPoints));
        Collections.shuffle(grid, new Random(searchSeed));
        this.points = grid;
    }

    @Override
    public synchronized Candidate next() {
        if (count >= points.size()) {
            throw new NoSuchElementException("all " + points.size() + " grid points have been proposed");
        }
        int trialNumber = count++;
        return new Candidate(
                trialNumber, layout.params(points.get(trialNumber)), TrialSeeds.trialSeed(searchSeed, trialNumber));
    }

    @Override
    public OptionalInt size() {
        return OptionalInt.of(points.size());
    }
}
