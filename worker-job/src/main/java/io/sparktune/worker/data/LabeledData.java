package io.sparktune.worker.data;

import java.util.List;

/**
 * Examples as plain arrays, shared read-only between trainings in one JVM. {@code features} is row-major
 * ({@code rows × cols}). Classification data has {@code labels} (class index of each row, into {@code classNames});
 * regression data has {@code targets} instead. The unused one is null.
 */
public record LabeledData(
        float[] features, int rows, int cols, int[] labels, List<String> classNames, float[] targets) {
    public LabeledData {
        classNames = List.copyOf(classNames);
        int labelCount = labels != null ? labels.length : targets != null ? targets.length : -1;
        if ((long) rows * cols != features.length || labelCount != rows || (labels == null) == (targets == null)) {
            throw new IllegalArgumentException("shape mismatch: " + rows + "x" + cols + " features=" + features.length
                    + " labels/targets=" + labelCount);
        }
    }

    public static LabeledData classification(
            float[] features, int rows, int cols, int[] labels, List<String> classNames) {
        return new LabeledData(features, rows, cols, labels, classNames, null);
    }

    public static LabeledData regression(float[] features, int rows, int cols, float[] targets) {
        return new LabeledData(features, rows, cols, null, List.of(), targets);
    }

    public boolean isRegression() {
        return targets != null;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** What stratified splitting keeps balanced: the class of each row, or a single stratum for regression. */
    public int[] strata() {
        return labels != null ? labels : new int[rows];
    }

    /** Number of strata: classes, or 1 for regression. */
    public int numStrata() {
        return isRegression() ? 1 : numClasses();
    }

    /** The rows at {@code indices}, in that order, as a new dataset. */
    public LabeledData select(int[] indices) {
        float[] x = new float[indices.length * cols];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * cols, x, i * cols, cols);
        }
        return withTargetsOf(indices, x, cols);
    }

    /**
     * The labels or targets of the rows at {@code indices}, in that order, without their features (no columns):
     * the truth a model's outputs for those rows are scored against.
     */
    public LabeledData targetsOf(int[] indices) {
        return withTargetsOf(indices, new float[0], 0);
    }

    private LabeledData withTargetsOf(int[] indices, float[] x, int columns) {
        if (isRegression()) {
            float[] y = new float[indices.length];
            for (int i = 0; i < indices.length; i++) {
                y[i] = targets[indices[i]];
            }
            return regression(x, indices.length, columns, y);
        }
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            y[i] = labels[indices[i]];
        }
        return classification(x, indices.length, columns, y, classNames);
    }

    /** Number of examples of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * This (test) data with its class indices renumbered to {@code trained}'s classes, so that class k means the same
     * label in both. Fails if this data has a class the training data did not.
     */
    public LabeledData alignedTo(LabeledData trained) {
        if (isRegression() || classNames.equals(trained.classNames())) {
            return this;
        }
        int[] mapped = new int[rows];
        for (int i = 0; i < rows; i++) {
            String name = classNames.get(labels[i]);
            mapped[i] = trained.classNames().indexOf(name);
            if (mapped[i] < 0) {
                throw new IllegalArgumentException("class '" + name + "' does not occur in the training data");
            }
        }
        return classification(features, rows, cols, mapped, trained.classNames());
    }
}
