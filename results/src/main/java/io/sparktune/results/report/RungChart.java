package io.sparktune.results.report;

import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.TrialRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * How far each trial trained: one stem per trial up to the epochs it reached, with a point for each of its journal
 * records (ASHA journals a trial once per rung, median stopping once per epoch, fifo once). With ASHA the rungs are
 * dashed lines at the epochs the trials journaled at that rung reached, labelled with how many trials got there (on a
 * log axis, where geometric rungs lie evenly apart), so a stem that ends on a lower line is a trial that was not
 * promoted; one that ends between lines stopped early (patience). Trials without a score (diverged, failed) are
 * crosses on the x axis.
 */
final class RungChart {
    private static final int WIDTH = 1240;
    private static final int HEIGHT = 320;

    private RungChart() {}

    /** Epochs a record's training reached: the most of any split (splits stop early on their own). */
    static int epochs(TrialRecord record) {
        return record.splits().stream().mapToInt(SplitResult::epochsRun).max().orElse(0);
    }

    /** One rung: the epochs its trials' records reached (the most of any), and how many trials got there. */
    private record Rung(int index, int epochs, long trials) {
        String label() {
            return "rung " + index + ": " + epochs + (epochs == 1 ? " epoch, " : " epochs, ") + trials
                    + (trials == 1 ? " trial" : " trials");
        }
    }

    /** @param journal every journal record, in journal order (a trial's records in the order of its rungs) */
    static String html(List<TrialRecord> journal) {
        if (journal.isEmpty()) {
            return "<p class=\"empty\">No trial has finished yet.</p>\n";
        }
        Map<Integer, List<TrialRecord>> byTrial = journal.stream()
                .collect(Collectors.groupingBy(TrialRecord::trialNumber, TreeMap::new, Collectors.toList()));
        List<Rung> rungs = journal.stream()
                .filter(r -> r.rung() != null)
                .collect(Collectors.groupingBy(TrialRecord::rung, TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> new Rung(
                        e.getKey(),
                        e.getValue().stream().mapToInt(RungChart::epochs).max().orElse(0),
                        e.getValue().stream()
                                .map(TrialRecord::trialNumber)
                                .distinct()
                                .count()))
                .toList();
        double[] numbers =
                byTrial.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] epochs = journal.stream().mapToDouble(RungChart::epochs).toArray();
        // rungs are geometric (min_epochs·η^k): a log axis spaces them evenly
        Scale y = rungs.isEmpty()
                ? Scale.integers(DoubleStream.concat(DoubleStream.of(0), Arrays.stream(epochs))
                        .toArray())
                : Scale.log(epochs);
        Plot plot = new Plot(
                "rungs",
                "Epochs trained per trial",
                WIDTH,
                HEIGHT,
                Scale.integers(numbers),
                "trial number",
                y,
                "epochs trained");
        double labelledAt = Double.NaN;
        for (Rung rung : rungs) {
            boolean room =
                    Double.isNaN(labelledAt) || Math.abs(plot.py(rung.epochs()) - plot.py(labelledAt)) >= AxisText.LINE;
            plot.level(rung.epochs(), room ? rung.label() : null);
            labelledAt = room ? rung.epochs() : labelledAt;
        }
        byTrial.forEach((number, records) -> draw(plot, y.isLog() ? y.low() : 0, number, records));
        StringBuilder caption =
                new StringBuilder("One stem per trial up to the epochs it trained (the most of its splits),"
                        + " a point per journal record.");
        if (!rungs.isEmpty()) {
            caption.append(" Rungs: ")
                    .append(String.join("; ", rungs.stream().map(Rung::label).toList()))
                    .append('.');
        }
        List<Svg.LegendEntry> legend = List.of(
                new Svg.LegendEntry(Svg.color(0), "scored"), new Svg.LegendEntry("#d62728", "diverged or failed"));
        return Svg.figure(plot.svg(), legend, caption.toString());
    }

    /** The trial's stem from {@code base} (the bottom of the axis), its points, or a cross if it has no score. */
    private static void draw(Plot plot, double base, int number, List<TrialRecord> records) {
        TrialRecord last = records.get(records.size() - 1);
        String status = last.status().name().toLowerCase(Locale.ROOT);
        if (last.status() != TrialStatus.OK && records.size() == 1) {
            plot.missing(
                    number,
                    last.trialId() + ": " + status + (last.message() == null ? "" : " (" + last.message() + ")"));
            return;
        }
        String color = last.status() == TrialStatus.OK ? Svg.color(0) : "#d62728";
        int top = records.stream().mapToInt(RungChart::epochs).max().orElse(0);
        plot.line(
                "stem",
                List.of(new double[] {number, base}, new double[] {number, top}),
                color,
                last.trialId() + ": "
                        + top + " epochs" + (last.rung() == null ? "" : ", rung " + last.rung()) + ", "
                        + (last.status() == TrialStatus.OK ? "score " + Svg.number(last.meanScore(), 4) : status));
        for (TrialRecord record : records) {
            plot.point(
                    number,
                    Math.max(base, epochs(record)),
                    color,
                    last.trialId()
                            + (record.rung() == null ? "" : " rung " + record.rung()) + ": " + epochs(record)
                            + " epochs, score "
                            + Svg.number(record.meanScore(), 4));
        }
    }
}
