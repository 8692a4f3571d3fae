package io.sparktune.results.importance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.regression.Regressor;

/**
 * The functional ANOVA of one regression tree (Hutter, Hoos and Leyton-Brown, "An Efficient Approach for Assessing
 * Hyperparameter Importance", ICML 2014, algorithm 1 and 2): the tree cuts the search space into boxes with constant
 * predictions, so the marginal prediction of a set of features is exact, a volume-weighted mean over the boxes, and
 * its variance over the features' values is their main effect. A Java port of Optuna 3.1's {@code _FanovaTree}
 * ({@code optuna/importance/_fanova/_tree.py}), step for step: node statistics (volume-weighted mean prediction and
 * volume of each subtree's box), the midpoints and widths of the intervals each feature's split values cut its range
 * into, and a walk down the tree that follows the fixed features and averages over the others.
 * <p>
 * Nodes are numbered in pre-order, so a child's number is larger than its parent's (as in scikit-learn's trees, which
 * Optuna's bottom-up pass relies on). Features are the forest's columns: {@link ParamColumns}.
 */
final class FanovaTree {
    private static final int LEAF = -1;
    /** More grid points than this for one hyperparameter in one tree: refuse rather than run for hours. */
    static final long MAX_GRID_POINTS = 1L << 22;

    private final double[][] bounds;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    /** Per node: the volume-weighted mean prediction over its box, and the box's volume. */
    private final double[] meanValue;

    private final double[] volume;
    /** Per node: the features its subtree splits on. */
    private final BitSet[] subtreeFeatures;
    /** Per feature: midpoints and widths of the intervals its split values cut [low, high] into. */
    private final double[][] midpoints;

    private final double[][] sizes;
    private final double variance;

    /**
     * @param root     a Tribuo regression tree (one output)
     * @param columnOf the forest column of each of Tribuo's feature ids
     * @param bounds   each column's [low, high]
     */
    FanovaTree(Node<Regressor> root, int[] columnOf, double[][] bounds) {
        this.bounds = bounds;
        List<Node<Regressor>> nodes = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        flatten(root, nodes, children);
        int n = nodes.size();
        feature = new int[n];
        threshold = new double[n];
        left = new int[n];
        right = new int[n];
        double[] leafValue = new double[n];
        for (int i = 0; i < n; i++) {
            if (nodes.get(i) instanceof SplitNode<Regressor> split) {
                feature[i] = columnOf[split.getFeatureID()];
                threshold[i] = split.splitValue();
                left[i] = children.get(i)[0];
                right[i] = children.get(i)[1];
            } else {
                feature[i] = LEAF;
                leafValue[i] = ((LeafNode<Regressor>) nodes.get(i)).getOutput().getValues()[0];
            }
        }
        meanValue = new double[n];
        volume = new double[n];
        precomputeStatistics(leafValue);
        subtreeFeatures = precomputeSubtreeFeatures();
        midpoints = new double[bounds.length][];
        sizes = new double[bounds.length][];
        precomputeMidpointsAndSizes();
        variance = leafVariance();
    }

    /** The variance of the tree's prediction over the whole space (0 for a tree that is a single leaf). */
    double variance() {
        return variance;
    }

    /**
     * The variance of the marginal prediction of {@code features} taken together (a choice's columns): Optuna's
     * {@code get_marginal_variance}, a volume-weighted variance over the grid of the features' interval midpoints.
     */
    double marginalVariance(int[] features, String name) {
        long points = 1;
        for (int f : features) {
            points *= midpoints[f].length;
            if (points > MAX_GRID_POINTS) {
                throw new IllegalArgumentException(name + " has too many values for fANOVA over one-hot columns (over "
                        + MAX_GRID_POINTS + " combinations in one tree)");
            }
        }
        double[] values = new double[(int) points];
        double[] weights = new double[(int) points];
        double[] sample = new double[bounds.length];
        BitSet fixed = new BitSet(bounds.length);
        for (int f : features) {
            fixed.set(f);
        }
        int[] digit = new int[features.length];
        for (int p = 0; p < points; p++) {
            double size = 1;
            for (int j = 0; j < features.length; j++) {
                sample[features[j]] = midpoints[features[j]][digit[j]];
                size *= sizes[features[j]][digit[j]];
            }
            double[] statistics = marginalizedStatistics(sample, fixed);
            values[p] = statistics[0];
            weights[p] = statistics[1] * size;
            for (int j = 0; j < features.length && ++digit[j] == midpoints[features[j]].length; j++) {
                digit[j] = 0;
            }
        }
        return weightedVariance(values, weights);
    }

