package io.sparktune.worker.data;

/**
 * Examples as plain arrays: {@code features} is row-major ({@code rows × cols}), {@code labels[i]} is the class of
 * row i in [0, numClasses). Pixels are already scaled to [0,1]. Shared read-only between trainings in one JVM.
 */
public record LabeledData(float[] features, int rows, int cols, int[] labels, int numClasses) {
    public LabeledData {
        if ((long) rows * cols != features.length || labels.length != rows) {
            throw new IllegalArgumentException("shape mismatch: " + rows + "x" + cols + " features=" + features.length
                    + " labels=" + labels.length);
        }
    }

    /** The rows at {@code indices}, in that order, as a new dataset. */
    public LabeledData select(int[] indices) {
        float[] x = new float[indices.length * cols];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * cols, x, i * cols, cols);
            y[i] = labels[indices[i]];
        }
        return new LabeledData(x, indices.length, cols, y, numClasses);
    }

    /** Number of examples of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
