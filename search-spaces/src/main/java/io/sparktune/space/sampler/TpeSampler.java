package io.sparktune.space.sampler;

import io.sparktune.space.Candidate;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.SpaceLayout;
import io.sparktune.space.SpaceLayout.Slot;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Tree-structured Parzen Estimator search, in the style of Hyperopt and Optuna's (independent) TPE. Until
 * {@code nStartup} results have been observed it proposes random candidates (the same ones, trial for trial, as
 * {@link ArbiterRandomSampler} with the same seed). After that, it splits the observed trials into the best
 * {@code γ = min(⌈n/4⌉, 25)} ("good") and the rest ("bad", with the failed and diverged ones, which tell where not to
 * go), fits per slot a Parzen estimator l(u) to the good and g(u) to the bad trials in unit space (log scale for log
 * distributions, categories for choices, only trials the slot applied to), draws {@value #CANDIDATES} candidates from
 * l and proposes the one with the largest l/g, summed in logs over the slots that apply to it.
 *
 * <p>Multi-fidelity results (ASHA's rungs): a trial is ranked by the highest rung it reached, then by its score
 * there, as Optuna's TPE ranks pruned trials by the step they reached and their value at it. Trials that earned
 * promotions are so the "good" ones once there are enough of them, and what the higher rungs' longer training
 * showed steers the proposals; every trial, also one stopped at rung 0, still tells where not to go.
 *
 * <p>Asynchronous results: proposals and observations interleave freely. A proposal depends only on the seed, its
 * trial number, the set of results observed so far (kept by trial number, so their arrival order does not matter) and
 * the set of trials proposed but not yet observed: these count as bad results where they are (Optuna's
 * {@code constant_liar}), so candidates proposed while others train spread out instead of piling onto the same
 * promising point.
 */
public final class TpeSampler implements Sampler {
    /** Candidates drawn from l per proposal (Optuna's {@code n_ei_candidates}). */
    static final int CANDIDATES = 24;

    private static final double GAMMA = 0.25;
    private static final int MAX_GOOD = 25;
    private static final long PROPOSAL_STREAM = 0x5DEECE66DL;

    /** A trial's unit point and its score at the highest rung it reached (NaN: failed, diverged, or still running). */
    private record Observation(double[] units, double score, int rung) {
        /** Best first: higher rung, then higher score; NaN last. */
        static final Comparator<Observation> BEST_FIRST = Comparator.comparingInt(
                        (Observation o) -> Double.isNaN(o.score) ? -1 : o.rung)
                .thenComparingDouble(o -> Double.isNaN(o.score) ? Double.NEGATIVE_INFINITY : o.score)
                .reversed();
    }

    private final SpaceLayout layout;
    private final long searchSeed;
    private final int nStartup;
    private final boolean constantLiar;
    private final UnitRandom units;
    private final Map<Integer, Observation> observations = new TreeMap<>();
    /** Proposed and not yet observed: the unit points of trials still running. */
    private final Map<Integer, double[]> pending = new TreeMap<>();

    private int count;

    /**
     * @param nStartup number of observed results below which candidates are random (at least 1)
     */
    public TpeSampler(SearchSpace space, long searchSeed, int nStartup) {
        this(space, searchSeed, nStartup, true);
    }

    /** @param constantLiar whether trials still running count as bad results (false: they are not modelled) */
    TpeSampler(SearchSpace space, long searchSeed, int nStartup, boolean constantLiar) {
        if (nStartup < 1) {
            throw new IllegalArgumentException("nStartup must be >= 1, got " + nStartup);
        }
        this.layout = SpaceLayout.of(space);
        this.searchSeed = searchSeed;
        this.nStartup = nStartup;
        this.constantLiar = constantLiar;
        this.units = new UnitRandom(layout.size(), searchSeed);
    }

    @Override
    public synchronized Candidate next() {
        int trialNumber = count++;
        // drawn for every trial, so that random proposals stay aligned with ArbiterRandomSampler's
        double[] random = units.next();
        double[] point = useModel() ? propose(trialNumber) : random;
        if (constantLiar && !observations.containsKey(trialNumber)) {
            pending.put(trialNumber, point);
        }
        return new Candidate(
                trialNumber, layout.params(layout.fromUnits(point)), TrialSeeds.trialSeed(searchSeed, trialNumber));
    }

    @Override
    public synchronized void observe(Candidate candidate, double score, int rung) {
        Observation earlier = observations.get(candidate.trialNumber());
        if (earlier == null || rung >= earlier.rung) {
            observations.put(
                    candidate.trialNumber(),
                    new Observation(
                            layout.toUnits(candidate.params()), Double.isFinite(score) ? score : Double.NaN, rung));
        }
        pending.remove(candidate.trialNumber());
    }

    /** Number of results observed so far. */
    public synchronized int observed() {
        return observations.size();
    }

    private boolean useModel() {
        return observations.size() >= nStartup
                && observations.values().stream().anyMatch(o -> !Double.isNaN(o.score))
                && layout.size() > 0;
    }

    private double[] propose(int trialNumber) {
        List<Observation> ranked = new ArrayList<>(observations.values());
        pending.values().forEach(units -> ranked.add(new Observation(units, Double.NaN, 0)));
        // the sort is stable, so ties keep trial order (observed ones first, then the pending ones)
        ranked.sort(Observation.BEST_FIRST);
        long finite = ranked.stream().filter(o -> !Double.isNaN(o.score)).count();
        int nGood = (int) Math.min(finite, Math.max(1, Math.min(MAX_GOOD, (int) Math.ceil(GAMMA * ranked.size()))));
        List<Observation> good = ranked.subList(0, nGood);
        List<Observation> bad = ranked.subList(nGood, ranked.size());

        int d = layout.size();
        UnitDensity[] l = new UnitDensity[d];
        UnitDensity[] g = new UnitDensity[d];
        for (int i = 0; i < d; i++) {
            Distribution distribution = layout.slots().get(i).distribution();
            l[i] = estimator(distribution, column(good, i));
            g[i] = estimator(distribution, column(bad, i));
        }

        SplittableRandom random = new SplittableRandom(TrialSeeds.trialSeed(searchSeed ^ PROPOSAL_STREAM, trialNumber));
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double[] point = new double[d];
            for (int i = 0; i < d; i++) {
                point[i] = l[i].sample(random);
            }
            boolean[] active = layout.active(layout.fromUnits(point));
            double score = 0;
            for (int i = 0; i < d; i++) {
                if (active[i] && !isConstant(layout.slots().get(i))) {
                    score += l[i].logDensity(point[i]) - g[i].logDensity(point[i]);
                }
            }
            if (best == null || score > bestScore) {
                best = point;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean isConstant(Slot slot) {
        return !slot.distribution().isContinuous() && slot.distribution().gridSize(0) == 1;
    }

    /** The unit points of slot {@code i} in {@code group}, from the trials it applied to. */
    private static double[] column(List<Observation> group, int i) {
        return group.stream()
                .mapToDouble(o -> o.units[i])
                .filter(u -> !Double.isNaN(u))
                .toArray();
    }

    private static UnitDensity estimator(Distribution distribution, double[] points) {
        if (distribution instanceof Choice choice) {
            return new CategoricalParzen(choice, points);
        }
        return new NumericParzen(
                points, distribution.isContinuous() ? 0 : (int) Math.min(Integer.MAX_VALUE, distribution.gridSize(0)));
    }
}