    /**
     * Optuna's {@code _get_marginalized_statistics}: the mean prediction (and its weight) over all boxes that agree
     * with {@code sample} on the {@code fixed} features, the other features averaged out.
     */
    private double[] marginalizedStatistics(double[] sample, BitSet fixed) {
        // the box is tracked only along the fixed features: the others stay [0, 1] (width 1) as in Optuna
        Deque<Integer> open = new ArrayDeque<>();
        Deque<double[][]> openBoxes = new ArrayDeque<>();
        open.push(0);
        openBoxes.push(fixedBox(fixed));
        double weightedSum = 0;
        double weightSum = 0;
        while (!open.isEmpty()) {
            int node = open.pop();
            double[][] box = openBoxes.pop();
            int f = feature[node];
            if (f != LEAF) {
                if (fixed.get(f)) {
                    boolean goLeft = sample[f] <= threshold[node];
                    double[][] child = copy(box);
                    child[f][goLeft ? 1 : 0] = threshold[node];
                    open.push(goLeft ? left[node] : right[node]);
                    openBoxes.push(child);
                    continue;
                }
                if (subtreeFeatures[node].intersects(fixed)) {
                    open.push(left[node]);
                    openBoxes.push(box);
                    open.push(right[node]);
                    openBoxes.push(box);
                    continue;
                }
            }
            double weight = volume[node] / cardinality(box, fixed);
            weightedSum += weight * meanValue[node];
            weightSum += weight;
        }
        return new double[] {weightedSum / weightSum, weightSum};
    }

    /** Optuna's {@code _precompute_statistics}: leaves hold their prediction and box volume, inner nodes the mean. */
    private void precomputeStatistics(double[] leafValue) {
        int n = feature.length;
        double[][][] boxes = new double[n][][];
        boxes[0] = copy(bounds);
        for (int node = 0; node < n; node++) {
            if (feature[node] == LEAF) {
                meanValue[node] = leafValue[node];
                volume[node] = cardinality(boxes[node], null);
            } else {
                boxes[left[node]] = copy(boxes[node]);
                boxes[left[node]][feature[node]][1] = threshold[node];
                boxes[right[node]] = copy(boxes[node]);
                boxes[right[node]][feature[node]][0] = threshold[node];
            }
        }
        for (int node = n - 1; node >= 0; node--) {
            if (feature[node] != LEAF) {
                double weight = volume[left[node]] + volume[right[node]];
                meanValue[node] = weight > 0
                        ? (volume[left[node]] * meanValue[left[node]] + volume[right[node]] * meanValue[right[node]])
                                / weight
                        : (meanValue[left[node]] + meanValue[right[node]]) / 2;
                volume[node] = weight;
            }
        }
    }

    private BitSet[] precomputeSubtreeFeatures() {
        BitSet[] features = new BitSet[feature.length];
        for (int node = feature.length - 1; node >= 0; node--) {
            features[node] = new BitSet(bounds.length);
            if (feature[node] != LEAF) {
                features[node].set(feature[node]);
                features[node].or(features[left[node]]);
                features[node].or(features[right[node]]);
            }
        }
        return features;
    }

