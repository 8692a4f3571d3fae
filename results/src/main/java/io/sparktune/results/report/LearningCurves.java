package io.sparktune.results.report;

import io.sparktune.records.EpochRecord;
import io.sparktune.records.SplitResult;
import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Learning curves of the best trials: validation score and training loss per epoch, one line per trial and split
 * (the trial's colour), a point per epoch. Early stopping shows as lines of different lengths.
 */
final class LearningCurves {
    /** How many of the best trials get curves. */
    static final int TOP_TRIALS = 5;

    private static final int WIDTH = 620;
    private static final int HEIGHT = 340;

    private LearningCurves() {}

    /** The best {@link #TOP_TRIALS} scored trials, best first. */
    static List<TrialRecord> topTrials(Leaderboard board) {
        return board.rows().stream()
                .map(Leaderboard.Row::trial)
                .filter(t -> t.status() == TrialStatus.OK)
                .limit(TOP_TRIALS)
                .toList();
    }

    static String html(Leaderboard board) {
        List<TrialRecord> top = topTrials(board);
        if (top.stream()
                .allMatch(t -> t.splits().stream().allMatch(s -> s.curve().isEmpty()))) {
            return "<p class=\"empty\">No learning curves yet: no trial has finished with a score.</p>\n";
        }
        List<Svg.LegendEntry> legend = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            legend.add(new Svg.LegendEntry(
                    Svg.color(i),
                    top.get(i).trialId() + " (" + Svg.number(top.get(i).meanScore(), 4) + "): "
                            + Svg.params(top.get(i).params())));
        }
        String caption = "One line per trial and split; early stopping restored the best epoch's weights.";
        return "<div class=\"row\">\n"
                + Svg.figure(
                        chart(
                                "learning-curve-score",
                                "Validation score per epoch",
                                "validation score",
                                top,
                                EpochRecord::validationScore),
                        legend,
                        caption)
                + Svg.figure(
                        chart(
                                "learning-curve-loss",
                                "Training loss per epoch",
                                "mean training loss",
                                top,
                                EpochRecord::trainLoss),
                        legend,
                        caption)
                + "</div>\n";
    }

    private static String chart(
            String id, String title, String yLabel, List<TrialRecord> top, ToDoubleFunction<EpochRecord> measure) {
        List<Double> epochs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        top.forEach(t -> t.splits()
                .forEach(s -> s.curve().stream()
                        .filter(e -> Double.isFinite(measure.applyAsDouble(e)))
                        .forEach(e -> {
                            epochs.add((double) e.epoch());
                            values.add(measure.applyAsDouble(e));
                        })));
        Plot plot = new Plot(
                id,
                title,
                WIDTH,
                HEIGHT,
                Scale.integers(toArray(epochs)),
                "epoch",
                Scale.linear(toArray(values)),
                yLabel);
        for (int i = 0; i < top.size(); i++) {
            TrialRecord trial = top.get(i);
            for (SplitResult split : trial.splits()) {
                List<double[]> points = new ArrayList<>();
                String series = trial.trialId() + " split " + split.split();
                for (EpochRecord epoch : split.curve()) {
                    double value = measure.applyAsDouble(epoch);
                    if (Double.isFinite(value)) {
                        points.add(new double[] {epoch.epoch(), value});
                    }
                }
                if (points.isEmpty()) {
                    continue;
                }
                String color = Svg.color(i);
                plot.line("curve", points, color, series);
                points.forEach(p ->
                        plot.point(p[0], p[1], color, series + ", epoch " + (int) p[0] + ": " + Svg.number(p[1], 4)));
            }
        }
        return plot.svg();
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
