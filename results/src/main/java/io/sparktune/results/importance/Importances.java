package io.sparktune.results.importance;

import java.util.List;

/**
 * What {@link FanovaImportance} found: each hyperparameter's share of the score's variance, largest first (the shares
 * of the hyperparameters in the forest sum to 1, unless nothing varied), and notes in plain sentences on what to make
 * of them (too few trials, imputed values, …). Empty {@link #params} when there was nothing to compute from.
 *
 * @param params       largest share first, ties by name; hyperparameters with one possible value last, at 0
 * @param scoredTrials the trials the forest was fitted on (scored: status ok, a finite score)
 * @param trials       the trials of the search (each counted once, with its latest record)
 * @param trees        the forest's size
 * @param seed         the forest's seed
 * @param notes        caveats, one sentence each
 */
public record Importances(
        List<ParamImportance> params, int scoredTrials, int trials, int trees, long seed, List<String> notes) {
    /** Fewer scored trials than this: nothing is computed (Optuna raises for 0 or 1 completed trials). */
    public static final int MIN_TRIALS = 2;
    /** Fewer scored trials than this: the shares come with a note that they are rough. */
    public static final int RELIABLE_TRIALS = 10;

    public Importances {
        params = List.copyOf(params);
        notes = List.copyOf(notes);
    }

    /** One hyperparameter's share; {@code singleValued} if the space gives it one value (left out, share 0). */
    public record ParamImportance(String name, double importance, boolean singleValued) {}

    /** True if there were enough scored trials to compute anything. */
    public boolean computed() {
        return scoredTrials >= MIN_TRIALS;
    }

    /** The share of {@code name}; throws if no such hyperparameter was assessed. */
    public double of(String name) {
        return params.stream()
                .filter(p -> p.name().equals(name))
                .mapToDouble(ParamImportance::importance)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hyperparameter '" + name + "' was assessed"));
    }

    /** One line saying what was computed, e.g. for a table's caption. */
    public String summary() {
        return "fANOVA over a random forest of " + trees + " trees (seed " + seed + ") fitted on " + scoredTrials
                + " scored trial" + (scoredTrials == 1 ? "" : "s") + " of " + trials;
    }
}
