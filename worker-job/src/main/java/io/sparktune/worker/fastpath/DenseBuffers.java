package io.sparktune.worker.fastpath;

import io.sparktune.worker.nd.Blas;
import io.sparktune.worker.nd.OffHeapFloats;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays {@link DenseBackprop} uses for one batch size, allocated once. The GEMMs read and write ND4J's off-heap
 * arrays; everything element-wise runs on Java arrays (bounds checks the JIT can remove, loops it can vectorise),
 * moved in and out with one bulk copy each.
 */
final class DenseBuffers {
    final int rows;
    /** Each layer's input as its GEMMs read it: the features, the activations below, or their dropped-out copy. */
    final Blas.Matrix[] inputs;
    /** Off-heap, per layer: the GEMM results ({@code Z = X·W}, later the {@code dX} of the layer above). */
    final Blas.Matrix[] gemmOut;
    /** Off-heap, per hidden layer: its activations, the next layer's input. */
    final Blas.Matrix[] activations;
    /** Off-heap, per layer: δ, read by the backward GEMMs. */
    final Blas.Matrix[] deltas;
    /** On the heap, per layer: pre-activations, activations (the output layer's: softmax or identity) and δ. */
    final float[][] z;

    final float[][] a;
    final float[][] delta;
    /** Scratch for one row: a bias, or a bias gradient. */
    final float[] row;
    /** The output layer's input after dropout, off-heap and on the heap, and the mask (0 or 1/p) it was drawn with. */
    final Blas.Matrix dropped;

    final float[] droppedValues;
    final float[] mask;
    private final float[] targets;
    private final float[] features;

    /** Buffers for training steps on batches of {@code rows}; the dropout arrays only {@code withDropout}. */
    static DenseBuffers forTraining(DenseParams[] layers, int rows, boolean withDropout) {
        return new DenseBuffers(layers, rows, true, withDropout);
    }

    /** Buffers for the forward pass alone (no δ, targets or dropout arrays), on blocks of {@code rows}. */
    static DenseBuffers forPrediction(DenseParams[] layers, int rows) {
        return new DenseBuffers(layers, rows, false, false);
    }

    private DenseBuffers(DenseParams[] layers, int rows, boolean training, boolean withDropout) {
        this.rows = rows;
        int count = layers.length;
        inputs = new Blas.Matrix[count];
        gemmOut = new Blas.Matrix[count];
        activations = new Blas.Matrix[count];
        deltas = new Blas.Matrix[count];
        z = new float[count][];
        a = new float[count][];
        delta = new float[count][];
        int widest = 0;
        for (int l = 0; l < count; l++) {
            int width = layers[l].outputs();
            widest = Math.max(widest, width);
            gemmOut[l] = matrix(rows, width);
            activations[l] = l < count - 1 ? matrix(rows, width) : null;
            deltas[l] = training ? matrix(rows, width) : null;
            z[l] = new float[rows * width];
            a[l] = new float[rows * width];
            delta[l] = training ? new float[rows * width] : null;
        }
        row = new float[widest];
        int lastInputs = layers[count - 1].inputs();
        dropped = withDropout ? matrix(rows, lastInputs) : null;
        droppedValues = withDropout ? new float[rows * lastInputs] : null;
        mask = withDropout ? new float[rows * lastInputs] : null;
        targets = training ? new float[rows * layers[count - 1].outputs()] : null;
        features = withDropout && count == 1 ? new float[rows * layers[0].inputs()] : null;
    }

    /** A batch's targets, row-major on the heap. */
    float[] targets(INDArray batch) {
        return OffHeapFloats.rowMajor(batch, targets);
    }

    /** A batch's features, row-major on the heap (kept only for dropout in a network without hidden layers). */
    float[] features(INDArray batch) {
        return OffHeapFloats.rowMajor(batch, features);
    }

    /** Frees the off-heap arrays. */
    void free() {
        for (Blas.Matrix[] matrices : List.of(gemmOut, activations, deltas, new Blas.Matrix[] {dropped})) {
            for (Blas.Matrix matrix : matrices) {
                OffHeapFloats.free(matrix == null ? null : matrix.array());
            }
        }
    }

    private static Blas.Matrix matrix(int rows, int columns) {
        return Blas.Matrix.of(Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, 'c'));
    }
}
