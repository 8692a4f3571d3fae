package io.sparktune.results.report;

import io.sparktune.results.TrialRecord;
import io.sparktune.results.importance.FanovaImportance;
import io.sparktune.results.importance.Importances;
import io.sparktune.results.importance.Importances.ParamImportance;
import io.sparktune.space.HyperParameter;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.distribution.Distribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's hyperparameter importance: the table {@code sparktune importance} prints (same trials in the same
 * order, same forest and seed, so the same shares), with a bar per hyperparameter and the notes under it.
 */
final class ImportanceSection {
    /** Bar width of a share of 1, in pixels. */
    private static final int BAR_PIXELS = 240;

    private ImportanceSection() {}

    /** The importances of {@code trials} (journal order) over the spec's distributions by name (empty: none parsed). */
    static Importances of(List<TrialRecord> trials, Map<String, Distribution> distributions) {
        return distributions.isEmpty()
                ? FanovaImportance.withoutSpec(trials, FanovaImportance.TREES, FanovaImportance.SEED)
                : FanovaImportance.of(trials, space(distributions));
    }

    /**
     * The two most important hyperparameters that trials carry by name, most important first (fewer if fewer were
     * assessed; a per-layer width such as {@code neurons_per_layer[0]} is not one).
     */
    static List<String> topTwo(Importances importances, Map<String, Distribution> distributions) {
        return importances.params().stream()
                .filter(p -> !p.singleValued())
                .map(ParamImportance::name)
                .filter(name -> distributions.isEmpty() ? !name.contains("[") : distributions.containsKey(name))
                .limit(2)
                .toList();
    }

    /** The section's table and notes. */
    static String html(Importances importances) {
        StringBuilder out = new StringBuilder();
        if (importances.computed()) {
            out.append("<p>Each hyperparameter's share of the variance of the score: ")
                    .append(Svg.escape(importances.summary()))
                    .append(" (Hutter et al. 2014, as Optuna's FanovaImportanceEvaluator).</p>\n")
                    .append("<table class=\"leaderboard importance\">\n<thead><tr><th>parameter</th>")
                    .append("<th>importance</th><th></th></tr></thead>\n<tbody>\n");
            for (ParamImportance param : importances.params()) {
                out.append("<tr><td>")
                        .append(Svg.escape(param.name()))
                        .append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.3f", param.importance()))
                        .append("</td><td>")
                        .append(param.singleValued() ? "one value" : bar(param.importance()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        importances
                .notes()
                .forEach(note -> out.append("<p class=\"note\">")
                        .append(Svg.escape(note))
                        .append("</p>\n"));
        return out.toString();
    }

    private static String bar(double share) {
        return "<div style=\"background:" + Svg.color(0) + ";height:10px;width:" + Math.round(share * BAR_PIXELS)
                + "px\"></div>";
    }

    private static SearchSpace space(Map<String, Distribution> distributions) {
        Map<HyperParameter, Distribution> dimensions = new TreeMap<>();
        distributions.forEach((name, distribution) ->
                HyperParameter.bySpecName(name).ifPresent(hp -> dimensions.put(hp, distribution)));
        return SearchSpace.of(dimensions);
    }
}
