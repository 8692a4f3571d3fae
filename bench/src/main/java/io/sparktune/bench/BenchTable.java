package io.sparktune.bench;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark table as Markdown (readable on a terminal and in {@code bench/results/<date>.md}): one row per
 * {@link BenchRow}, values as min / median of the repeats, ratios to the same-run baseline, the target and whether
 * the median ratio meets it.
 */
public final class BenchTable {
    static final String HEADER = "| suite | measure | n | min | median | baseline | baseline min / median "
            + "| ratio min | ratio median | target | met | note |";
    static final String RULE = "|---|---|---|---|---|---|---|---|---|---|---|---|";

    private BenchTable() {}

    public static String format(List<BenchRow> rows) {
        StringBuilder table =
                new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
        for (BenchRow row : rows) {
            table.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
        }
        return table.toString();
    }

    private static List<String> cells(BenchRow row) {
        BenchRow.Unit unit = row.unit();
        boolean compared = row.hasBaseline();
        return List.of(
                row.suite(),
                row.measure(),
                String.valueOf(row.value().count()),
                unit.format(row.value().min()),
                unit.format(row.value().median()),
                compared ? row.baselineName() : "",
                compared
                        ? unit.format(row.baseline().min()) + " / "
                                + unit.format(row.baseline().median())
                        : "",
                compared ? ratio(row.ratioOfMinima()) : "",
                compared ? ratio(row.ratioOfMedians()) : "",
                row.target() == null ? "" : row.target().text(),
                row.verdict(),
                row.note() == null ? "" : row.note().replace('|', '/').replace('\n', ' '));
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
