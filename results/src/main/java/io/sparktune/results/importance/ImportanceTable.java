package io.sparktune.results.importance;

import io.sparktune.results.importance.Importances.ParamImportance;
import java.util.Locale;

/**
 * {@link Importances} as text for a terminal: what was computed, then one aligned row per hyperparameter (largest
 * share first, with a bar of {@code #} as long as its share of {@link #BAR_WIDTH}), then the notes.
 */
public final class ImportanceTable {
    /** Bar length of a share of 1. */
    static final int BAR_WIDTH = 40;

    private ImportanceTable() {}

    public static String format(Importances importances) {
        StringBuilder out = new StringBuilder();
        if (importances.computed()) {
            out.append(importances.summary()).append("\n\n");
            int width = "parameter".length();
            for (ParamImportance param : importances.params()) {
                width = Math.max(width, param.name().length());
            }
            String row = "%-" + width + "s  %10s  %s";
            out.append(String.format(Locale.ROOT, row, "parameter", "importance", "")
                            .stripTrailing())
                    .append('\n');
            for (ParamImportance param : importances.params()) {
                String bar = param.singleValued()
                        ? "(one value)"
                        : "#".repeat((int) Math.round(param.importance() * BAR_WIDTH));
                out.append(String.format(
                                        Locale.ROOT,
                                        row,
                                        param.name(),
                                        String.format(Locale.ROOT, "%.3f", param.importance()),
                                        bar)
                                .stripTrailing())
                        .append('\n');
            }
        }
        if (!importances.notes().isEmpty()) {
            out.append(importances.computed() ? "\n" : "");
            importances
                    .notes()
                    .forEach(note -> out.append("note: ").append(note).append('\n'));
        }
        return out.toString();
    }
}
