package io.sparktune.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix-multiply floor of one training epoch of a dense network: for every mini-batch and every layer
 * ({@code in → out}), the three GEMMs backpropagation cannot avoid — forward {@code Z = X·W}, weight gradient
 * {@code dW = Xᵀ·δ} and input gradient {@code dX = δ·Wᵀ} — with ND4J's {@code gemm} into preallocated float arrays,
 * nothing else (no activations, loss, updater or copies). An epoch that costs about this much runs at the
 * machine's matrix-multiply limit.
 */
public final class GemmBaseline {
    private final int[] widths;

    /** {@code widths}: input size, hidden widths, output size, e.g. {@code 784, 300, 100, 10}. */
    public GemmBaseline(int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("need at least an input and an output width");
        }
        this.widths = widths.clone();
    }

    /** Floating-point operations of the GEMMs of one epoch over {@code examples} (2 per multiply-add). */
    public double epochFlops(int examples) {
        double perExample = 0;
        for (int layer = 0; layer + 1 < widths.length; layer++) {
            perExample += 3 * 2.0 * widths[layer] * widths[layer + 1];
        }
        return perExample * examples;
    }

    /** Wall seconds of the GEMMs of one epoch over {@code examples} in batches of {@code batchSize}. */
    public double epochSeconds(int examples, int batchSize) {
        int fullBatches = examples / batchSize;
        int remainder = examples % batchSize;
        Layers full = new Layers(batchSize);
        Layers last = remainder > 0 ? new Layers(remainder) : null;
        long start = System.nanoTime();
        for (int batch = 0; batch < fullBatches; batch++) {
            full.forwardAndBackward();
        }
        if (last != null) {
            last.forwardAndBackward();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The arrays of every layer for one batch size, allocated once and filled with random values. */
    private final class Layers {
        private final INDArray[] inputs;
        private final INDArray[] weights;
        private final INDArray[] outputs;
        private final INDArray[] deltas;
        private final INDArray[] weightGradients;
        private final INDArray[] inputGradients;

        Layers(int rows) {
            int layers = widths.length - 1;
            inputs = new INDArray[layers];
            weights = new INDArray[layers];
            outputs = new INDArray[layers];
            deltas = new INDArray[layers];
            weightGradients = new INDArray[layers];
            inputGradients = new INDArray[layers];
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                inputs[l] = Nd4j.rand(DataType.FLOAT, rows, in);
                weights[l] = Nd4j.rand(DataType.FLOAT, in, out).subi(0.5);
                outputs[l] = Nd4j.create(DataType.FLOAT, rows, out);
                deltas[l] = Nd4j.rand(DataType.FLOAT, rows, out).subi(0.5);
                weightGradients[l] = Nd4j.create(DataType.FLOAT, in, out);
                inputGradients[l] = Nd4j.create(DataType.FLOAT, rows, in);
            }
        }

        void forwardAndBackward() {
            for (int l = 0; l < weights.length; l++) {
                Nd4j.gemm(inputs[l], weights[l], outputs[l], false, false, 1.0, 0.0);
            }
            for (int l = weights.length - 1; l >= 0; l--) {
                Nd4j.gemm(inputs[l], deltas[l], weightGradients[l], true, false, 1.0, 0.0);
                Nd4j.gemm(deltas[l], weights[l], inputGradients[l], false, true, 1.0, 0.0);
            }
        }
    }
}
