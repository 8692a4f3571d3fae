package io.sparktune.bench;

import io.sparktune.worker.nd.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix-multiply floor of one training epoch of a dense network: for every mini-batch and every layer
 * ({@code in → out}), the three GEMMs backpropagation cannot avoid — forward {@code Z = X·W}, weight gradient
 * {@code dW = Xᵀ·δ} and input gradient {@code dX = δ·Wᵀ} — with ND4J's {@code gemm} into preallocated float arrays,
 * nothing else (no activations, loss, updater or copies). An epoch that costs about this much runs at the
 * machine's matrix-multiply limit. {@link #directBlas} is the stricter floor: the same products as
 * {@code cblas_sgemm} calls without ND4J's per-call op context ({@link Blas}), and no input gradient for the first
 * layer, which backpropagation never needs.
 */
public final class GemmBaseline {
    private final int[] widths;
    private final boolean direct;

    /** {@code widths}: input size, hidden widths, output size, e.g. {@code 784, 300, 100, 10}. */
    public GemmBaseline(int... widths) {
        this(false, widths);
    }

    private GemmBaseline(boolean direct, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("need at least an input and an output width");
        }
        this.widths = widths.clone();
        this.direct = direct;
    }

    /** The floor of a training step that calls BLAS itself and skips the first layer's input gradient. */
    public static GemmBaseline directBlas(int... widths) {
        return new GemmBaseline(true, widths);
    }

    /** Floating-point operations of the GEMMs of one epoch over {@code examples} (2 per multiply-add). */
    public double epochFlops(int examples) {
        double perExample = 0;
        for (int layer = 0; layer + 1 < widths.length; layer++) {
            perExample += (direct && layer == 0 ? 2 : 3) * 2.0 * widths[layer] * widths[layer + 1];
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
                gemm(inputs[l], false, weights[l], false, outputs[l]);
            }
            for (int l = weights.length - 1; l >= 0; l--) {
                gemm(inputs[l], true, deltas[l], false, weightGradients[l]);
                if (l > 0 || !direct) {
                    gemm(deltas[l], false, weights[l], true, inputGradients[l]);
                }
            }
        }

        private void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
            if (direct) {
                Blas.multiply(a, transposeA, b, transposeB, c);
            } else {
                Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
            }
        }
    }
}
