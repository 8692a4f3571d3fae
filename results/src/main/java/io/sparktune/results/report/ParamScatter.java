package io.sparktune.results.report;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.distribution.Distribution;
import java.util.List;
import java.util.Map;

/**
 * Mean validation score against each searched hyperparameter, one small scatter per hyperparameter, one point per
 * scored trial. The x axis is the hyperparameter's {@link ParamAxis} (logarithmic for {@code loguniform} and
 * {@code intlog}); categories (optimizer, activation) sit side by side, each point shifted a little (by trial
 * number, not at random) so that equal values stay visible. All charts share the score axis.
 */
final class ParamScatter {
    private static final int WIDTH = 400;
    private static final int HEIGHT = 280;

    private ParamScatter() {}

    /**
     * @param distributions the spec's distribution of each hyperparameter, by spec name (empty if the spec could not
     *                      be read: then every numeric axis is linear)
     */
    static String html(Leaderboard board, Map<String, Distribution> distributions) {
        List<TrialRecord> scored = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .filter(t -> t.status() == TrialStatus.OK)
                .toList();
        if (scored.isEmpty() || board.paramNames().isEmpty()) {
            return "<p class=\"empty\">No scored trial yet.</p>\n";
        }
        double[] scores = scored.stream().mapToDouble(TrialRecord::meanScore).toArray();
        StringBuilder out = new StringBuilder("<div class=\"grid\">\n");
        for (String name : board.paramNames()) {
            out.append(chart(name, distributions.get(name), scored, Scale.linear(scores)));
        }
        return out.append("</div>\n").toString();
    }

    private static String chart(String name, Distribution distribution, List<TrialRecord> scored, Scale y) {
        List<TrialRecord> trials =
                scored.stream().filter(t -> t.params().get(name) != null).toList();
        ParamAxis axis = ParamAxis.of(name, distribution, trials);
        Plot plot = new Plot(
                "param-" + name, "score vs " + name, WIDTH, HEIGHT, axis.scale(), name, y, "mean validation score");
        for (TrialRecord trial : trials) {
            double shift = axis.categorical() ? jitter(trial.trialNumber()) : 0;
            plot.point(
                    axis.value(trial) + shift,
                    trial.meanScore(),
                    Svg.color(0),
                    trial.trialId() + ": " + name + " = " + trial.params().get(name) + ", score "
                            + Svg.number(trial.meanScore(), 4));
        }
        String caption = axis.described()
                + (trials.size() < scored.size()
                        ? " (" + (scored.size() - trials.size()) + " trials without it not shown)"
                        : "");
        return Svg.figure(plot.svg(), List.of(), caption);
    }

    /** A deterministic offset in [-0.25, 0.25) from the trial number (golden-ratio sequence). */
    static double jitter(int trialNumber) {
        double u = (trialNumber * 0.6180339887498949) % 1.0;
        return (u - 0.5) * 0.5;
    }
}
