package io.sparktune.results.report;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mean validation score of every trial by trial number, with the running best (the best score among the trials
 * up to that number) as a step line; trials without a score (diverged, failed) are crosses on the x axis.
 */
final class ScoreHistory {
    private static final int WIDTH = 1240;
    private static final int HEIGHT = 320;

    private ScoreHistory() {}

    static String html(Leaderboard board) {
        List<TrialRecord> trials = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .sorted(Comparator.comparingInt(TrialRecord::trialNumber))
                .toList();
        if (trials.isEmpty()) {
            return "<p class=\"empty\">No trial has finished yet.</p>\n";
        }
        List<TrialRecord> scored =
                trials.stream().filter(t -> t.status() == TrialStatus.OK).toList();
        double[] numbers = trials.stream().mapToDouble(TrialRecord::trialNumber).toArray();
        double[] scores = scored.stream().mapToDouble(TrialRecord::meanScore).toArray();
        Plot plot = new Plot(
                "score-history",
                "Mean validation score by trial",
                WIDTH,
                HEIGHT,
                Scale.integers(numbers),
                "trial number",
                Scale.linear(scores),
                "mean validation score");
        List<double[]> best = new ArrayList<>();
        double bestSoFar = Double.NaN;
        for (TrialRecord trial : scored) {
            if (!Double.isNaN(bestSoFar)) {
                best.add(new double[] {trial.trialNumber(), bestSoFar});
            }
            bestSoFar = Double.isNaN(bestSoFar) ? trial.meanScore() : Math.max(bestSoFar, trial.meanScore());
            best.add(new double[] {trial.trialNumber(), bestSoFar});
        }
        if (!best.isEmpty()) {
            plot.line("running-best", best, Svg.color(1), "best so far: " + Svg.number(bestSoFar, 4));
        }
        for (TrialRecord trial : trials) {
            if (trial.status() == TrialStatus.OK) {
                plot.point(
                        trial.trialNumber(),
                        trial.meanScore(),
                        Svg.color(0),
                        trial.trialId() + ": " + Svg.number(trial.meanScore(), 4) + " \u00b1 "
                                + Svg.number(trial.stdScore(), 4) + "  " + Svg.params(trial.params()));
            } else {
                plot.missing(
                        trial.trialNumber(),
                        trial.trialId() + ": " + trial.status().name().toLowerCase(java.util.Locale.ROOT)
                                + (trial.message() == null ? "" : " (" + trial.message() + ")"));
            }
        }
        List<Svg.LegendEntry> legend = List.of(
                new Svg.LegendEntry(Svg.color(0), "trial (mean over splits)"),
                new Svg.LegendEntry(Svg.color(1), "running best"),
                new Svg.LegendEntry("#d62728", "diverged or failed"));
        return Svg.figure(
                plot.svg(),
                legend,
                (trials.size() - scored.size()) + " of " + trials.size()
                        + " trials have no score (diverged or failed).");
    }
}
