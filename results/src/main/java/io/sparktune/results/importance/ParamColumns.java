package io.sparktune.results.importance;

import io.sparktune.space.LayerWidths;
import io.sparktune.space.SearchSpace;
import io.sparktune.space.SpaceLayout;
import io.sparktune.space.distribution.Choice;
import io.sparktune.space.distribution.Distribution;
import io.sparktune.space.distribution.IntLog;
import io.sparktune.space.distribution.IntegerDistribution;
import io.sparktune.space.distribution.LogUniform;
import io.sparktune.space.distribution.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The random forest's input: each trial's params as a row of numbers, the way Optuna's fANOVA builds it
 * ({@code _SearchSpaceTransform(transform_log=False, transform_step=False)} in
 * {@code optuna/importance/_fanova/_evaluator.py}, Optuna 3.1): a numeric hyperparameter is one column bounded by its
 * range, a choice is one 0/1 column per value bounded by [0, 1]. One difference: a log distribution
 * ({@code loguniform}, {@code intlog}) is taken on its log scale, the scale it was sampled on, so each decade of a
 * learning rate weighs the same in the marginal (on the raw scale, as Optuna 3.1 has it, the top decade of
 * [1e-4, 1e-1] would be 90% of the range).
 * <p>
 * A hyperparameter with one possible value is left out (its importance is 0, as Optuna reports it).
 * {@code neurons_per_layer} is one hyperparameter per hidden layer ({@link SpaceLayout.Slot#name()}:
 * {@code neurons_per_layer[0]}, …). A trial that holds no value for a hyperparameter (it does not apply: momentum under
 * adam, the third layer's width when n_hidden is 2) gets one, as SMAC's random forests impute inactive conditional
 * parameters: a number its default clamped into the range (the range's low end where there is no default, e.g. a
 * missing layer's width), a choice none of its values (all its columns 0). Its importance then measures its effect
 * where it applies, blurred by the trials where it does not; {@link #imputed} counts those trials for the notes.
 */
final class ParamColumns {
    /** One searched hyperparameter (a slot of the space) and its columns {@code [firstColumn, firstColumn + width)}. */
    record Param(SpaceLayout.Slot slot, int firstColumn, int width) {
        String name() {
            return slot.name();
        }

        int[] columns() {
            int[] columns = new int[width];
            for (int i = 0; i < width; i++) {
                columns[i] = firstColumn + i;
            }
            return columns;
        }
    }

    private final List<Param> params;
    private final List<String> singleValued;
    private final double[][] bounds;
    private final int[] imputed;

    private ParamColumns(List<Param> params, List<String> singleValued, double[][] bounds) {
        this.params = List.copyOf(params);
        this.singleValued = List.copyOf(singleValued);
        this.bounds = bounds;
        this.imputed = new int[params.size()];
    }

    static ParamColumns of(SearchSpace space) {
        List<Param> params = new ArrayList<>();
        List<String> singleValued = new ArrayList<>();
        List<double[]> bounds = new ArrayList<>();
        for (SpaceLayout.Slot slot : SpaceLayout.of(space).slots()) {
            Distribution distribution = slot.distribution();
            if (isSingleValued(distribution)) {
                singleValued.add(slot.name());
            } else if (distribution instanceof Choice choice) {
                params.add(new Param(slot, bounds.size(), choice.values().size()));
                choice.values().forEach(value -> bounds.add(new double[] {0, 1}));
            } else {
                params.add(new Param(slot, bounds.size(), 1));
                bounds.add(
                        new double[] {scaled(distribution, low(distribution)), scaled(distribution, high(distribution))
                        });
            }
        }
        return new ParamColumns(params, singleValued, bounds.toArray(double[][]::new));
    }

    /** The hyperparameters in the forest, in column order. */
    List<Param> params() {
        return params;
    }

    /** Names of the hyperparameters with a single possible value (left out of the forest). */
    List<String> singleValued() {
        return singleValued;
    }

    int columnCount() {
        return bounds.length;
    }

    /** Each column's [low, high]: the search space over which fANOVA integrates. */
    double[][] bounds() {
        return bounds;
    }

    /** Number of rows encoded so far in which {@code param} had no value of its own. */
    int imputed(Param param) {
        return imputed[params.indexOf(param)];
    }

    /** What a trial without a value for {@code param} counts as, in words for the notes. */
    static String imputedAs(Param param) {
        Distribution distribution = param.slot().distribution();
        if (distribution instanceof Choice) {
            return "as none of its values";
        }
        Object fallback = param.slot().hp().defaultValue();
        return (fallback instanceof Number ? "with its default, " : "at the low end of its range, ")
                + format(numericValue(param, null));
    }

    /** One trial's row; counts, per hyperparameter, the rows where it was imputed. */
    double[] encode(Map<String, Object> trialParams) {
        double[] row = new double[bounds.length];
        List<Integer> widths = layerWidths(trialParams);
        for (int p = 0; p < params.size(); p++) {
            Param param = params.get(p);
            SpaceLayout.Slot slot = param.slot();
            Object value = slot.layer() < 0
                    ? trialParams.get(slot.hp().specName())
                    : slot.layer() < widths.size() ? widths.get(slot.layer()) : null;
            if (slot.distribution() instanceof Choice choice) {
                int index = indexOf(choice, value);
                if (index < 0) {
                    imputed[p]++;
                } else {
                    row[param.firstColumn() + index] = 1;
                }
            } else {
                if (!(value instanceof Number)) {
                    imputed[p]++;
                }
                double x = scaled(slot.distribution(), numericValue(param, value));
                double[] bound = bounds[param.firstColumn()];
                row[param.firstColumn()] = Math.min(bound[1], Math.max(bound[0], x));
            }
        }
        return row;
    }

    /** {@code value} as a number; where it is none, the default clamped into the range, else the range's low end. */
    private static double numericValue(Param param, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        Distribution distribution = param.slot().distribution();
        Object fallback = param.slot().hp().defaultValue();
        double x = fallback instanceof Number n ? n.doubleValue() : low(distribution);
        return Math.min(high(distribution), Math.max(low(distribution), x));
    }

    private static List<Integer> layerWidths(Map<String, Object> trialParams) {
        Object perLayer = trialParams.get("neurons_per_layer");
        return perLayer == null ? List.of() : LayerWidths.parse(perLayer.toString());
    }

    /** Position of {@code value} among the choice's values (numbers compare by value: 0 matches 0.0), or -1. */
    private static int indexOf(Choice choice, Object value) {
        for (int i = 0; i < choice.values().size(); i++) {
            Object candidate = choice.values().get(i);
            boolean same = candidate instanceof Number a && value instanceof Number b
                    ? Double.compare(a.doubleValue(), b.doubleValue()) == 0
                    : value != null && Objects.equals(String.valueOf(candidate), String.valueOf(value));
            if (same) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSingleValued(Distribution distribution) {
        return distribution.isContinuous()
                ? low(distribution) == high(distribution)
                : distribution.discreteValues().size() == 1;
    }

    private static boolean isLog(Distribution distribution) {
        return distribution instanceof LogUniform || distribution instanceof IntLog;
    }

    private static double scaled(Distribution distribution, double value) {
        return isLog(distribution) ? Math.log(value) : value;
    }

    private static double low(Distribution distribution) {
        return bound(distribution, true);
    }

    private static double high(Distribution distribution) {
        return bound(distribution, false);
    }

    private static double bound(Distribution distribution, boolean low) {
        if (distribution instanceof Uniform u) {
            return low ? u.low() : u.high();
        }
        if (distribution instanceof LogUniform l) {
            return low ? l.low() : l.high();
        }
        if (distribution instanceof IntegerDistribution i) {
            return low ? i.low() : i.high();
        }
        throw new IllegalArgumentException("not a numeric distribution: " + distribution);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