    /** Optuna's {@code _precompute_split_midpoints_and_sizes}: the distinct split values with the range's ends. */
    private void precomputeMidpointsAndSizes() {
        List<TreeSet<Double>> splitValues = new ArrayList<>();
        for (int f = 0; f < bounds.length; f++) {
            splitValues.add(new TreeSet<>());
        }
        for (int node = 0; node < feature.length; node++) {
            if (feature[node] != LEAF) {
                splitValues.get(feature[node]).add(threshold[node]);
            }
        }
        for (int f = 0; f < bounds.length; f++) {
            double[] edges = new double[splitValues.get(f).size() + 2];
            edges[0] = bounds[f][0];
            int i = 1;
            for (double value : splitValues.get(f)) {
                edges[i++] = value;
            }
            edges[i] = bounds[f][1];
            midpoints[f] = new double[edges.length - 1];
            sizes[f] = new double[edges.length - 1];
            for (int j = 0; j + 1 < edges.length; j++) {
                midpoints[f][j] = (edges[j] + edges[j + 1]) / 2;
                sizes[f][j] = edges[j + 1] - edges[j];
            }
        }
    }

    /** Optuna's {@code variance}: the volume-weighted variance of the leaves' predictions. */
    private double leafVariance() {
        int leaves = 0;
        for (int f : feature) {
            leaves += f == LEAF ? 1 : 0;
        }
        double[] values = new double[leaves];
        double[] weights = new double[leaves];
        int i = 0;
        for (int node = 0; node < feature.length; node++) {
            if (feature[node] == LEAF) {
                values[i] = meanValue[node];
                weights[i++] = volume[node];
            }
        }
        return weightedVariance(values, weights);
    }

    /** The box at the root, as {@link #marginalizedStatistics} tracks it: bounded along {@code fixed} only. */
    private double[][] fixedBox(BitSet fixed) {
        double[][] box = new double[bounds.length][];
        for (int f = 0; f < bounds.length; f++) {
            box[f] = fixed.get(f) ? bounds[f].clone() : new double[] {0, 1};
        }
        return box;
    }

    /** Volume of {@code box}, along {@code along} only if given. */
    private static double cardinality(double[][] box, BitSet along) {
        double product = 1;
        for (int f = 0; f < box.length; f++) {
            if (along == null || along.get(f)) {
                product *= box[f][1] - box[f][0];
            }
        }
        return product;
    }

    /** numpy's {@code average((values - average(values, weights)) ** 2, weights)}; 0 without weight. */
    static double weightedVariance(double[] values, double[] weights) {
        double weightSum = 0;
        double mean = 0;
        for (int i = 0; i < values.length; i++) {
            weightSum += weights[i];
            mean += weights[i] * values[i];
        }
        if (!(weightSum > 0)) {
            return 0;
        }
        mean /= weightSum;
        double variance = 0;
        for (int i = 0; i < values.length; i++) {
            variance += weights[i] * (values[i] - mean) * (values[i] - mean);
        }
        return variance / weightSum;
    }

    private static double[][] copy(double[][] box) {
        double[][] copy = new double[box.length][];
        for (int f = 0; f < box.length; f++) {
            copy[f] = box[f].clone();
        }
        return copy;
    }

    /**
     * Appends {@code node}'s subtree to {@code nodes} in pre-order, with each node's children (≤ first, as Tribuo's
     * {@link SplitNode#getLessThanOrEqual}) in {@code children}; returns {@code node}'s number.
     */
    private static int flatten(Node<Regressor> node, List<Node<Regressor>> nodes, List<int[]> children) {
        int number = nodes.size();
        nodes.add(node);
        children.add(null);
        if (node instanceof SplitNode<Regressor> split) {
            int lessOrEqual = flatten(split.getLessThanOrEqual(), nodes, children);
            int greater = flatten(split.getGreaterThan(), nodes, children);
            children.set(number, new int[] {lessOrEqual, greater});
        }
        return number;
    }
}
