package io.sparktune.results.importance;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.RunFiles;
import io.sparktune.results.TrialJournal;
import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.Importances.ParamImportance;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.searchspec.SpecException;
import io.sparktune.space.searchspec.SpecParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hyperparameter importance as Optuna's {@code FanovaImportanceEvaluator} computes it (Optuna 3.1,
 * {@code optuna/importance/_fanova/}; Hutter, Hoos and Leyton-Brown, "An Efficient Approach for Assessing
 * Hyperparameter Importance", ICML 2014): a random forest learns the score from the params of the scored trials
 * ({@link RandomForest}, on the columns of {@link ParamColumns}), the functional ANOVA of each tree gives the variance
 * of each hyperparameter's marginal prediction as a fraction of the tree's variance ({@link FanovaTree}), the
 * fractions are averaged over the trees, and the averages are scaled to sum to 1.
 * <p>
 * Only scored trials count (status ok: Optuna's complete trials), each with its latest record (a trial trained rung by
 * rung counts with the score it reached, as on the leaderboard). The forest is seeded, so a run gives the same shares
 * every time. With fewer than {@link Importances#MIN_TRIALS} scored trials nothing is computed; with fewer than
 * {@link Importances#RELIABLE_TRIALS} the result carries a note that the shares are rough.
 */
public final class FanovaImportance {
    /** Optuna's default number of trees. */
    public static final int TREES = 64;

    public static final long SEED = 0;
    private static final Logger LOG = LoggerFactory.getLogger(FanovaImportance.class);

    private FanovaImportance() {}

    /** Importance of each hyperparameter of {@code space} in the trials of {@code journal} (a run's records). */
    public static Importances of(List<TrialRecord> journal, SearchSpace space) {
        return of(journal, space, TREES, SEED);
    }

    public static Importances of(List<TrialRecord> journal, SearchSpace space, int trees, long seed) {
        return compute(latest(journal), space, trees, seed, new ArrayList<>());
    }

    /**
     * Importance in the search of {@code runDir}: its journal over the space of its spec copy, or, if that no longer
     * parses (its data moved, say), over the space read off the trials, as the report draws it then.
     */
    public static Importances forRun(Path runDir, int trees, long seed) throws IOException {
        Path specFile = RunFiles.spec(runDir);
        List<TrialRecord> journal = TrialJournal.read(runDir);
        try {
            return of(journal, SpecParser.parse(specFile).space(), trees, seed);
        } catch (SpecException e) {
            LOG.warn(
                    "{} no longer parses ({}); taking each hyperparameter's range from the trials",
                    specFile,
                    e.problems());
            return withoutSpec(journal, trees, seed);
        }
    }

    /** As {@link #of}, for a run whose spec no longer parses: the space read off the trials ({@link InferredSpace}). */
    public static Importances withoutSpec(List<TrialRecord> journal, int trees, long seed) {
        List<TrialRecord> trials = latest(journal);
        List<String> notes = new ArrayList<>(List.of("The spec no longer parses: each hyperparameter's range is the "
                + "one its trials span, on a linear scale."));
        return compute(trials, InferredSpace.of(trials), trees, seed, notes);
    }

    private static Importances compute(
            List<TrialRecord> trials, SearchSpace space, int trees, long seed, List<String> notes) {
        if (trees < 1) {
            throw new IllegalArgumentException("the forest needs at least 1 tree, got " + trees);
        }
        List<TrialRecord> scored = trials.stream()
                .filter(t -> t.status() == TrialStatus.OK && Double.isFinite(t.meanScore()))
                .toList();
        int n = scored.size();
        if (n < Importances.MIN_TRIALS) {
            notes.add("Importance needs at least " + Importances.MIN_TRIALS + " scored trials; this search has " + n
                    + ".");
            return new Importances(List.of(), n, trials.size(), trees, seed, notes);
        }
        if (n < Importances.RELIABLE_TRIALS) {
            notes.add("Only " + n + " scored trials: a forest learns little from so few, so these shares are rough "
                    + "(they firm up from about " + Importances.RELIABLE_TRIALS + " on).");
        }
        ParamColumns columns = ParamColumns.of(space);
        double[][] x = scored.stream().map(t -> columns.encode(t.params())).toArray(double[][]::new);
        double[] y = scored.stream().mapToDouble(TrialRecord::meanScore).toArray();
        for (ParamColumns.Param param : columns.params()) {
            if (columns.imputed(param) > 0) {
                notes.add(param.name() + " has no value in " + columns.imputed(param) + " of " + n + " scored trials "
                        + "(it does not apply to them); they count " + ParamColumns.imputedAs(param) + ".");
            }
        }
        double[] shares = new double[columns.params().size()];
        if (!columns.params().isEmpty()) {
            List<FanovaTree> forest = RandomForest.fit(x, y, columns.bounds(), trees, seed);
            if (forest.stream().allMatch(tree -> tree.variance() == 0)) {
                notes.add("All " + n + " scored trials have the same score: there is no variance to share out.");
            } else {
                shares = shares(forest, columns);
            }
        }
        return new Importances(ranked(columns, shares), n, trials.size(), trees, seed, notes);
    }

    /**
     * Optuna's {@code _Fanova.get_importance} per hyperparameter (the mean over trees with variance of the marginal
     * variance's fraction, clipped at 0), then its evaluator's normalisation to a sum of 1.
     */
    private static double[] shares(List<FanovaTree> forest, ParamColumns columns) {
        List<ParamColumns.Param> params = columns.params();
        double[] shares = new double[params.size()];
        for (int p = 0; p < shares.length; p++) {
            double sum = 0;
            int counted = 0;
            for (FanovaTree tree : forest) {
                if (tree.variance() > 0) {
                    double marginal = tree.marginalVariance(
                            params.get(p).columns(), params.get(p).name());
                    sum += Math.max(0, marginal) / tree.variance();
                    counted++;
                }
            }
            shares[p] = sum / counted;
        }
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        for (int p = 0; p < shares.length; p++) {
            shares[p] = total > 0 ? shares[p] / total : 0;
        }
        return shares;
    }

    private static List<ParamImportance> ranked(ParamColumns columns, double[] shares) {
        List<ParamImportance> ranked = new ArrayList<>();
        for (int p = 0; p < shares.length; p++) {
            ranked.add(new ParamImportance(columns.params().get(p).name(), shares[p], false));
        }
        ranked.sort(Comparator.comparingDouble(ParamImportance::importance)
                .reversed()
                .thenComparing(ParamImportance::name));
        columns.singleValued().forEach(name -> ranked.add(new ParamImportance(name, 0, true)));
        return ranked;
    }

    /** Each trial once, with its latest record (a trial trained rung by rung is journaled once per rung). */
    private static List<TrialRecord> latest(List<TrialRecord> journal) {
        Map<Integer, TrialRecord> latest = new LinkedHashMap<>();
        journal.forEach(record -> latest.put(record.trialNumber(), record));
        return List.copyOf(latest.values());
    }
}
