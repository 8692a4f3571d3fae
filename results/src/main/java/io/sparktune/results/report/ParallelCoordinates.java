package io.sparktune.results.report;

import io.sparktune.records.TrialStatus;
import io.sparktune.results.Leaderboard;
import io.sparktune.results.TrialRecord;
import io.sparktune.space.distribution.Distribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every scored trial at once: one vertical axis per hyperparameter (its {@link ParamAxis}: log, linear, whole
 * numbers or categories) and a last one for the mean validation score, one line per trial through its values,
 * coloured by its score ({@link ColorScale}) and drawn worst first so the best lie on top. A trial without a value
 * for a hyperparameter (a conditional one) crosses that axis at "n/a" below it. Diverged and failed trials have no
 * score and no line.
 */
final class ParallelCoordinates {
    private static final int WIDTH = 1240;
    private static final int HEIGHT = 420;
    private static final int MIN_LEFT = 30;
    private static final int RIGHT = 90;
    private static final int TOP = 36;
    /** From an axis's bottom to its "n/a" position. */
    private static final int ABSENT_DROP = 16;

    private ParallelCoordinates() {}

    static String html(Leaderboard board, Map<String, Distribution> distributions) {
        List<TrialRecord> scored = board.rows().stream()
                .map(Leaderboard.Row::trial)
                .filter(t -> t.status() == TrialStatus.OK)
                .sorted(Comparator.comparingDouble(TrialRecord::meanScore))
                .toList();
        if (scored.isEmpty() || board.paramNames().isEmpty()) {
            return "<p class=\"empty\">No scored trial yet.</p>\n";
        }
        List<ParamAxis> params = board.paramNames().stream()
                .map(name -> ParamAxis.of(name, distributions.get(name), scored))
                .toList();
        double[] scores = scored.stream().mapToDouble(TrialRecord::meanScore).toArray();
        ColorScale colors = ColorScale.of(scores);
        int count = params.size() + 1;
        List<String> titles =
                new ArrayList<>(params.stream().map(ParamAxis::name).toList());
        titles.add("score");
        // the first axis moves right until its title fits; the titles may turn when the axes come closer
        double left = MIN_LEFT;
        double[] xs;
        AxisText.Row titleRow;
        do {
            double start = left;
            xs = IntStream.range(0, count)
                    .mapToDouble(i -> start + i * (WIDTH - start - RIGHT) / (count - 1))
                    .toArray();
            titleRow = AxisText.row(xs, titles);
            left = Math.max(left, Math.ceil(titleRow.overhang() + 4));
        } while (left > xs[0]);
        double spacing = xs[1] - xs[0];
        int bottom = HEIGHT - (int) Math.ceil(ABSENT_DROP + 8 + titleRow.height());
        Chart chart = new Chart(xs, bottom, spacing);

        StringBuilder axes = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            ParamAxis axis = params.get(i);
            boolean someLack = scored.stream().anyMatch(t -> Double.isNaN(axis.value(t)));
            chart.axis(axes, labels, axis.name(), axis.scale(), xs[i], someLack);
        }
        chart.axis(axes, labels, "score", Scale.linear(scores), xs[count - 1], false);

        StringBuilder lines = new StringBuilder();
        for (TrialRecord trial : scored) {
            lines.append("<polyline class=\"trial\" fill=\"none\" stroke=\"")
                    .append(colors.color(trial.meanScore()))
                    .append("\" stroke-width=\"1.5\" stroke-opacity=\"0.8\" points=\"");
            for (int i = 0; i < count; i++) {
                double y = i < params.size()
                        ? chart.y(params.get(i).scale(), params.get(i).value(trial))
                        : chart.y(Scale.linear(scores), trial.meanScore());
                lines.append(Svg.coordinate(xs[i]))
                        .append(',')
                        .append(Svg.coordinate(y))
                        .append(' ');
            }
            lines.append("\"><title>")
                    .append(Svg.escape(trial.trialId() + ": score " + Svg.number(trial.meanScore(), 4) + "  "
                            + Svg.params(trial.params())))
                    .append("</title></polyline>\n");
        }
        String title = "All " + scored.size() + " scored trials across the hyperparameters";
        String svg = "<svg class=\"chart\" data-chart=\"parallel-coordinates\" width=\"" + WIDTH + "\" height=\""
                + HEIGHT
                + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\"" + Svg.escape(title)
                + "\">\n"
                + "<text class=\"title\" x=\"" + WIDTH / 2 + "\" y=\"18\" text-anchor=\"middle\">" + Svg.escape(title)
                + "</text>\n"
                + axes + lines + labels + titleRow.svg(xs, bottom + ABSENT_DROP + 8, "axis-label") + "</svg>\n";
        int unscored = board.rows().size() - scored.size();
        String caption = "One line per scored trial, coloured by its mean validation score; log axes for loguniform and"
                + " intlog hyperparameters."
                + (unscored > 0 ? " " + unscored + " diverged or failed trials have no line." : "");
        return Svg.figure(svg + colors.legend("mean validation score"), List.of(), caption);
    }

    /** Pixel geometry shared by the axes: their x positions, the plot's top and bottom, the room for tick labels. */
    private record Chart(double[] xs, int bottom, double spacing) {
        /** Pixel height of {@code value} on {@code scale}; NaN (no value) is the "n/a" position below the axis. */
        double y(Scale scale, double value) {
            return Double.isNaN(value) ? bottom + ABSENT_DROP : bottom - scale.fraction(value) * (bottom - TOP);
        }

        /**
         * One axis: its line into {@code axes}, its tick labels (with a white halo, over the lines) into
         * {@code labels}.
         */
        void axis(StringBuilder axes, StringBuilder labels, String name, Scale scale, double x, boolean absent) {
            String cx = Svg.coordinate(x);
            axes.append("<g class=\"axis\" data-axis=\"")
                    .append(Svg.escape(name))
                    .append("\"><line stroke=\"#999\" x1=\"")
                    .append(cx)
                    .append("\" x2=\"")
                    .append(cx)
                    .append("\" y1=\"")
                    .append(TOP)
                    .append("\" y2=\"")
                    .append(bottom)
                    .append("\"/></g>\n");
            List<Scale.Tick> ticks = scale.ticks();
            int step = ticks.size() < 2
                    ? 1
                    : AxisText.verticalStep(Math.abs(y(scale, ticks.get(1).value())
                            - y(scale, ticks.get(0).value())));
            double room = Math.min(spacing, RIGHT) - 12;
            for (int i = 0; i < ticks.size(); i += step) {
                tickLabel(
                        labels, x, y(scale, ticks.get(i).value()), ticks.get(i).label(), room);
            }
            if (absent) {
                tickLabel(labels, x, bottom + ABSENT_DROP, "n/a", room);
            }
        }

        private static void tickLabel(StringBuilder labels, double x, double y, String label, double room) {
            labels.append("<line stroke=\"#999\" x1=\"")
                    .append(Svg.coordinate(x - 3))
                    .append("\" x2=\"")
                    .append(Svg.coordinate(x))
                    .append("\" y1=\"")
                    .append(Svg.coordinate(y))
                    .append("\" y2=\"")
                    .append(Svg.coordinate(y))
                    .append("\"/>")
                    .append("<text class=\"tick\" x=\"")
                    .append(Svg.coordinate(x + 4))
                    .append("\" y=\"")
                    .append(Svg.coordinate(y))
                    .append("\" dy=\"0.32em\"")
                    .append(AxisText.HALO)
                    .append('>')
                    .append(AxisText.text(label, room))
                    .append("</text>\n");
        }
    }
}
