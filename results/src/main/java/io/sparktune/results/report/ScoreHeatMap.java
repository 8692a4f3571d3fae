package io.sparktune.results.report;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.distribution.Distribution;
import java.util.List;
import java.util.Map;

/**
 * The score over two hyperparameters chosen by the caller (the two that matter most): a grid over both axes (their
 * {@link ParamAxis}, so log-spaced cells on log axes and one band per category), each cell coloured by a
 * Nadaraya–Watson estimate of the mean validation score at its centre, with the scored trials drawn on top in their
 * own score's colour. The estimate weighs each trial by a Gaussian kernel of its distance along the numeric axes
 * (measured in axis fractions, bandwidth by Scott's rule for points spread evenly: 0.29·n^(-1/6)) and only counts
 * trials of the cell's own category on a categorical axis. Cells whose kernel weights sum below
 * {@link #MIN_WEIGHT}, about two bandwidths from every trial, stay blank rather than show an extrapolation.
 */
final class ScoreHeatMap {
    private static final int WIDTH = 620;
    private static final int HEIGHT = 460;
    /** Cells along a numeric axis. */
    private static final int CELLS = 24;

    static final double MIN_WEIGHT = 0.1;

    private ScoreHeatMap() {}

    /**
     * @param topTwo  the hyperparameters for the x and the y axis, e.g. the two most important
     *     ({@link ImportanceSection#topTwo})
     * @param chosenBy how they were chosen, for the caption
     */
    static String html(
            Leaderboard board, Map<String, Distribution> distributions, List<String> topTwo, String chosenBy) {
        if (topTwo.size() < 2) {
            return "<p class=\"empty\">The heat map needs a search over at least two hyperparameters.</p>\n";
        }
        List<TrialRecord> trials = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .filter(t -> t.status() == TrialStatus.OK
                        && t.params().get(topTwo.get(0)) != null
                        && t.params().get(topTwo.get(1)) != null)
                .toList();
        if (trials.isEmpty()) {
            return "<p class=\"empty\">No scored trial with both " + Svg.escape(String.join(" and ", topTwo))
                    + " yet.</p>\n";
        }
        ParamAxis x = ParamAxis.of(topTwo.get(0), distributions.get(topTwo.get(0)), trials);
        ParamAxis y = ParamAxis.of(topTwo.get(1), distributions.get(topTwo.get(1)), trials);
        double[] scores = trials.stream().mapToDouble(TrialRecord::meanScore).toArray();
        ColorScale colors = ColorScale.of(scores);
        Plot plot = new Plot(
                "heat-map",
                "Score over " + x.name() + " and " + y.name(),
                WIDTH,
                HEIGHT,
                x.scale(),
                x.name(),
                y.scale(),
                y.name());
        double bandwidth = 0.29 * Math.pow(trials.size(), -1.0 / 6);
        int columns = x.categorical() ? x.categories().size() : CELLS;
        int rows = y.categorical() ? y.categories().size() : CELLS;
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                double weights = 0;
                double weighted = 0;
                for (int t = 0; t < trials.size(); t++) {
                    double w = kernel(x, trials.get(t), i, columns, bandwidth)
                            * kernel(y, trials.get(t), j, rows, bandwidth);
                    weights += w;
                    weighted += w * scores[t];
                }
                if (weights >= MIN_WEIGHT) {
                    plot.cell(
                            (double) i / columns,
                            (i + 1.0) / columns,
                            (double) j / rows,
                            (j + 1.0) / rows,
                            colors.color(weighted / weights),
                            "estimated score " + Svg.number(weighted / weights, 4));
                }
            }
        }
        for (int t = 0; t < trials.size(); t++) {
            TrialRecord trial = trials.get(t);
            double shift = ParamScatter.jitter(trial.trialNumber());
            plot.point(
                    x.value(trial) + (x.categorical() ? shift : 0),
                    y.value(trial) + (y.categorical() ? shift : 0),
                    colors.color(scores[t]),
                    "#fff",
                    trial.trialId() + ": " + x.name() + " = " + trial.params().get(x.name()) + ", " + y.name() + " = "
                            + trial.params().get(y.name()) + ", score " + Svg.number(scores[t], 4));
        }
        String caption =
                x.described() + " and " + y.described() + ", chosen by " + chosenBy + ". Cells: the trials' scores"
                        + " smoothed by a Gaussian kernel, blank far from every trial; points: the " + trials.size()
                        + " trials.";
        return Svg.figure(plot.svg() + colors.legend("mean validation score"), List.of(), caption);
    }

    /** The weight of {@code trial} in cell {@code cell} of {@code cells} along {@code axis}. */
    private static double kernel(ParamAxis axis, TrialRecord trial, int cell, int cells, double bandwidth) {
        double position = axis.scale().fraction(axis.value(trial));
        if (axis.categorical()) {
            return (int) Math.floor(position * cells) == cell ? 1 : 0;
        }
        double distance = (cell + 0.5) / cells - position;
        return Math.exp(-0.5 * distance * distance / (bandwidth * bandwidth));
    }
}
